#!/usr/bin/env bash
# The Takes panel's "Make an instrument from this take" under Xvfb: a bundle holding a sung-like
# sox take by Maya (who agreed to group use) is opened, the button clicked; the selected colour
# then plays the sampler instrument, and the saved bundle carries the sample, its player and
# her consent (graphony-cli info), keeps the score's soundfont, and renders the colour's stroke
# at its note (aubiopitch).
# usage: take_instrument_gui_test.sh GRAPHONY GRAPHONY_CLI ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/take-instrument
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session take-instrument xdotool import identify sox aubiopitch
fail() { echo "FAIL: $*"; [ -f "$WORK/app.log" ] && sed 's/^/  app: /' "$WORK/app.log"; exit 1; }
source "$(dirname "$0")/../gui_screenshots.sh"

# The take: a voice-like tone at 220 Hz (A3) with a slow vibrato, 2 s, some silence around it.
bends=(0,15,0.05)
for i in $(seq 19); do bends+=("0,$(( i % 2 ? -30 : 30 )),0.1"); done
sox -n -r 48000 -c 1 -b 16 "$WORK/take.wav" synth 2.0 sawtooth 220 gain -10 bend "${bends[@]}" \
  lowpass 1800 highpass 120 fade q 0.08 2 0.3 pad 0.25 0.25 gain -n -6
SCORE="$WORK/voice.graphony"
# One stroke in colour 1 at the middle of a chromatic C4..C5 range: it plays F#4 (MIDI 66).
$PY - "$WORK/take.wav" "$SCORE" <<'PYEOF'
import json, sys, zipfile
score = {"format_version": 2, "title": "Voice", "tempo_bpm": 60, "length_beats": 4,
         "contributors": [{"id": "c1", "name": "Maya", "credit_by_name": True,
                           "consent": ["group", "exhibition"]}],
         "mapping": {"scale": "chromatic", "root": 60, "lowest": 60, "highest": 72},
         "palette": [{"color": "#0072b2", "instrument": "flute", "name": "Flute"}],
         "layers": [{"kind": "strokes", "name": "voice", "strokes": [
             {"color": "#0072b2", "points": [{"beat": 0.5, "height": 0.5},
                                             {"beat": 3, "height": 0.5}]}]}],
         "takes": [{"file": "recordings/take-1.wav", "name": "Take 1", "players": ["c1"]}],
         "soundfont": "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3"}
with zipfile.ZipFile(sys.argv[2], "w") as z:
    z.writestr("score.json", json.dumps(score))
    z.write(sys.argv[1], "recordings/take-1.wav")
PYEOF

start_display 1600x1000
start_editor "$SCORE"
# The Takes panel is at the bottom of the side panel: scroll it into view.
scroll_side_panel_to take_instrument 1480 500  # over the side panel, at the window's right edge
shot 01-takes-panel
click_control take_instrument
for _ in $(seq 50); do grep -q "^last_message=.*is now an instrument" "$WORK/status.txt" && break; sleep 0.2; done
grep "^last_message=" "$WORK/status.txt" || true
grep -q "^last_message=\"Maya's voice\" is now an instrument on colour 1" "$WORK/status.txt" ||
  fail "the editor did not say the take became colour 1's instrument"
shot 02-made-instrument
OLD=$(stat -c %Y.%s "$SCORE")
xdotool key ctrl+s
for _ in $(seq 50); do [ "$(stat -c %Y.%s "$SCORE")" != "$OLD" ] && break; sleep 0.1; done
[ "$(stat -c %Y.%s "$SCORE")" != "$OLD" ] || fail "ctrl+s did not save the score"
kill -0 "$APP_PID" 2>/dev/null || fail "the editor exited"

"$CLI" info "$SCORE" --json >"$WORK/info.json" || fail "info failed on the saved score"
"$CLI" info "$SCORE" | grep "Maya's voice" || fail "info does not list Maya's voice"
unzip -l "$SCORE" >"$WORK/entries.txt"
$PY - "$WORK/info.json" "$WORK/entries.txt" <<'PYEOF' || fail "the saved bundle lacks the instrument"
import json, sys
info = json.load(open(sys.argv[1]))
entries = open(sys.argv[2]).read()
p = info["palette"][0]
si = info["sampled_instruments"]
print("colour 1:", p, "\nsampled:", si)
assert len(si) == 1, "one sampled instrument"
assert p["instrument"] == "sampler" and p["name"] == "Maya's voice", "colour 1 does not play it"
assert p["sample"] == si[0]["file"], "colour 1 plays another sample"
assert si[0]["file"] in entries, f"{si[0]['file']} is not inside the bundle"
assert si[0]["take"] == "recordings/take-1.wav"
assert si[0]["players"] == ["c1"], "the player did not travel with the sample"
assert "group" in si[0]["consent"] and "exhibition" in si[0]["consent"], "consent did not travel"
assert abs(si[0]["root_midi"] - 57) < 0.3, "root should be A3 (220 Hz)"
assert info["soundfont"] == "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3", "soundfont lost"
print("bundle holds", si[0]["file"], "by Maya,", si[0]["consent"])
PYEOF
# Colour 1's stroke now sings with Maya's voice at its own note, not the flute's sound.
"$CLI" render "$SCORE" -o "$WORK/voice.wav" >/dev/null || fail "render failed"
$PY - "$WORK/voice.wav" <<'PYEOF' || fail "the stroke does not play the sample at its note"
import math, subprocess, sys
out = subprocess.run(["aubiopitch", "-i", sys.argv[1], "-p", "yinfft", "-u", "Hz"],
                     capture_output=True, text=True, check=True).stdout
hz = sorted(float(f) for t, f in (l.split() for l in out.splitlines() if l.strip())
            if 1.0 <= float(t) < 2.5 and float(f) > 0)
assert hz, "silence where the stroke plays"
med = hz[len(hz) // 2]
cents = 1200 * math.log2(med / 440 / 2 ** ((66 - 69) / 12))
print(f"stroke plays {med:.1f} Hz, {cents:+.0f} cents from F#4")
assert abs(cents) < 30, "out of tune"
PYEOF
echo PASS
