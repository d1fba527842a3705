#!/usr/bin/env bash
# Editor II benchmark (not run by ctest), under Xvfb/llvmpipe with JACK's dummy driver at
# 48 kHz / 256-frame periods:
#  1. frame time while playing a scan-mode image score with the view following the playhead,
#     against the same score stopped (ratio = playing / stopped, measured in the same run);
#  2. mouse-down on the canvas -> first non-zero sample of the stroke's sound, two ways:
#     in-app (frame start that saw the press -> sample rendered) and end-to-end (this script's
#     clock just before `xdotool mousedown` -> sample rendered; includes xdotool's start-up).
# usage: tools/bench/editor_audio/run_bench.sh BUILD_DIR [PLAY_SECONDS] [PRESSES]
set -euo pipefail
BUILD=${1:?usage: run_bench.sh BUILD_DIR [PLAY_SECONDS] [PRESSES]}
PLAY_SECONDS=${2:-8}
PRESSES=${3:-12}
PY=/usr/bin/python3
WORK=$(mktemp -d /tmp/graphony-editor-audio-bench.XXXXXX)
XVFB_PID="" JACK_PID="" APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$JACK_PID" ] && kill "$JACK_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
STATUS="$WORK/status.txt"
get() { sed -n "s/^$1=//p" "$STATUS" 2>/dev/null | head -n1; }

# A 1600x1000 photo-like picture as a 64-beat scan-mode score (every row sounds).
convert -size 1600x1000 gradient:'#f6d365'-'#4a6fa5' -fill '#2e8b57' -draw 'circle 500,600 500,900' \
  -fill '#c0392b' -draw 'rectangle 1000,200 1400,600' -quality 90 "$WORK/picture.jpg"
"$BUILD/graphony-cli" new "$WORK/scan.graphony" --image "$WORK/picture.jpg" --mode scan \
  --beats 64 --tempo 96 --instrument soft-pad >/dev/null

exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$WORK/display")" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
export HOME="$WORK/home" GRAPHONY_DEBUG_STATUS="$STATUS"
mkdir -p "$HOME"
export JACK_DEFAULT_SERVER="graphony-edbench-$$" JACK_NO_START_SERVER=1
jackd --no-realtime -d dummy -r 48000 -p 256 >"$WORK/jackd.log" 2>&1 &
JACK_PID=$!
timeout 10 jack_wait -w >/dev/null 2>&1
echo "renderer: $(glxinfo -B 2>/dev/null | grep -m1 'renderer string' | cut -d: -f2- || echo unknown)"

"$BUILD/graphony" "$WORK/scan.graphony" >"$WORK/app.log" 2>&1 &
APP_PID=$!
xdotool search --sync --onlyvisible --name Graphony >/dev/null
xdotool search --name Graphony windowmove 0 0 || true
for _ in $(seq 100); do [ "$(get program_ready)" = 1 ] && break; sleep 0.2; done
echo "device: $(get device_name), buffer $(get buffer_frames) frames, program prepared in $(get prepare_ms) ms"

sample() {  # sample SECONDS OUT: every status file written during SECONDS
  : >"$2"
  local end=$((SECONDS + $1)) last=""
  while [ $SECONDS -lt $end ]; do
    local m; m=$(stat -c %Y.%N "$STATUS" 2>/dev/null || echo 0)
    if [ "$m" != "$last" ]; then cat "$STATUS" >>"$2"; echo "---" >>"$2"; last=$m; fi
    sleep 0.25
  done
}
# Zoom in (6x) so a stretch of ~10 beats is on screen and the view has to follow the playhead.
for _ in $(seq 8); do xdotool key equal; sleep 0.1; done
sleep 0.5
# Stopped: the same window, redrawn continuously (a wiggle keeps frames coming).
xdotool mousemove 1500 950
( for _ in $(seq $((PLAY_SECONDS * 10))); do xdotool mousemove_relative 1 0 mousemove_relative -- -1 0; sleep 0.1; done ) &
WIGGLE=$!
sample "$PLAY_SECONDS" "$WORK/stopped.txt"
wait $WIGGLE 2>/dev/null || true
xdotool key space
sleep 0.5
sample "$PLAY_SECONDS" "$WORK/playing.txt"
echo "playhead after ${PLAY_SECONDS}s: beat $(get playhead_beat), view first beat $(get view_first_beat), xruns $(get xruns), late callbacks $(get late_callbacks)"
xdotool key space
sleep 0.5

# Mouse-down latency: short strokes on the canvas, one at a time.
: >"$WORK/presses.txt"
for i in $(seq "$PRESSES"); do
  before=$(get first_sample_clock_s)
  x=$((600 + (i % 6) * 90)) y=$((420 + (i % 4) * 60))
  xdotool mousemove "$x" "$y"
  sleep 0.3
  t0=$($PY -c 'import time; print(f"{time.monotonic():.6f}")')
  xdotool mousedown 1
  sleep 0.15
  xdotool mousemove $((x + 30)) "$y" mouseup 1
  for _ in $(seq 20); do
    [ "$(get first_sample_clock_s)" != "$before" ] && break
    sleep 0.1
  done
  echo "$t0 $(get first_sample_clock_s) $(get input_to_sound_ms)" >>"$WORK/presses.txt"
done

$PY - "$WORK/stopped.txt" "$WORK/playing.txt" "$WORK/presses.txt" <<'PYEOF'
import statistics as st, sys
def blocks(path):
    out = []
    for block in open(path).read().split("---"):
        d = dict(l.split("=", 1) for l in block.strip().splitlines() if "=" in l)
        if d.get("frames") and int(d["frames"]) > 0:
            out.append(d)
    return out
def summary(name, bl):
    f = lambda k: [float(b[k]) for b in bl]
    work, p95, mx = f("frame_mean_ms"), f("frame_p95_ms"), f("frame_max_ms")
    iv, ivmx = f("interval_mean_ms"), f("interval_max_ms")
    fr = sum(int(b["frames"]) for b in bl)
    print(f"{name:8s} frames={fr:5d} work mean={st.mean(work):6.2f} ms  p95(worst window)={max(p95):6.2f} ms  "
          f"max={max(mx):6.2f} ms | interval mean={st.mean(iv):6.2f} ms max={max(ivmx):6.2f} ms")
    return st.mean(work)
# Frame time proper (frame start to frame start, drawing included) playing vs stopped:
def iv(path):
    v = [float(b["interval_mean_ms"]) for b in blocks(path)]
    return st.mean(v) if v else float("nan")
s = summary("stopped", blocks(sys.argv[1]))
p = summary("playing", blocks(sys.argv[2]))
print(f"frame work ratio playing/stopped = {p / s:.2f}")
print(f"frame time (interval) ratio playing/stopped = {iv(sys.argv[2]) / iv(sys.argv[1]):.2f}")
in_app, e2e = [], []
for line in open(sys.argv[3]):
    t0, t1, ms = map(float, line.split())
    if t1 > t0 > 0:
        e2e.append((t1 - t0) * 1000)
    if ms > 0:
        in_app.append(ms)
def show(name, v):
    if not v:
        print(f"{name}: no measurements"); return
    v = sorted(v)
    print(f"{name}: n={len(v)} median={st.median(v):.1f} ms min={v[0]:.1f} ms max={v[-1]:.1f} ms")
show("mouse-down -> first sample, in-app (frame start -> sample rendered)", in_app)
show("mouse-down -> first sample, end-to-end (before xdotool -> sample rendered)", e2e)
PYEOF
echo "output latency reported by the device: $(get output_latency_ms) ms (add for the time to the speaker)"
