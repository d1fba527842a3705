#!/usr/bin/env bash
# The Takes panel's "Write this take onto the picture" under Xvfb: a bundle holding a take
# of a sox-made melody (6 notes) is opened, the button is clicked, the score saved; the
# saved score's new layer plays the melody's notes at the take's beat, credited to its player.
# usage: takes_gui_test.sh GRAPHONY GRAPHONY_CLI ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/takes
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session takes xdotool import identify sox
source "$(dirname "$0")/../gui_screenshots.sh"

# The take: six plucked notes, half a second apart (one beat at 120 bpm).
MIDI=(60 64 67 69 72 67)
parts=()
for i in "${!MIDI[@]}"; do
  f=$($PY -c "print(440 * 2 ** ((${MIDI[$i]} - 69) / 12))")
  sox -n -r 44100 -c 1 -b 16 "$WORK/n$i.wav" synth 0.4 pluck "$f" vol 0.4 pad "$(( i / 2 )).$(( i % 2 * 5 ))"
  parts+=(-v 1 "$WORK/n$i.wav")
done
sox -m "${parts[@]}" "$WORK/take.wav" pad 0 0.3
SCORE="$WORK/takes.graphony"
$PY - "$WORK/take.wav" "$SCORE" <<'PYEOF'
import json, sys, zipfile
score = {"format_version": 2, "title": "Takes", "tempo_bpm": 120, "length_beats": 16,
         "contributors": [{"id": "c1", "name": "Maya", "credit_by_name": True}],
         "palette": [{"color": "#0072b2", "instrument": "flute", "name": "Flute"}],
         "takes": [{"file": "recordings/take-1.wav", "name": "Take 1", "players": ["c1"],
                    "start_beat": 4}]}
with zipfile.ZipFile(sys.argv[2], "w") as z:
    z.writestr("score.json", json.dumps(score))
    z.write(sys.argv[1], "recordings/take-1.wav")
PYEOF

start_display 1600x1000
start_editor "$SCORE"
# The Takes panel is at the bottom of the side panel: scroll it into view.
scroll_side_panel_to takes.transcribe.0 1480 500  # over the side panel, at the window's right edge
shot 01-takes-panel
click_control takes.transcribe.0
sleep 1
shot 02-written-onto-picture
xdotool key ctrl+s
sleep 2
"$CLI" events "$SCORE" --csv >"$WORK/events.csv" || fail "events failed"
$PY - "$WORK/events.csv" "${MIDI[*]}" <<'PYEOF' || fail "the written layer is not the take's melody"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["layer"] == "0"]
want = [int(m) for m in sys.argv[2].split()]
got = sorted((float(r["start_beat"]), int(r["quantised_pitch"]), r["contributor"]) for r in rows)
print("layer 0:", got)
right = sum(1 for i, m in enumerate(want)
            if any(abs(b - (4 + i)) <= 0.5 and p == m for b, p, _ in got))
assert right >= 5, f"{right} of 6 notes right"
assert all(c == "c1" for _, _, c in got), "not credited to Maya"
print(f"{right} of 6 notes right, credited to Maya")
PYEOF
echo PASS
