#!/usr/bin/env bash
# Headless GUI test (Xvfb + xdotool): the palette's instrument menu, grouped by family, turns the
# selected colour into a soundfont cello; the saved score says so. Screenshots go to the
# artifact dir. usage: palette_instrument_test.sh GRAPHONY GRAPHONY_CLI SOURCE_DIR ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2 SRC=$3
ART=${GRAPHONY_ARTIFACTS:-$4}/editor
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session palette xdotool import identify compare
start_display 1600x1000
export GRAPHONY_UI_SCALE=1.25
source "$(dirname "$0")/../gui_screenshots.sh"

SCORE="$WORK/score.graphony"
cp "$SRC/scores/demo.graphony" "$SCORE"
first_instrument() { "$CLI" info "$SCORE" --json | $PY -c "import json,sys; print(json.load(sys.stdin)['palette'][0]['instrument'])"; }
[ "$(first_instrument)" = "soft-pad" ] || fail "the demo's first colour should start as soft-pad"
start_editor "$SCORE"
sleep 1.0
shot palette-before
# The first swatch is selected on open; its "Instrument: Warm pad" button opens the menu.
xdotool mousemove 155 351 click 1
sleep 0.8
shot_differing palette-menu palette-before
xdotool mousemove 230 465   # "Bowed strings"
sleep 0.8
shot_differing palette-menu-bowed palette-menu
xdotool mousemove 400 462   # into the submenu along its first row
sleep 0.3
xdotool mousemove 478 461 click 1   # "Cello (soundfont)"
sleep 0.8
OLD=$(stat -c %Y.%s "$SCORE")
xdotool key ctrl+s
for _ in $(seq 50); do [ "$(stat -c %Y.%s "$SCORE")" != "$OLD" ] && break; sleep 0.1; done
shot palette-cello
[ "$(first_instrument)" = "cello" ] || fail "the first colour did not become the cello (got $(first_instrument))"
"$CLI" info "$SCORE" | grep -q "cello *Cello" || fail "the cello's display name did not follow"
kill -0 "$APP_PID" 2>/dev/null || fail "the editor exited"
echo PASS
