#!/usr/bin/env bash
# A MIDI keyboard in the editor under Xvfb and a private JACK dummy server: midi_feed_jack's
# port appears in Sound settings, is chosen, and its 8 notes, played while a take records
# with colour 3 and Ali chosen, are heard (its note-in to first sample is printed) and saved
# as 8 taps of colour 3 credited to Ali (read back with graphony-cli). The keyboard's program
# then quits: the editor says so and keeps running; it reconnects when it comes back. The
# choice is kept in the settings file.
# usage: gui_midi_test.sh GRAPHONY GRAPHONY_CLI MIDI_FEED_JACK ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2 FEED=$3
ART=${GRAPHONY_ARTIFACTS:-$4}/editor_midi
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/../editor/editor_session.sh"
begin_session midi xdotool import jackd jack_wait unzip
JACK_PID="" FEED_PID=""
trap '[ -n "$FEED_PID" ] && kill $FEED_PID 2>/dev/null; [ -n "$JACK_PID" ] && kill $JACK_PID 2>/dev/null; end_session' EXIT
FAIL_STATUS="midi"
source "$(dirname "$0")/../gui_screenshots.sh"
NOTES=60,62,64,65,67,69,71,72

start_display 1600x1000
export JACK_DEFAULT_SERVER="graphony-midi-$$" JACK_NO_START_SERVER=1 JACK_NO_AUDIO_RESERVATION=1
# Real-time scheduling when the system allows it (as tests/realtime/jack_env.sh): a loaded
# machine otherwise makes the server itself miss cycles.
jackd -R -d dummy -r 48000 -p 256 >"$WORK/jackd.log" 2>&1 &
JACK_PID=$!
if ! timeout 10 jack_wait -w >/dev/null 2>&1; then
  kill $JACK_PID 2>/dev/null; wait $JACK_PID 2>/dev/null || true
  jackd --no-realtime -d dummy -r 48000 -p 256 >"$WORK/jackd.log" 2>&1 &
  JACK_PID=$!
  timeout 10 jack_wait -w >/dev/null 2>&1 || fail "jackd (dummy driver) did not start"
fi

# Three colours, two people, a chromatic C4..C5 range (a tap's height is (note - 60) / 12).
SCORE="$WORK/keys.graphony"
$PY - "$SCORE" <<'PYEOF'
import json, sys, zipfile
score = {"format_version": 2, "title": "Keys", "tempo_bpm": 120, "length_beats": 48,
         "contributors": [{"id": "c1", "name": "Maya"}, {"id": "c2", "name": "Ali"}],
         "mapping": {"scale": "chromatic", "root": 60, "lowest": 60, "highest": 72},
         "palette": [{"color": "#0072b2", "instrument": "flute", "name": "Flute"},
                     {"color": "#e69f00", "instrument": "pluck", "name": "Pluck"},
                     {"color": "#009e73", "instrument": "sine", "name": "Sine"}],
         "layers": [{"kind": "strokes", "name": "end", "strokes": [
             {"color": "#0072b2", "points": [{"beat": 46, "height": 0.5},
                                             {"beat": 47, "height": 0.5}]}]}]}
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("score.json", json.dumps(score))
PYEOF

start_editor "$SCORE"
wait_status device ok 20
wait_status program_ready 1 20
# Colour 3 and Ali: the keyboard plays the colour in use, the taps are credited to who plays.
click_control swatch.2
click_control palette.person.1
rect palette.person.1.on >/dev/null || fail "Ali is not chosen"

# The keyboard: a JACK MIDI client; it plays 4 s after the editor connects to it.
"$FEED" $NOTES PortAudio:out_0 4 >"$WORK/feed.txt" 2>"$WORK/feed-err.txt" &
FEED_PID=$!
scroll_side_panel_to transport.sound_settings 1480 500
click_control transport.sound_settings
wait_status settings_open 1
for _ in $(seq 100); do grep -q "^midi.port.[0-9]*=midi-feed:out$" "$WORK/status.txt" && break; sleep 0.1; done
ROW=$(sed -n 's/^midi\.port\.\([0-9]*\)=midi-feed:out$/\1/p' "$WORK/status.txt" | head -1)
[ -n "$ROW" ] || fail "midi-feed:out is not in the Sound settings list"
[ "$(status midi.chosen)" = "" ] || fail "a MIDI port was chosen before anyone chose one"
click_control settings.midi
shot 01-midi-list
click_control "settings.midi.$ROW"
wait_status midi.connected 1
[ "$(status midi.chosen)" = "midi-feed:out" ] || fail "the chosen port is '$(status midi.chosen)'"
shot 02-midi-chosen
xdotool key Escape
sleep 0.3
xdotool key ctrl+r
wait_status recording 1
wait $FEED_PID || { cat "$WORK/feed.txt" "$WORK/feed-err.txt"; FEED_PID=""; fail "the keyboard's 8 notes were not all heard"; }
FEED_PID=""
cat "$WORK/feed.txt"
grep "note-in to first sample" "$WORK/feed.txt" | sed 's/^/editor MIDI /'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
wait_status midi.notes 8 5  # the status file is rewritten twice a second
sleep 0.5
OLD=$(stat -c %Y.%s "$SCORE")
xdotool key ctrl+r  # ends the take: it and the taps are saved into the bundle
wait_status recording 0
wait_status takes 1
for _ in $(seq 50); do [ "$(stat -c %Y.%s "$SCORE")" != "$OLD" ] && break; sleep 0.1; done
[ "$(stat -c %Y.%s "$SCORE")" != "$OLD" ] || fail "the take was not saved"
shot 03-taps-on-the-picture

