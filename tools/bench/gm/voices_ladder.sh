#!/bin/bash
# Voices held in real time: N sustained notes of the soundfont cello and of the engine's warm
# pad, through the live player on a private JACK dummy server (48 kHz, 256-frame periods).
#   voices_ladder.sh [BUILD_DIR]
source "$(dirname "$0")/../../../tests/realtime/jack_env.sh"
BENCH=${1:-$(dirname "$0")/../../../build}/tools/bench/realtime/graphony-rt-bench
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start_private_jackd
for inst in cello soft-pad; do
  for n in 32 64 128 256; do "$BENCH" voices "$inst" "$n" 6 2>/dev/null | tail -1; done
done
