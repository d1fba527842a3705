#!/usr/bin/env bash
# Headless GUI test of the editor (Xvfb + xdotool): open a score, paint, undo, redo, save,
# import a picture through the in-app file browser, survive a broken file, leave an autosave
# after a crash. Screenshots of every state go to $GRAPHONY_ARTIFACTS (or the given dir).
# usage: gui_test.sh GRAPHONY GRAPHONY_CLI SOURCE_DIR ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2 SRC=$3
ART=${GRAPHONY_ARTIFACTS:-$4}/editor
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session editor xdotool import identify compare
start_display 1600x1000  # a free display of our own (tests run in parallel)
export GRAPHONY_UI_SCALE=1.25
source "$(dirname "$0")/../gui_screenshots.sh"
strokes_in() { "$CLI" info "$1" --json | $PY -c "import json,sys; print(json.load(sys.stdin)['strokes'])"; }
images_in() { "$CLI" info "$1" --json | $PY -c "import json,sys; print(json.load(sys.stdin)['images'])"; }
wait_saved() {  # wait_saved FILE OLD_MTIME
  for _ in $(seq 50); do
    [ -f "$1" ] && [ "$(stat -c %Y.%s "$1")" != "$2" ] && return 0
    sleep 0.1
  done
  fail "$1 was not saved"
}
mtime() { [ -f "$1" ] && stat -c %Y.%s "$1" || echo none; }
drag() {  # drag X0 Y0 X1 Y1: press, move in steps, release
  xdotool mousemove "$1" "$2" mousedown 1
  for i in $(seq 1 16); do
    xdotool mousemove $(( $1 + ($3 - $1) * i / 16 )) $(( $2 + ($4 - $2) * i / 16 + (i % 4) * 6 ))
    sleep 0.02
  done
  xdotool mouseup 1
  sleep 0.4
}

# --- 1. Open the demo score (or a score the CLI makes) --------------------------------
SCORE="$WORK/score.graphony"
if [ -f "$SRC/scores/demo.graphony" ]; then
  cp "$SRC/scores/demo.graphony" "$SCORE"
else
  "$CLI" new "$SCORE" --title "Editor test" >/dev/null || fail "graphony-cli new failed"
fi
BEFORE=$(strokes_in "$SCORE")
start_editor "$SCORE"
shot 01-opened

# --- 2. Paint a stroke by dragging on the canvas ----------------------------------------
xdotool key b
drag 480 640 900 380
shot_differing 02-painted 01-opened

# --- 3. Undo, save: the stroke is gone from the file ------------------------------------
xdotool key ctrl+z
sleep 0.4
shot_differing 03-undone 02-painted
M=$(mtime "$SCORE")
xdotool key ctrl+s
wait_saved "$SCORE" "$M"
AFTER_UNDO=$(strokes_in "$SCORE")
[ "$AFTER_UNDO" -eq "$BEFORE" ] || fail "after undo the file has $AFTER_UNDO strokes, expected $BEFORE"

# --- 4. Redo, save: the stroke is back ----------------------------------------------------
xdotool key ctrl+shift+z
sleep 0.4
shot 04-redone
M=$(mtime "$SCORE")
xdotool key ctrl+s
wait_saved "$SCORE" "$M"
AFTER=$(strokes_in "$SCORE")
[ "$AFTER" -eq $((BEFORE + 1)) ] || fail "after painting the file has $AFTER strokes, expected $((BEFORE + 1))"
echo "strokes: before=$BEFORE after-undo=$AFTER_UNDO after-redo=$AFTER"

# --- 5. Import a picture through the in-app file browser ---------------------------------
PIC="$WORK/home/garden picture.png"
convert -size 800x500 gradient:'#ffd27f'-'#3a7bd5' -fill '#2e8b57' -draw 'circle 250,300 250,420' \
  -fill '#c0392b' -draw 'rectangle 480,120 680,300' "$PIC"
IMAGES_BEFORE=$(images_in "$SCORE")
xdotool key ctrl+i
sleep 0.6
shot 05-file-browser
xdotool type --delay 10 "$PIC"
xdotool key Return
sleep 1.0
shot_differing 06-picture-imported 04-redone
M=$(mtime "$SCORE")
xdotool key ctrl+s
wait_saved "$SCORE" "$M"
IMAGES_AFTER=$(images_in "$SCORE")
[ "$IMAGES_AFTER" -eq $((IMAGES_BEFORE + 1)) ] || fail "images: $IMAGES_AFTER, expected $((IMAGES_BEFORE + 1))"
echo "images: before=$IMAGES_BEFORE after=$IMAGES_AFTER"

# --- 6. Ctrl+Q quits cleanly when everything is saved -------------------------------------
xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$APP_PID" 2>/dev/null; then fail "Ctrl+Q did not quit"; fi
wait "$APP_PID" || fail "editor exited with an error"
APP_PID=""

# --- 7. A broken file gives a message in the window, not a crash ---------------------------
head -c 3000 /dev/urandom >"$WORK/broken.graphony"
start_editor "$WORK/broken.graphony"
shot 07-broken-file
kill -0 "$APP_PID" 2>/dev/null || fail "the editor died on a broken file"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
APP_PID=""

# --- 8. Autosave survives a crash and is offered back -------------------------------------
start_editor "$WORK/unsaved.graphony" GRAPHONY_AUTOSAVE_SECONDS=1
drag 500 500 800 600
sleep 2.0
AUTOSAVE=$(ls "$XDG_DATA_HOME"/graphony/autosave/autosave-*.graphony 2>/dev/null | head -n1 || true)
[ -n "$AUTOSAVE" ] || fail "no autosave was written"
[ "$(strokes_in "$AUTOSAVE")" -eq 1 ] || fail "autosave should hold the painted stroke"
kill_editor
[ -f "$AUTOSAVE" ] || fail "autosave vanished after a crash"
start_editor "$WORK/other.graphony"
shot 08-recovery-offered
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
APP_PID=""
echo "PASS: editor GUI test (screenshots in $ART)"
