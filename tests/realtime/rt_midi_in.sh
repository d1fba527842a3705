#!/bin/bash
# MIDI input under a private JACK dummy server: a JACK MIDI client (midi_feed_jack) plays
# 8 notes into `graphony-cli play --midi-in midi-feed --colour 1 --record`; the take holds
# those 8 pitches (aubio) in colour 1's sine, the saved score has them as 8 taps of colour 1
# credited to the chosen person, and the client prints note-in to first sample.
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
"$CLI" people "$WORK/midi-in.json" add "Ana Ruiz" >/dev/null || fail "could not add a person"

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
  --record "$WORK/take.wav" --midi-record-to "$WORK/taken.json" --person "Ana Ruiz" \
  >"$WORK/out.txt" 2>"$WORK/err.txt"
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
grep -q "^MIDI in: 8 taps written to $WORK/taken.json" "$WORK/out.txt" || fail "no 8 taps written"
# The saved score (read back by graphony-cli validate, then as plain JSON): 8 taps in
# colour 1, credited to Ana, one every 1.2 beats (0.6 s at 120 bpm), heights rising with
# the pitches (the mapping spans MIDI 60..72).
"$CLI" validate "$WORK/taken.json" >/dev/null || fail "the saved score does not validate"
/usr/bin/python3 - "$WORK/taken.json" <<'PY' || fail "the saved taps"
import json, sys
d = json.load(open(sys.argv[1]))
layer = [l for l in d["layers"] if l.get("name") == "MIDI in"][0]
taps = layer["strokes"]
colour = d["palette"][1]["color"]
ana = [p["id"] for p in d["contributors"] if p["name"] == "Ana Ruiz"][0]
assert len(taps) == 8, f"{len(taps)} taps"
for t, n in zip(taps, [60, 62, 64, 65, 67, 69, 71, 72]):
    assert t["color"] == colour and t["contributor"] == ana, t
    p = t["points"]
    assert p[-1]["beat"] - p[0]["beat"] < 0.125, "not a tap"
    assert abs(p[0]["height"] - (n - 60) / 12) < 1e-6, (n, p[0]["height"])
beats = [t["points"][0]["beat"] for t in taps]
steps = [b - a for a, b in zip(beats, beats[1:])]
assert all(abs(s - 1.2) < 0.05 for s in steps), steps
print("saved taps: 8 in colour", colour, "credited to", ana, "at beats", ", ".join(f"{b:.2f}" for b in beats))
PY

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
