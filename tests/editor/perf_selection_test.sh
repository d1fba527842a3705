#!/usr/bin/env bash
# Headless GUI test (Xvfb + xdotool): strokes picked in the editor keep their selection halo
# in the performance view (drawn from cached tiles, which once dropped it). The performance
# view is shot before and after picking the strokes (the playhead parked at 0): the halos
# must change at least 1500 pixels. Screenshots go to ARTIFACT_DIR/editor_perf_selection.
# usage: perf_selection_test.sh GRAPHONY SOURCE_DIR ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 SRC=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/editor_perf_selection
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session perf-selection xdotool import identify compare
FAIL_STATUS="performance\|selected_strokes\|view_"
start_display 1600x1000
export GRAPHONY_UI_SCALE=1.25
source "$(dirname "$0")/../gui_screenshots.sh"

settled_shot() {  # settled_shot NAME: a screenshot once two in a row are the same (tiles built)
  local ae=x
  shot "$1" >/dev/null
  for _ in $(seq 20); do
    sleep 0.3
    cp "$ART/$1.png" "$WORK/prev.png"
    shot "$1" >/dev/null
    ae=$(compare -metric AE "$WORK/prev.png" "$ART/$1.png" null: 2>&1 || true)
    [ "${ae%% *}" = "0" ] && { echo "screenshot $1: settled"; return 0; }
  done
  fail "screenshot $1 did not settle (AE=$ae)"
}
perf_on() { xdotool key F11; wait_status performance 1 10; }
perf_off() { xdotool key Escape; wait_status performance 0 10; }

# Three strokes in beats 0..6, nothing from 6 to 12.
SCORE="$WORK/strokes.graphony"
$PY "$SRC/tests/editor_audio/make_score.py" "$SCORE" 12
start_editor "$SCORE"
perf_on
settled_shot 01-performance-nothing-picked
perf_off

# Pick every stroke with a selection box from the empty end of the score.
xdotool key s
sleep 0.3
num() { $PY -c "print(round($1))"; }
L=$(status view_left) T=$(status view_top) H=$(status view_height)
X0=$(num "$L + ($(status view_px_per_beat)) * (11.5 - ($(status view_first_beat)))")
xdotool mousemove "$X0" "$(num "$T + 8")" mousedown 1
for f in 0.25 0.5 0.75 1; do
  xdotool mousemove "$(num "$X0 + ($L + 4 - $X0) * $f")" "$(num "$T + 8 + ($H - 16) * $f")"
  sleep 0.05
done
xdotool mouseup 1
wait_status selected_strokes 3 10
shot 02-editor-strokes-picked

perf_on
settled_shot 03-performance-strokes-picked
# The halos: pixels that changed, counted with a little tolerance for antialiasing.
AE=$(compare -metric AE -fuzz 6% "$ART/01-performance-nothing-picked.png" \
  "$ART/03-performance-strokes-picked.png" "$ART/04-difference.png" 2>&1 || true)
echo "performance view, picked vs not: $AE pixels differ"
$PY -c "import sys; sys.exit(0 if float('${AE%% *}') > 1500 else 1)" ||
  fail "the picked strokes look the same as unpicked ones in the performance view ($AE pixels differ)"
perf_off
echo "PASS: the selection halo shows in the performance view ($AE pixels)"
