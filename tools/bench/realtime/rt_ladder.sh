#!/bin/bash
# Real-time ladder, Graphony vs Csound in the same run: on a private JACK dummy server
# (48 kHz, 256-frame periods), how many simultaneous sine partials/voices each sustains
# for SECONDS with 0 xruns; plus the time from a live note command to its first non-zero
# output sample. Not run by ctest (about 3-4 minutes).
#
#   rt_ladder.sh BUILD_DIR [SECONDS=15] ["CSOUND_LADDER"] ["GRAPHONY_LADDER"]
#
# Csound: shared/bench/rt_jack.sh's method exactly (csound -+rtaudio=jack -b 256 -B 512,
# W(N) with oscili, xruns counted from "rtjack: xrun in real time audio", minus the one it
# always reports at start-up). Graphony: graphony-rt-bench plays W(N) as a partial bank
# through LivePlayer/PortAudio; xruns are the host's (PortAudio status flags fed by JACK's
# xrun callback, same source as Csound's), start-up ones reported apart; every run is also
# recorded and its octave spectrum compared with the offline render of the same W(N)
# (spectrum_check.py), so a live run that drops partials or blocks cannot pass.
# Scheduling: Graphony renders inside JACK's process callback, which libjack runs at
# real-time priority; Csound renders on its own performance thread and only copies in the
# callback. On a busy machine an ordinary-priority Csound thread loses to every other
# process (measured: N=1000 took 66 s for 15 s of audio at load 12), so Csound is run
# under `chrt -f 20` when allowed, making the comparison about DSP, not the scheduler.
# jackd's own log attributes every xrun: "JackTimedDriver::Process XRun" = the server's
# driver thread woke late (the machine), "client = X was not finished" = client X was late.
# Both are shown per step ("server late / client late").
# Csound is installed here if missing (bench only; not a project dependency).
set -u
BUILD=$(cd "${1:?usage: rt_ladder.sh BUILD_DIR [SECONDS] [CSOUND_LADDER] [GRAPHONY_LADDER]}" && pwd)
SECS=${2:-15}
CS_LADDER=${3:-1000 2000 3000 4000}
GR_LADDER=${4:-4000 16000 32000 64000 96000 128000}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${GRAPHONY_SHARED_BENCH:-/work/shared/bench}
BENCH=$BUILD/tools/bench/realtime/graphony-rt-bench
PY=/usr/bin/python3
WORK=$(mktemp -d /tmp/graphony-rtbench-XXXXXX)
export JACK_DEFAULT_SERVER="graphony-rtbench-$$"
export JACK_NO_AUDIO_RESERVATION=1
export JACK_NO_START_SERVER=1

[ -x "$BENCH" ] || { echo "build graphony-rt-bench first (cmake --build $BUILD --target graphony-rt-bench)"; exit 1; }
if ! command -v csound >/dev/null; then
  echo "installing csound (bench only)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends csound >/dev/null || exit 1
fi

CHRT=""
if chrt -f 20 true 2>/dev/null; then CHRT="chrt -f 20"; fi

jackd -R -d dummy -r 48000 -p 256 >"$WORK/jackd.log" 2>&1 &
JPID=$!
trap 'kill $JPID 2>/dev/null; wait $JPID 2>/dev/null; rm -rf "$WORK"' EXIT
timeout 10 jack_wait -w >/dev/null 2>&1 || { echo "jackd failed:"; cat "$WORK/jackd.log"; exit 1; }
echo "jackd -R -d dummy -r 48000 -p 256 (server $JACK_DEFAULT_SERVER); load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; csound under: ${CHRT:-normal priority}"

# jackd log counters since the previous call: "SERVER_LATE CLIENT_LATE" for client $1.
LOGPOS=0
jack_log_delta() {
  local total
  total=$(wc -l <"$WORK/jackd.log")
  local server client
  server=$(tail -n +"$((LOGPOS + 1))" "$WORK/jackd.log" | head -n "$((total - LOGPOS))" | grep -c "JackTimedDriver::Process XRun")
  client=$(tail -n +"$((LOGPOS + 1))" "$WORK/jackd.log" | head -n "$((total - LOGPOS))" | grep -c "client = $1 was not finished")
  LOGPOS=$total
  echo "$server / $client"
}

printf "\n| engine | N | wall s | cpu %% of 1 core | xruns | start-up xruns | jackd: server late / client late | late buffers | max load | live = offline spectrum |\n|---|---|---|---|---|---|---|---|---|---|\n"
cs_best=0
for N in $CS_LADDER; do
  $PY -c "
import sys
sys.path.insert(0, '$SHARED')
import workload as w
w.DUR = float($SECS)
open('$WORK/rt$N.csd', 'w').write(w.csd($N).replace('-d -m0 -W -f --nodisplays', '-d -m4 --nodisplays'))
"
  /usr/bin/time -f "%U %S %e" -o "$WORK/time.txt" timeout $((SECS * 3)) \
    $CHRT csound -+rtaudio=jack -odac -b 256 -B 512 -+jack_client=csbench "$WORK/rt$N.csd" >"$WORK/cs.log" 2>&1
  read -r U S E < <(tail -1 "$WORK/time.txt")
  cpu=$($PY -c "print(f'{100*($U+$S)/$E:.0f}')")
  csx=$(grep -c -i 'xrun in real time audio' "$WORK/cs.log")
  x=$(( csx > 0 ? csx - 1 : 0 ))
  printf "| csound oscili | %s | %s | %s | %s | %s | %s | - | - | - |\n" "$N" "$E" "$cpu" "$x" "$(( csx > 0 ? 1 : 0 ))" "$(jack_log_delta csbench)"
  [ "$x" -eq 0 ] && [ "$N" -gt "$cs_best" ] && cs_best=$N
done

jack_log_delta none >/dev/null
gr_best=0
for N in $GR_LADDER; do
  /usr/bin/time -f "%U %S %e" -o "$WORK/time.txt" "$BENCH" partials "$N" "$SECS" "$WORK/g.wav" \
    >"$WORK/g.txt" 2>&1
  rc=$?
  read -r U S E < <(tail -1 "$WORK/time.txt")
  cpu=$($PY -c "print(f'{100*($U+$S)/$E:.0f}')")
  if [ $rc -ne 0 ]; then printf "| graphony | %s | failed: %s |\n" "$N" "$(tail -1 "$WORK/g.txt")"; continue; fi
  read -r _ _ _ _ _ x _ sx _ late _ load _ <"$WORK/g.txt"
  jl=$(jack_log_delta PortAudio)
  "$BENCH" offline "$N" 6 "$WORK/ref.wav" >/dev/null 2>&1
  level=$($PY "$HERE/spectrum_check.py" "$WORK/g.wav" "$WORK/ref.wav" 2>&1); lrc=$?
  printf "| graphony | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" "$N" "$E" "$cpu" "$x" "$sx" "$jl" "$late" "$load" "$level"
  [ "$x" -eq 0 ] && [ $lrc -eq 0 ] && [ "$N" -gt "$gr_best" ] && gr_best=$N
  rm -f "$WORK/g.wav" "$WORK/ref.wav"
done

echo
echo "largest clean N for ${SECS} s: csound $cs_best, graphony $gr_best (ratio $($PY -c "print(f'{$gr_best/max($cs_best,1):.1f}x')"))"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "live note -> first non-zero output sample:"
"$BENCH" latency 100
