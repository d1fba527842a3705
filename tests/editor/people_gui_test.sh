#!/usr/bin/env bash
# The People panel end to end under Xvfb: add two people with xdotool, give one of them
# credit by name and exhibition consent (the other only credit by name), set a keep-until
# date, save, print with graphony-cli, and check the PDF text names only the first.
# usage: people_gui_test.sh GRAPHONY GRAPHONY_CLI ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/people
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session people xdotool import identify pdftotext
source "$(dirname "$0")/../gui_screenshots.sh"

start_display 1600x1000
SCORE="$WORK/people.graphony"
start_editor "$SCORE" GRAPHONY_UI_SCALE=1.25

# --- 1. Open the People panel and add two people -------------------------------------
click_control people.open
add_person() {  # add_person NAME: types the name in the add field and presses Enter
  click_control people.add_name
  xdotool type --delay 20 "$1"
  xdotool key Return
  sleep 0.6
}
add_person "Maya Stone"
rect people.row.0 >/dev/null || fail "Maya was not added"
# Maya: credit by name, agrees to the group and to exhibition, keeps recordings to mid-2027.
tick_control people.credit
tick_control people.consent.group
tick_control people.consent.exhibition
click_control people.keep_until
xdotool type --delay 20 "2027-06-30"
xdotool key Return
sleep 0.6
shot 01-maya
# Jo: wants credit by name but did not agree to exhibition: a print shows initials only.
add_person "Jo Kim"
rect people.row.1 >/dev/null || fail "Jo was not added"
tick_control people.credit
shot 02-jo
click_control people.done

# --- 2. Save, then check what the file says --------------------------------------------
xdotool key ctrl+s
for _ in $(seq 50); do [ -f "$SCORE" ] && break; sleep 0.1; done
[ -f "$SCORE" ] || fail "Ctrl+S did not save $SCORE"
sleep 0.3
"$CLI" people "$SCORE" list --json >"$WORK/people.json" || fail "people list failed"
$PY - "$WORK/people.json" <<'PYEOF' || fail "the saved people are not what was set"
import json, sys
people = json.load(open(sys.argv[1]))
assert [p["name"] for p in people] == ["Maya Stone", "Jo Kim"], people
maya, jo = people
assert maya["credit_by_name"] and maya["consent"] == ["group", "exhibition"], maya
assert maya["keep_until"] == "2027-06-30" and maya["initials"] == "M.S.", maya
assert jo["credit_by_name"] and jo["consent"] == [] and jo["initials"] == "J.K.", jo
PYEOF

# --- 3. Print: Maya is named, Jo appears only as initials ----------------------------------
"$CLI" print "$SCORE" -o "$WORK/people.pdf" --pages legend 2>"$WORK/print.log" ||
  fail "print failed: $(cat "$WORK/print.log")"
pdftotext "$WORK/people.pdf" "$WORK/people.txt"
cp "$WORK/people.pdf" "$ART/people.pdf"
grep -q "Maya Stone" "$WORK/people.txt" || fail "the PDF does not name Maya Stone"
grep -q "J\.K\." "$WORK/people.txt" || fail "the PDF does not show Jo's initials"
if grep -q "Jo Kim" "$WORK/people.txt"; then fail "the PDF names Jo Kim without exhibition consent"; fi
grep -m1 "Music by" "$WORK/people.txt"

# --- 4. Undo in the panel's world: Ctrl+Z takes back the last tick --------------------------
xdotool key ctrl+z
sleep 0.5
M=$(stat -c %Y.%s "$SCORE")
xdotool key ctrl+s
for _ in $(seq 50); do [ "$(stat -c %Y.%s "$SCORE")" != "$M" ] && break; sleep 0.1; done
"$CLI" people "$SCORE" list --json | $PY -c "
import json, sys
jo = json.load(sys.stdin)[1]
assert not jo['credit_by_name'], jo" || fail "Ctrl+Z did not undo Jo's credit tick"

# --- 5. Import a course's group from another score through the file browser -----------------
OTHER="$WORK/week1.graphony"
"$CLI" new "$OTHER" --person "Sam Okoro" --person "Maya Stone" >/dev/null
"$CLI" people "$OTHER" set Sam --consent research >/dev/null
click_control people.open
click_control people.import
sleep 0.5
xdotool type --delay 10 "$OTHER"
xdotool key Return
sleep 1.0
rect people.row.2 >/dev/null || fail "importing from another score added nobody"
rect people.row.3 >/dev/null && fail "import added someone who was already in the group"
shot 03-imported
click_control people.done
M=$(stat -c %Y.%s "$SCORE")
xdotool key ctrl+s
for _ in $(seq 50); do [ "$(stat -c %Y.%s "$SCORE")" != "$M" ] && break; sleep 0.1; done
"$CLI" people "$SCORE" list --json | $PY -c "
import json, sys
p = json.load(sys.stdin)
assert [x['name'] for x in p] == ['Maya Stone', 'Jo Kim', 'Sam Okoro'], p
assert p[2]['consent'] == ['research'], p[2]" || fail "the imported person was not saved with their consent"

xdotool key ctrl+q
wait_exit 10
[ "$EXIT_RC" = 0 ] || fail "the editor exited with status $EXIT_RC"
echo "PASS: people GUI test (screenshots in $ART)"
