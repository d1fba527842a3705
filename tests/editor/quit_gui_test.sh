#!/usr/bin/env bash
# SIGTERM (logout, shutdown) is a normal quit; kill -9 is a crash. Under Xvfb:
#  1. paint, autosave, save (saving clears the autosave), SIGTERM: exits 0, the file is
#     untouched, and the next start offers no recovery;
#  2. paint, autosave, SIGTERM with the change unsaved: the file is untouched, the unsaved
#     work is offered back at the next start (nobody chose to drop it);
#  3. paint, autosave, kill -9: the next start offers recovery.
# usage: quit_gui_test.sh GRAPHONY GRAPHONY_CLI ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/quit
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session quit xdotool import identify
source "$(dirname "$0")/../gui_screenshots.sh"
start_display 1600x1000
export GRAPHONY_UI_SCALE=1.25 GRAPHONY_AUTOSAVE_SECONDS=1
AUTOSAVES="$XDG_DATA_HOME/graphony/autosave"
autosave_count() { ls "$AUTOSAVES"/autosave-*.graphony 2>/dev/null | wc -l; }
strokes_in() { "$CLI" info "$1" --json | $PY -c "import json,sys; print(json.load(sys.stdin)['strokes'])"; }
paint() {  # one stroke across the canvas, then long enough for an autosave
  xdotool key b
  xdotool mousemove 480 640 mousedown 1
  for i in $(seq 1 12); do xdotool mousemove $(( 480 + 35 * i )) $(( 640 - 20 * i )); sleep 0.02; done
  xdotool mouseup 1
  sleep 2.5
}
offers_recovery() { grep -q "offering to recover" "$WORK/app.log"; }

SCORE="$WORK/song.graphony"
"$CLI" new "$SCORE" --title "Quit test" >/dev/null

# --- 1. Saved, then SIGTERM: no recovery next time -----------------------------------------
start_editor "$SCORE"
offers_recovery && fail "a fresh start offered recovery"
paint
[ "$(autosave_count)" -ge 1 ] || fail "no autosave was written after painting"
xdotool key ctrl+s
for _ in $(seq 50); do [ "$(strokes_in "$SCORE")" = 1 ] && break; sleep 0.1; done
[ "$(strokes_in "$SCORE")" = 1 ] || fail "Ctrl+S did not save the stroke"
sleep 0.3
[ "$(autosave_count)" = 0 ] || fail "saving left the autosave behind"
SAVED=$(md5sum <"$SCORE")
kill -TERM "$APP_PID"
wait_exit 10
[ "$EXIT_RC" = 0 ] || fail "SIGTERM: the editor exited with status $EXIT_RC"
[ "$(md5sum <"$SCORE")" = "$SAVED" ] || fail "SIGTERM changed the saved file"
[ "$(autosave_count)" = 0 ] || fail "SIGTERM left an autosave of saved work"
start_editor "$SCORE"
shot 01-after-sigterm-saved
offers_recovery && fail "after a SIGTERM of saved work the next start offered recovery"

# --- 2. Unsaved, then SIGTERM: the file is untouched, the work is offered back ----------------
paint
kill -TERM "$APP_PID"
wait_exit 10
[ "$EXIT_RC" = 0 ] || fail "SIGTERM with unsaved work: exit status $EXIT_RC"
[ "$(md5sum <"$SCORE")" = "$SAVED" ] || fail "SIGTERM saved into the person's file"
[ "$(autosave_count)" = 1 ] || fail "SIGTERM dropped unsaved work (no autosave kept)"
start_editor "$SCORE"
shot 02-after-sigterm-unsaved
offers_recovery || fail "unsaved work from before a SIGTERM was not offered back"
kill -TERM "$APP_PID"  # the dialog is still up: nothing was recovered or discarded
wait_exit 10
rm -f "$AUTOSAVES"/*

# --- 3. kill -9 (a crash): recovery is offered -------------------------------------------------
start_editor "$SCORE"
offers_recovery && fail "recovery offered before the crash"
paint
[ "$(autosave_count)" = 1 ] || fail "no autosave before the crash"
kill_editor
start_editor "$SCORE"
shot 03-after-kill-9
offers_recovery || fail "after kill -9 the next start offered no recovery"
kill -TERM "$APP_PID"
wait_exit 10
echo "PASS: quit and recovery under Xvfb (screenshots in $ART)"
