#!/usr/bin/env bash
# The file browser end to end under Xvfb at 1366x768: pictures and scores show thumbnails
# (counted by the editor's debug status), a folder is made by clicking and typing (a bad name
# gets a message, not a crash), Save suggests the title as the file name, and after a restart
# the browser opens in the folder used last. Screenshots go to ARTIFACT_DIR/browser/.
# usage: browser_gui_test.sh GRAPHONY GRAPHONY_CLI SOURCE_DIR ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2 SRC=$3
ART=${GRAPHONY_ARTIFACTS:-$4}/browser
mkdir -p "$ART"
rm -f "$ART"/*.png
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
FAIL_STATUS=browser.
begin_session browser xdotool import identify convert
source "$(dirname "$0")/../gui_screenshots.sh"

start_display 1366x768
export GRAPHONY_UI_SCALE=1.25
# A folder as a facilitator brings it: three pictures and two scores (one made from a
# picture, one drawn: the demo).
PICS="$HOME/Week pictures"
mkdir -p "$PICS"
convert -size 1600x900 gradient:orange-purple -fill white -draw "circle 800,450 800,250" "$PICS/sunset.png"
convert -size 600x800 gradient:yellow-green -fill black -draw "rectangle 150,200 450,600" "$PICS/tall.jpg"
convert -size 800x800 plasma:fractal -seed 3 "$PICS/field.png" 2>/dev/null ||
  convert -size 800x800 gradient:blue-cyan "$PICS/field.png"
"$CLI" new "$PICS/song.graphony" --image "$PICS/sunset.png" --title "Song of the sun" >/dev/null
cp "$SRC/scores/demo.graphony" "$PICS/harbour copy.graphony"

# --- 1. Open the demo from the welcome; add a picture through the browser -----------------
start_editor ""
click_control welcome.demo
xdotool key ctrl+i
wait_status browser.open 1
[ "$(status browser.dir)" = "$HOME" ] || fail "the first browser did not start at Home"
xdotool type --delay 15 "$PICS"
xdotool key Return
wait_status browser.dir "$PICS"
wait_status browser.files 3
wait_status browser.thumbnails 3
sleep 0.5
shot 01-picture-thumbnails
xdotool type --delay 15 "sunset.png"
xdotool key Return
wait_status browser.open 0

# --- 2. Save: in the last folder, named after the title; the scores show thumbnails -------
xdotool key ctrl+s
wait_status browser.open 1
[ "$(status browser.dir)" = "$PICS" ] || fail "Save did not start in the folder used last"
[ "$(status browser.name)" = "Harbour Morning.graphony" ] ||
  fail "Save suggested '$(status browser.name)', not the title"
wait_status browser.files 2
wait_status browser.thumbnails 2
sleep 0.5
shot 02-score-thumbnails

# --- 3. A new folder by clicking and typing; a bad name is refused with a message ---------
click_control browser.new_folder
xdotool type --delay 15 "a/b"
xdotool key Return
sleep 0.6
status browser.error | grep -q "cannot contain /" || fail "a folder name with / was not refused clearly"
[ -e "$PICS/a" ] && fail "a refused folder name made something"
shot 03-bad-folder-name
click_control browser.folder_name
# One BackSpace at a time until the field is empty: ImGui 1.86 keeps key state, not events, so
# a press and release inside one frame is lost (and a loaded machine has long frames).
wait_status browser.folder_name "a/b"
for _ in $(seq 20); do
  [ -z "$(status browser.folder_name)" ] && break
  xdotool key BackSpace
  sleep 0.25
done
wait_status browser.folder_name ""
xdotool type --delay 15 "Week 2"
click_control browser.make_folder
wait_status browser.dir "$PICS/Week 2"
[ -d "$PICS/Week 2" ] || fail "the new folder was not made"
[ "$(status browser.name)" = "Harbour Morning.graphony" ] || fail "making a folder lost the suggested name"
shot 04-new-folder
click_control browser.ok
wait_status browser.open 0
SAVED="$PICS/Week 2/Harbour Morning.graphony"
for _ in $(seq 50); do [ -f "$SAVED" ] && break; sleep 0.1; done
[ -f "$SAVED" ] || fail "the score was not saved as $SAVED"
"$CLI" info "$SAVED" --json | $PY -c "
import json, sys; j = json.load(sys.stdin); assert j['title'] == 'Harbour Morning', j" ||
  fail "the saved score is not the demo"

xdotool key ctrl+q
wait_exit 10
[ "$EXIT_RC" = 0 ] || fail "the editor exited with status $EXIT_RC"
grep -qx "last_folder=$PICS/Week 2" "$XDG_CONFIG_HOME/graphony/editor-settings.txt" ||
  fail "the last folder is not in the settings file"

# --- 4. Restart: the browser opens where the person was last ------------------------------
start_editor ""
xdotool key Escape  # past the welcome
sleep 0.5
xdotool key ctrl+o
wait_status browser.open 1
wait_status browser.dir "$PICS/Week 2"
wait_status browser.thumbnails 1
sleep 0.5
shot 05-remembered-after-restart
xdotool key Escape
wait_status browser.open 0
xdotool key ctrl+q
wait_exit 10
echo "PASS: file browser GUI test (screenshots in $ART)"
