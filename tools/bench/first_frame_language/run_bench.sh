#!/usr/bin/env bash
# Time to the first frame in Chinese and in Arabic against English, in the same run, under
# Xvfb (the editor's --bench-frames, which times process start to the first finished frame,
# font atlas included), with the real Chinese and Arabic catalogues. Runs are interleaved
# (en, zh_CN, ar, en, ...) so load changes hit all three alike; medians are compared. Target: each ratio <= 1.20. The last line is the ratios.
# usage: tools/bench/first_frame_language/run_bench.sh BUILD_DIR [ROUNDS]
set -euo pipefail
BUILD=${1:?usage: run_bench.sh BUILD_DIR [ROUNDS]}
ROUNDS=${2:-7}
SRC=$(cd "$(dirname "$0")/../../.." && pwd)
WORK=$(mktemp -d /tmp/graphony-language-bench.XXXXXX)
XVFB_PID=""
trap '[ -n "$XVFB_PID" ] && kill $XVFB_PID 2>/dev/null; rm -rf "$WORK"' EXIT

# The real catalogues, as built from po/ (build/locale): the Chinese one draws on about 560
# different characters, the Arabic one on the alphabet and its joined forms.
for lang in zh_CN ar; do
  [ -s "$BUILD/locale/$lang/LC_MESSAGES/graphony.mo" ] ||
    { echo "no $BUILD/locale/$lang catalogue: build the graphony_translations target"; exit 1; }
done

exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$WORK/display")" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config"
export GRAPHONY_LOCALEDIR="$BUILD/locale" JACK_NO_START_SERVER=1
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (the machine is shared: compare ratios)"
# One warm-up of each (fonts into the page cache), not counted.
for lang in en zh_CN ar; do
  "$BUILD/graphony" --language "$lang" "$SRC/scores/demo.graphony" --bench-frames 1 >/dev/null 2>&1
done
for r in $(seq "$ROUNDS"); do
  for lang in en zh_CN ar; do
    ms=$("$BUILD/graphony" --language "$lang" "$SRC/scores/demo.graphony" --bench-frames 1 2>&1 |
           sed -n 's/^bench: time_to_first_frame_ms=\([0-9.]*\).*/\1/p')
    [ -n "$ms" ] || { echo "no time from graphony --language $lang"; exit 1; }
    echo "$lang $ms" >>"$WORK/times.txt"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$WORK/times.txt" <<'PYEOF'
import statistics, sys
t = {}
for line in open(sys.argv[1]):
    lang, ms = line.split()
    t.setdefault(lang, []).append(float(ms))
med = {k: statistics.median(v) for k, v in t.items()}
for k in ("en", "zh_CN", "ar"):
    print(f"first_frame {k:6s} median_ms={med[k]:.1f} runs={len(t[k])} "
          f"min_ms={min(t[k]):.1f} max_ms={max(t[k]):.1f}")
zh, ar = med["zh_CN"] / med["en"], med["ar"] / med["en"]
verdict = "ok" if max(zh, ar) <= 1.20 else "OVER the 1.20 target"
print(f"ratio zh_CN/en={zh:.3f} ar/en={ar:.3f} ({verdict})")
PYEOF
