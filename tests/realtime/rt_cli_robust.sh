#!/bin/bash
# graphony-cli play when things go wrong: no device at all (clear message, exit 1, fast),
# Ctrl+C during a recording (clean stop, valid WAV, no temporary file left), and the JACK
# server disappearing mid-playback (message, exit 1, the recording still saved).
#   rt_cli_robust.sh GRAPHONY_CLI RT_FIXTURE
source "$(dirname "$0")/jack_env.sh"
CLI=$1
FIX=$2
MSG="no sound output device found; offline export still works"
"$FIX" scores "$WORK" || fail "could not write the test scores"

# A WAV that libsndfile-independent tools accept, with the length asked for (sox).
check_wav() {  # FILE MIN_SECONDS MAX_SECONDS
  local d
  d=$(sox --i -D "$1" 2>/dev/null) || fail "$1 is not a readable audio file"
  [ "$(sox --i -t "$1")" = wav ] || fail "$1 is not a WAV"
  awk -v d="$d" -v lo="$2" -v hi="$3" 'BEGIN { exit !(d >= lo && d <= hi) }' \
    || fail "$1 lasts $d s, expected $2..$3"
  echo "$1: $d s, valid WAV"
}

echo "== no device: no JACK server with this name, and no ALSA card"
export JACK_DEFAULT_SERVER="graphony-rt-none-$$-$RANDOM"
start=$(date +%s.%N)
"$CLI" play "$WORK/staircase.json" >"$WORK/out.txt" 2>"$WORK/err.txt"
rc=$?
secs=$(echo "$(date +%s.%N) - $start" | bc)
cat "$WORK/err.txt"
[ $rc -eq 1 ] || fail "play without a device exited $rc, expected 1"
[ "$(cat "$WORK/err.txt")" = "$MSG" ] || fail "play without a device: unexpected message"
awk -v s="$secs" 'BEGIN { exit !(s < 3) }' || fail "play without a device took $secs s"
"$CLI" devices >/dev/null 2>"$WORK/err.txt"
[ $? -eq 1 ] || fail "devices without a device should exit 1"
[ "$(cat "$WORK/err.txt")" = "$MSG" ] || fail "devices without a device: unexpected message"
# Offline work is unaffected.
"$FIX" render "$WORK/staircase.json" "$WORK/offline.wav" || fail "offline render without a device"

start_private_jackd

echo "== Ctrl+C finishes the recording (and the input track) cleanly"
"$CLI" play "$WORK/moderate.json" --record "$WORK/int.wav" --input system >"$WORK/out.txt" 2>"$WORK/err.txt" &
PLAY=$!
# Preparing (interpretation, loudness measurement) can take seconds on a loaded machine:
# Ctrl+C two seconds after the recording has started (its temp file appears then).
for _ in $(seq 300); do ls -a "$WORK" | grep -q '^\.int\.wav\.tmp-' && break; sleep 0.1; done
sleep 2
kill -INT $PLAY
wait $PLAY
rc=$?
cat "$WORK/out.txt" "$WORK/err.txt"
[ $rc -eq 0 ] || fail "play after Ctrl+C exited $rc"
grep -q "^stopped (Ctrl+C): .*xruns: [0-9]" "$WORK/out.txt" || fail "no Ctrl+C summary"
check_wav "$WORK/int.wav" 1.5 2.6
check_wav "$WORK/int-input.wav" 1.4 2.6
grep -q "input $WORK/int-input.wav" "$WORK/out.txt" || fail "summary does not name the input track"
ls "$WORK" | grep -q '\.part' && fail "a temporary recording file was left behind"

echo "== the JACK server goes away during playback"
"$CLI" play "$WORK/moderate.json" --record "$WORK/lost.wav" >"$WORK/out.txt" 2>"$WORK/err.txt" &
PLAY=$!
for _ in $(seq 300); do ls -a "$WORK" | grep -q '^\.lost\.wav\.tmp-' && break; sleep 0.1; done
sleep 1.5
kill "$JACKD_PID"
wait "$JACKD_PID" 2>/dev/null
start=$(date +%s.%N)
wait $PLAY
rc=$?
secs=$(echo "$(date +%s.%N) - $start" | bc)
cat "$WORK/out.txt" "$WORK/err.txt"
[ $rc -eq 1 ] || fail "play after losing the device exited $rc, expected 1"
grep -q "stopped working; playback stopped" "$WORK/err.txt" || fail "no device-lost message"
awk -v s="$secs" 'BEGIN { exit !(s < 5) }' || fail "noticing the lost device took $secs s"
check_wav "$WORK/lost.wav" 1.0 2.5
echo PASS
