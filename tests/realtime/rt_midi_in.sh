#!/bin/bash
# MIDI input under a private JACK dummy server: a JACK MIDI client (midi_feed_jack) plays
# 8 notes into `graphony-cli play --midi-in midi-feed --colour 1 --record`; the take holds
# those 8 pitches (aubio) in colour 1's sine, and the client prints note-in to first sample.
# Also: `--midi-in list` lists the port, a missing port is a one-line error (exit 1), and
# the feeder quitting mid-take is reported, not a crash.
#   rt_midi_in.sh GRAPHONY_CLI RT_FIXTURE MIDI_FEED_JACK
source "$(dirname "$0")/jack_env.sh"
CLI=$1
FIX=$2
FEED=$3
HERE=$(cd "$(dirname "$0")" && pwd)
PITCH="/usr/bin/python3 $HERE/../../tools/verify/pitch_windows.py"
NOTES=60,62,64,65,67,69,71,72

start_private_jackd
"$FIX" scores "$WORK" || fail "could not write the test scores"

echo "== a missing port"
"$CLI" play "$WORK/midi-in.json" --midi-in no-such-port --for 1 >"$WORK/out.txt" 2>"$WORK/err.txt"
rc=$?
cat "$WORK/err.txt"
[ $rc = 1 ] || fail "missing port: exit $rc, expected 1"
grep -q 'MIDI input: no port "no-such-port"' "$WORK/err.txt" || fail "missing port: no one-line error"

echo "== 8 notes played in, recorded"
"$FEED" $NOTES PortAudio:out_0 >"$WORK/feed.txt" 2>"$WORK/feed-err.txt" &
FEED_PID=$!
for _ in $(seq 200); do grep -q ready "$WORK/feed.txt" && break; sleep 0.02; done
"$CLI" play "$WORK/midi-in.json" --midi-in list >"$WORK/list.txt" || fail "--midi-in list"
grep -qx "midi-feed:out" "$WORK/list.txt" || { cat "$WORK/list.txt"; fail "list: no midi-feed:out"; }
"$CLI" play "$WORK/midi-in.json" --midi-in midi-feed --colour 1 --for 7 \
  --record "$WORK/take.wav" >"$WORK/out.txt" 2>"$WORK/err.txt"
rc=$?
wait $FEED_PID
feed_rc=$?
cat "$WORK/out.txt" "$WORK/feed.txt" "$WORK/feed-err.txt"
[ $rc = 0 ] || { cat "$WORK/err.txt"; fail "play exited $rc"; }
[ $feed_rc = 0 ] || fail "the feeder did not hear all 8 notes"
grep -q "^MIDI in: 8 notes, 0 messages ignored, 0 dropped" "$WORK/out.txt" || fail "not 8 notes in"
# The first onset in the take is the first note; then one every 0.6 s, sounding 0.35 s.
first=$(aubioonset -i "$WORK/take.wav" | head -1)
[ -n "$first" ] || fail "no onset in the take"
windows=$(awk -v t="$first" 'BEGIN { for (i = 0; i < 8; i++) printf "%s%.3f:%.3f", (i ? "," : ""), t + 0.6 * i, t + 0.6 * i + 0.35 }')
$PITCH "$WORK/take.wav" --windows "$windows" --expect $NOTES || fail "the take's pitches"

echo "== the feeder quits mid-take"
"$FEED" 60,64,67 PortAudio:out_0 >"$WORK/feed.txt" 2>&1 &
FEED_PID=$!
for _ in $(seq 200); do grep -q ready "$WORK/feed.txt" && break; sleep 0.02; done
"$CLI" play "$WORK/midi-in.json" --midi-in midi-feed --for 6 >"$WORK/out.txt" 2>"$WORK/err.txt"
rc=$?
wait $FEED_PID
cat "$WORK/err.txt" "$WORK/out.txt"
[ $rc = 0 ] || fail "play exited $rc after the MIDI port went away"
grep -q 'MIDI input: port "midi-feed:out" went away' "$WORK/err.txt" || fail "vanished port not reported"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PASS"
