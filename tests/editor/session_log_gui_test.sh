#!/usr/bin/env bash
# The course session log from the editor: a course made with graphony-cli (three people, two
# sessions), a session's score opened in the editor, person B chosen in the palette, five
# strokes painted, saved, quit; then `graphony-cli log --csv` has one row per person per
# session, B's strokes = 5 and minutes > 0, everyone else 0. Then a new score started in a
# session folder has the course's people, and the course folder opens on its timeline.
# usage: session_log_gui_test.sh GRAPHONY GRAPHONY_CLI ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/session_log
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session session-log xdotool import identify
source "$(dirname "$0")/../gui_screenshots.sh"

# --- 1. The course, through the CLI -----------------------------------------------------
C="$WORK/course"
"$CLI" course new "$C" --title "Log Test" >/dev/null
for p in "Ana Lima" "Ben Ode" "Cleo Park"; do
  "$CLI" course add-person "$C" "$p" --consent group >/dev/null
done
for d in 2026-11-25 2026-12-02; do "$CLI" course add-session "$C" --date $d >/dev/null; done
"$CLI" course new-score "$C" --session 2026-12-02 --title "Today" >/dev/null
SCORE=$(ls "$C"/2026-12-02/*.graphony)
[ -f "$SCORE" ] || fail "course new-score made no score"

# --- 2. Open it, choose Ben (the second person) as the one painting -----------------------
start_display 1600x1000
start_editor "$SCORE" GRAPHONY_UI_SCALE=1.25
FAIL_STATUS=rect.palette
shot 00-opened
click_control palette.person.1
rect palette.person.1.on >/dev/null || fail "clicking Ben did not make him the one drawing"

# --- 3. Five strokes, each one waited for through the document's revision ----------------
wait_revision_after() {  # wait_revision_after REV: until doc_revision moves past REV
  for _ in $(seq 100); do
    [ "$(status doc_revision)" != "$1" ] && return 0
    sleep 0.1
  done
  fail "the stroke did not reach the score (doc_revision still $1)"
}
for i in 1 2 3 4 5; do
  rev=$(status doc_revision)
  y=$(( 420 + 45 * i ))
  xdotool mousemove 520 $y mousedown 1
  for j in $(seq 1 10); do xdotool mousemove $(( 520 + 30 * j )) $(( y - 8 * j )); sleep 0.03; done
  xdotool mouseup 1
  wait_revision_after "$rev"
  sleep 0.3
done
shot 01-painted

# --- 4. Save (Ctrl+S held over a frame): the log gets Ben's minutes -----------------------
LOG="$C/2026-12-02/log.json"
xdotool keydown ctrl keydown s
sleep 0.15
xdotool keyup s keyup ctrl
for _ in $(seq 100); do [ -f "$LOG" ] && break; sleep 0.1; done
[ -f "$LOG" ] || fail "saving a session's score wrote no $LOG"
xdotool keydown ctrl keydown q
sleep 0.15
xdotool keyup q keyup ctrl
wait_exit 15
[ "$EXIT_RC" = 0 ] || fail "the editor exited with status $EXIT_RC"

# --- 5. The care record ------------------------------------------------------------------
"$CLI" log "$C" --csv >"$WORK/log.csv" || fail "graphony-cli log failed"
cp "$WORK/log.csv" "$ART/log.csv"
cat "$WORK/log.csv"
$PY - "$WORK/log.csv" <<'PYEOF' || fail "the session log is not what was painted"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
# One row per person per session: sessions in date order, people in course.json's order.
assert [r["session"] for r in rows] == ["2026-11-25"] * 3 + ["2026-12-02"] * 3, rows
for i, r in enumerate(rows):
    strokes, minutes = int(r["strokes"]), float(r["minutes_active"])
    if i == 4:  # Ben, today
        assert strokes == 5, r
        assert 0 < minutes < 10, r
    else:
        assert strokes == 0 and minutes == 0, r
PYEOF
# --- 6. A new score started in a session folder gets the course's people ------------------
NEW="$C/2026-11-25/new.graphony"
start_editor "$NEW" GRAPHONY_UI_SCALE=1.25
rect palette.person.2 >/dev/null || fail "a new score in a session did not get the course's people"
shot 02-new-in-session
xdotool keydown ctrl keydown s
sleep 0.15
xdotool keyup s keyup ctrl
for _ in $(seq 100); do [ -f "$NEW" ] && break; sleep 0.1; done
[ -f "$NEW" ] || fail "Ctrl+S did not save $NEW"
"$CLI" people "$NEW" list --json | $PY -c "
import json, sys; p = json.load(sys.stdin)
assert [x['name'] for x in p] == ['Ana Lima', 'Ben Ode', 'Cleo Park'], p" ||
  fail "the new session score was not saved with the course's people"
xdotool keydown ctrl keydown q
sleep 0.15
xdotool keyup q keyup ctrl
wait_exit 15
# --- 7. 'graphony COURSE_DIR' shows the course's timeline ----------------------------------
start_editor "$C" GRAPHONY_UI_SCALE=1.25
FAIL_STATUS=course.
wait_status course.open 1
wait_status course.sessions 2
wait_status course.tiles 2  # today.graphony and new.graphony
wait_status course.thumbnails 2
shot 03-course-folder
kill -TERM "$APP_PID"  # a normal quit, as a logout
wait_exit 15
[ "$EXIT_RC" = 0 ] || fail "the editor exited with status $EXIT_RC after opening a course"
echo "PASS: session log from the editor (screenshots in $ART)"
