#!/usr/bin/env bash
# The course in the editor: a 2-session course made with graphony-cli opens on its timeline;
# the thumbnails are drawn (their pictures' colours are on screen where the tiles are); a
# score opens from it; "New score here" makes a score in that session with the course's
# people, and so does File > New while a session's score is open; the Portfolio button
# writes the booklet (qpdf --check) and names it at the end.
# usage: course_gui_test.sh GRAPHONY GRAPHONY_CLI ARTIFACT_DIR   (screenshots in ARTIFACT_DIR/course)
set -euo pipefail
GRAPHONY=$1 CLI=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/course
mkdir -p "$ART"
rm -f "$ART"/*.png
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session course xdotool import identify convert
source "$(dirname "$0")/../gui_screenshots.sh"
FAIL_STATUS=course.

# share_of COLOUR X Y W H: the share of the screenshot's pixels in that box that are COLOUR.
share_of() {
  convert "$ART/$SHOT.png" -crop "$4x$5+$2+$3" +repage -alpha off -fuzz 12% -transparent "$1" \
    -alpha extract -negate -format '%[fx:mean]' info:
}
# tile_shows COLOUR NAME: at least a third of the tile's thumbnail box is that colour.
tile_shows() {
  local r share
  r=$(rect "$2") || fail "tile $2 is not on screen"
  read -r x y w h <<<"$r"
  share=$(share_of "$1" "$x" "$y" "$w" "$h")
  echo "tile $2: ${share} of it is $1"
  $PY -c "import sys; sys.exit(0 if float('$share') > 0.3 else 1)" ||
    fail "tile $2 does not show its picture ($share of it is $1)"
}
people_of() {  # people_of FILE: the names in the saved file, one line, comma-separated
  "$CLI" people "$1" list --json | $PY -c "import json, sys; print(','.join(p['name'] for p in json.load(sys.stdin)))"
}

# --- 1. A course of two sessions, through the CLI -------------------------------------------
C="$WORK/spring"
"$CLI" course new "$C" --title "Spring Voices" --theme "new beginnings" --site "Riverside Ward" >/dev/null
"$CLI" course add-person "$C" "Ana Lima" --credit-by-name yes --consent group,exhibition >/dev/null
"$CLI" course add-person "$C" "Ben Ode" --consent group >/dev/null
for d in 2026-11-18 2026-11-25; do "$CLI" course add-session "$C" --date $d >/dev/null; done
convert -size 800x500 xc:'#ff00ff' "$WORK/magenta.png"
convert -size 600x600 xc:'#00ffff' "$C/2026-11-25/mural.png"  # a picture of the session
"$CLI" course new-score "$C" --session 2026-11-18 --title "First Light" --picture "$WORK/magenta.png" >/dev/null
FIRST="$C/2026-11-18/first-light.graphony"
[ -f "$FIRST" ] || fail "course new-score made no $FIRST"

# --- 2. The timeline: one row per session, its thumbnails drawn ------------------------------
start_display 1366x768
start_editor "$C" GRAPHONY_UI_SCALE=1.25
wait_status course.open 1
wait_status course.sessions 2
wait_status course.tiles 2
wait_status course.thumbnails 2
sleep 0.5
SHOT=01-timeline
shot $SHOT
tile_shows '#ff00ff' course.tile.0.0  # the score's own picture
tile_shows '#00ffff' course.tile.1.0  # the session's picture
# A control: the timeline's own background is neither colour.
r=$(rect course.new.0); read -r x y w h <<<"$r"
bg=$(share_of '#ff00ff' "$x" "$y" "$w" "$h")
$PY -c "import sys; sys.exit(0 if float('$bg') < 0.05 else 1)" || fail "the new-score button is magenta ($bg)"
for name in course.new.0 course.new.1 course.portfolio course.close; do
  r=$(rect $name) || fail "$name is not on screen"
  read -r x y w h <<<"$r"
  [ "$h" -ge 48 ] || fail "$name is $h px tall: targets are at least 48 px"
done

# --- 3. A score opens from it ----------------------------------------------------------------
click_control course.tile.0.0
wait_status course.open 0
xdotool search --name "first-light.graphony" >/dev/null || fail "the window does not name first-light.graphony"
shot 02-score-opened

# --- 4. File > New while a session's score is open: the course's people, saved in the session -
xdotool key ctrl+n
sleep 0.8
rect palette.person.1 >/dev/null || fail "File > New in a session did not get the course's people"
xdotool key ctrl+s
wait_status browser.open 1
wait_status browser.dir "$C/2026-11-18"
xdotool type --delay 20 "coda"
xdotool key Return
CODA="$C/2026-11-18/coda.graphony"
for _ in $(seq 100); do [ -f "$CODA" ] && break; sleep 0.1; done
[ -f "$CODA" ] || fail "Ctrl+S after File > New did not save $CODA"
[ "$(people_of "$CODA")" = "Ana Lima,Ben Ode" ] || fail "coda.graphony has the people '$(people_of "$CODA")'"

# --- 5. Back to the timeline: New score here, in the second session ----------------------------
click_control menu.file
click_control menu.file.course
wait_status course.open 1
wait_status course.tiles 3  # coda.graphony is on it now
before=$(ls "$C/2026-11-25" | grep -c '\.graphony$' || true)
click_control course.new.1
wait_status course.open 0
NEW=""
for _ in $(seq 100); do
  NEW=$(ls "$C"/2026-11-25/*.graphony 2>/dev/null | head -n1 || true)
  [ -n "$NEW" ] && break
  sleep 0.1
done
[ -n "$NEW" ] && [ "$before" = 0 ] || fail "New score here made no score in 2026-11-25"
echo "new score: $NEW"
[ "$(people_of "$NEW")" = "Ana Lima,Ben Ode" ] || fail "the new score has the people '$(people_of "$NEW")'"
"$CLI" info "$NEW" | grep -q "2026-11-25" || fail "the new score is not dated on its session's day"
shot 03-new-score

# --- 6. The Portfolio button: the booklet, named at the end -----------------------------------
if command -v qpdf >/dev/null; then
  click_control menu.file
  click_control menu.file.course
  wait_status course.open 1
  SHOT=04-timeline-again
  shot $SHOT
  click_control course.portfolio
  click_control export.export
  for _ in $(seq 600); do grep -q "^last_message=Made the portfolio booklet" "$WORK/status.txt" && break; sleep 0.2; done
  grep "^last_message=" "$WORK/status.txt" || true
  BOOK=$(ls "$C"/*.pdf 2>/dev/null | head -n1 || true)
  [ -n "$BOOK" ] || fail "the Portfolio button wrote no PDF in the course folder"
  grep -qF "last_message=Made the portfolio booklet $(basename "$BOOK")" "$WORK/status.txt" ||
    fail "the end of the portfolio does not name $(basename "$BOOK")"
  qpdf --check "$BOOK" >/dev/null || fail "the booklet $BOOK does not pass qpdf --check"
  shot 05-portfolio-done
fi
kill -TERM "$APP_PID"
wait_exit 15
[ "$EXIT_RC" = 0 ] || fail "the editor exited with status $EXIT_RC"
echo "PASS: the course timeline (screenshots in $ART)"