"$CLI" validate "$SCORE" >/dev/null || fail "the saved score does not validate"
unzip -p "$SCORE" score.json >"$WORK/score.json"
$PY - "$WORK/score.json" <<'PY' || fail "the saved taps"
import json, sys
d = json.load(open(sys.argv[1]))
layers = [l for l in d["layers"] if l.get("name") == "MIDI in"]
assert len(layers) == 1, [l.get("name") for l in d["layers"]]
taps = layers[0]["strokes"]
assert len(taps) == 8, f"{len(taps)} taps"
colour = d["palette"][2]["color"]
for t, n in zip(taps, [60, 62, 64, 65, 67, 69, 71, 72]):
    assert t["color"] == colour and t["contributor"] == "c2", t
    p = t["points"]
    assert p[-1]["beat"] - p[0]["beat"] < 0.125, "not a tap"
    assert abs(p[0]["height"] - (n - 60) / 12) < 1e-6, (n, p[0]["height"])
beats = [t["points"][0]["beat"] for t in taps]
steps = [b - a for a, b in zip(beats, beats[1:])]
# 0.6 s apart at 120 bpm; as in rt_midi_in.sh, a few buffers' slack for a loaded machine
assert all(abs(s - 1.2) < 0.05 for s in steps), steps
print("saved taps: 8 in colour", colour, "credited to Ali at beats", ", ".join(f"{b:.2f}" for b in beats))
PY
# graphony-cli reads them as 8 notes of colour 3 (instrument index 2) at the keys' pitches.
"$CLI" events "$SCORE" --csv >"$WORK/events.csv" || fail "graphony-cli events failed"
$PY - "$WORK/events.csv" <<'PY' || fail "graphony-cli events does not show the 8 taps"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
mine = [r for r in rows if r["instrument"] == "2"]
print(f"graphony-cli events: {len(mine)} notes of colour 3 ({mine[0]['instrument_name'] if mine else '-'}):",
      [r["note"] for r in mine], "by", sorted({r["contributor"] for r in mine}))
assert len(mine) == 8, len(mine)
assert [round(float(r["pitch"])) for r in mine] == [60, 62, 64, 65, 67, 69, 71, 72]
PY

# --- Hot-plug: the keyboard's program quits, then comes back ----------------------------------
"$FEED" 60 PortAudio:out_0 30 >"$WORK/feed2.txt" 2>&1 &
FEED_PID=$!
# Quit only once the editor has it again: with Sound settings closed it looks for ports every
# 2 s, so a keyboard that lives 1 s was found in about half the runs (and then nothing went away).
wait_status midi.connected 1 20
kill $FEED_PID; wait $FEED_PID 2>/dev/null || true
FEED_PID=""
wait_status midi.connected 0 20
grep -q "^last_message=The keyboard \"midi-feed:out\" was unplugged" "$WORK/status.txt" ||
  fail "no message when the keyboard went away ($(status last_message))"
kill -0 "$APP_PID" || fail "the editor died when the keyboard went away"
shot 04-keyboard-gone
"$FEED" 64 PortAudio:out_0 0.5 >"$WORK/feed3.txt" 2>&1 &
FEED_PID=$!
wait_status midi.connected 1 20
wait $FEED_PID || fail "the keyboard that came back was not heard"
FEED_PID=""
echo "reconnected: $(grep 'note-in' "$WORK/feed3.txt")"
kill -TERM "$APP_PID"
wait_exit 20
grep -qx "midi_input=midi-feed:out" "$XDG_CONFIG_HOME/graphony/editor-settings.txt" ||
  fail "the keyboard choice was not saved"
echo PASS
