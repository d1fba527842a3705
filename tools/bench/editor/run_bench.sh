#!/usr/bin/env bash
# Editor benchmark under Xvfb/llvmpipe: a 4000x3000 picture and 5000 strokes; time to first frame,
# idle / fitted-panning / zoomed-panning frame times, idle allocations.
# usage: tools/bench/editor/run_bench.sh BUILD_DIR [FRAMES]   (COMPARE_FRAMES for the cache-off run)
set -euo pipefail
BUILD=${1:?usage: run_bench.sh BUILD_DIR [FRAMES]}
FRAMES=${2:-120}
WORK=$(mktemp -d /tmp/graphony-editor-bench.XXXXXX)
XVFB_PID=""
trap '[ -n "$XVFB_PID" ] && kill $XVFB_PID 2>/dev/null; rm -rf "$WORK"' EXIT
convert -size 4000x3000 gradient:'#f6d365'-'#4a6fa5' -fill '#2e8b57' -draw 'circle 1200,1800 1200,2600' \
  -fill '#c0392b' -draw 'rectangle 2400,600 3400,1600' -quality 90 "$WORK/big.jpg"
"$BUILD/tools/bench/editor/make_editor_bench_score" "$WORK/big.jpg" 5000 "$WORK/bench.graphony"
exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$WORK/display")" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
echo "renderer: $(glxinfo -B 2>/dev/null | grep -m1 'renderer string' | cut -d: -f2- || echo unknown)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "== stroke cache on (the default) =="
"$BUILD/tools/bench/editor/graphony-bench" "$WORK/bench.graphony" --bench-frames "$FRAMES" 2>&1 | grep '^bench'
# The same run without the cache, as the peer figure (fewer frames: it is slow).
echo "== stroke cache off (every stroke rasterised every frame) =="
GRAPHONY_NO_STROKE_CACHE=1 "$BUILD/tools/bench/editor/graphony-bench" "$WORK/bench.graphony" --bench-frames "${COMPARE_FRAMES:-10}" 2>&1 | grep '^bench'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
