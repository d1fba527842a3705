#!/usr/bin/env bash
# graphony-cli people: list/add/set/remove/import round trips, one-line errors with exit 1
# (the file untouched), old format-1 consent migrated, new --person/--people-from/--date,
# and a print that names only who agreed (credit by name + exhibition), initials otherwise.
set -uo pipefail
cli=$1 root=$2
PY=/usr/bin/python3
command -v pdftotext >/dev/null || { echo "SKIP: pdftotext missing"; exit 77; }
work=$(mktemp -d /tmp/graphony-cli-people-XXXXXX)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/../cli_expect.sh"
cd "$work"
check_json() {  # check_json FILE PYTHON-ASSERTS (people list --json is in p)
  "$cli" people "$1" list --json >list.json || { fail "people $1 list --json failed"; return; }
  $PY -c "import json; p = json.load(open('list.json')); $2" || fail "$1: $2 (got $(cat list.json))"
}

# --- new: people, today's date and a dated title -----------------------------------------
expect 0 "" -- "$cli" new course.graphony --person "Ana López" --person "Jo Kim"
check_json course.graphony "assert [x['name'] for x in p] == ['Ana López', 'Jo Kim']; assert [x['initials'] for x in p] == ['A.L.', 'J.K.']; assert all(x['consent'] == [] and not x['credit_by_name'] for x in p)"
"$cli" info course.graphony --json | $PY -c "
import json, sys, datetime
j = json.load(sys.stdin)
today = datetime.date.today()
assert j['date'] == today.isoformat(), j['date']
assert j['title'] == 'Music of %d %s %d' % (today.day, today.strftime('%B'), today.year), j['title']" ||
  fail "new: the score is not dated today with a dated title"
expect 0 "" -- "$cli" new dated.graphony --date 2026-03-04 --title "Spring"
"$cli" info dated.graphony --json | $PY -c "
import json, sys; j = json.load(sys.stdin); assert j['date'] == '2026-03-04' and j['title'] == 'Spring', j" ||
  fail "new --date/--title not kept"
expect 2 "--date expects a date" -- "$cli" new bad.graphony --date 04/03/2026
expect 1 "already in the group" -- "$cli" new dup.graphony --person Ana --person ana
[ -e dup.graphony ] && fail "a refused new left a file behind"

# --- add / set / rename / list round trip --------------------------------------------------
expect 0 "" -- "$cli" people course.graphony set Ana --credit-by-name yes --consent group,exhibition --keep-until 2027-06-30
expect 0 "" -- "$cli" people course.graphony set c2 --credit-by-name yes --consent research --rename "Joanna Kim"
expect 0 "" -- "$cli" people course.graphony add "Sam Okoro" --initials S.O. --consent publicity --role cello
check_json course.graphony "
a, j, s = p
assert a['credit_by_name'] and a['consent'] == ['group', 'exhibition'] and a['keep_until'] == '2027-06-30', a
assert a['printed_as'] == 'Ana López', a
assert j['name'] == 'Joanna Kim' and j['initials'] == 'J.K.' and j['consent'] == ['research'], j
assert j['printed_as'] == 'J.K.', j   # credit by name but no exhibition consent: initials
assert s['id'] == 'c3' and s['initials'] == 'S.O.' and s['role'] == 'cello' and s['consent'] == ['publicity'], s"
expect 0 "" -- "$cli" people course.graphony list
grep -q "Joanna Kim" out.txt || fail "people list does not show Joanna Kim"
expect 0 "" -- "$cli" validate course.graphony
expect 0 "" -- "$cli" people course.graphony set Sam --consent none --keep-until ""
check_json course.graphony "assert p[2]['consent'] == [] and p[2]['keep_until'] == '', p[2]"

# --- errors: one line naming the file, exit 1, the file unchanged -------------------------
before=$(md5sum <course.graphony)
expect 1 'course.graphony: --consent: unknown purpose "press"' -- "$cli" people course.graphony set Ana --consent group,press
expect 1 "course.graphony: --keep-until expects a date like 2027-06-30" -- "$cli" people course.graphony set Ana --keep-until 2027-02-30
expect 1 "course.graphony: --credit-by-name expects yes or no" -- "$cli" people course.graphony set Ana --credit-by-name maybe
expect 1 'course.graphony: nobody called "Zoe"' -- "$cli" people course.graphony remove Zoe
expect 1 "already in the group" -- "$cli" people course.graphony add "ana lópez"
expect 1 "already in the group" -- "$cli" people course.graphony set Sam --rename "Joanna Kim"
expect 1 "nothere.graphony" -- "$cli" people nothere.graphony list
expect 2 "unknown action" -- "$cli" people course.graphony hug Ana
expect 2 "--rename is for set" -- "$cli" people course.graphony add Zed --rename Zee
[ "$(md5sum <course.graphony)" = "$before" ] || fail "a refused people command changed the file"

# --- a hand-written file with a bad keep-until or purpose: one line naming the file -----------
unzip -p course.graphony score.json >score.json
sed 's/"2027-06-30"/"30 June 2027"/' score.json >bad-date.json
expect 1 'bad-date.json: contributors[0].keep_until: expected a date like 2027-06-30' -- "$cli" validate bad-date.json
sed 's/"exhibition"/"press"/' score.json >bad-purpose.json
expect 1 'bad-purpose.json: contributors[0].consent[1]: unknown purpose "press"' -- "$cli" validate bad-purpose.json

# --- a plain score.json stays plain JSON -------------------------------------------------------
expect 0 "" -- "$cli" people score.json add "Lee Chan"
$PY -c "import json; j = json.load(open('score.json')); assert j['contributors'][-1]['name'] == 'Lee Chan'" ||
  fail "people add on score.json did not write JSON"

# --- format 1 files still load: share_audio becomes group + exhibition, take consent derived --
mkdir -p recordings && head -c 64 /dev/zero >recordings/t.wav  # takes must name a file
cat >old.json <<'JSON'
{"format_version": 1, "title": "Old", "contributors": [
  {"id": "c1", "name": "Maya", "initials": "M.", "consent": {"credit_by_name": true, "share_audio": true}},
  {"id": "c2", "name": "Jo", "initials": "J.", "consent": {"credit_by_name": false, "share_audio": false}}],
 "takes": [{"file": "recordings/t.wav", "players": ["c1", "c2"], "consent_to_share": true}]}
JSON
check_json old.json "
m, j = p
assert m['credit_by_name'] and m['consent'] == ['group', 'exhibition'], m
assert not j['credit_by_name'] and j['consent'] == ['group'], j"
expect 0 "" -- "$cli" people old.json set Jo --initials J.O.
$PY -c "
import json; j = json.load(open('old.json'))
assert j['format_version'] == 2, j['format_version']
assert 'consent_to_share' not in j['takes'][0], j['takes'][0]   # derived from the players now
assert j['contributors'][0]['consent'] == ['group', 'exhibition'], j['contributors'][0]" ||
  fail "a migrated format-1 file was not written as format 2 with derived take consent"

# --- remove: strokes keep playing without a name, takes lose the player ---------------------
cat >strokes.json <<'JSON'
{"format_version": 2, "contributors": [{"id": "c1", "name": "Ana"}, {"id": "c2", "name": "Bo"}],
 "layers": [{"kind": "strokes", "strokes": [
   {"color": "#e69f00", "contributor": "c1", "points": [{"beat": 0, "height": 0.5}, {"beat": 2, "height": 0.6}]}]}]}
JSON
expect 0 "" -- "$cli" people strokes.json remove Ana
$PY -c "
import json; j = json.load(open('strokes.json'))
assert [c['id'] for c in j['contributors']] == ['c2']
assert j['layers'][0]['strokes'][0]['contributor'] == ''" || fail "remove left a stroke naming a missing person"

# --- import: a course's group reused, nobody twice ------------------------------------------
expect 0 "" -- "$cli" new week2.graphony --person "Jo Kim" --person "Ana López"
expect 0 "" -- "$cli" people week2.graphony import course.graphony
grep -q "2 people added" out.txt || fail "import: expected 2 added, got: $(cat out.txt)"
check_json week2.graphony "assert [x['name'] for x in p] == ['Jo Kim', 'Ana López', 'Joanna Kim', 'Sam Okoro'], [x['name'] for x in p]; assert len(set(x['id'] for x in p)) == 4"
expect 0 "" -- "$cli" new week3.graphony --people-from course.graphony
check_json week3.graphony "assert [x['name'] for x in p] == ['Ana López', 'Joanna Kim', 'Sam Okoro'] and p[0]['consent'] == ['group', 'exhibition']"

# --- print: named only with credit by name + exhibition; initials otherwise ------------------
expect 0 "" -- "$cli" new print.graphony --person "Maya Stone" --person "Jo Kim" --title "Names test"
expect 0 "" -- "$cli" people print.graphony set Maya --credit-by-name yes --consent exhibition
expect 0 "" -- "$cli" people print.graphony set Jo --credit-by-name no --consent group,exhibition,publicity
"$cli" print print.graphony -o print.pdf --pages legend >/dev/null 2>print.err || fail "print failed: $(cat print.err)"
pdftotext print.pdf print.txt
grep -q "Music by Maya Stone and J.K." print.txt || fail "credit line should be 'Music by Maya Stone and J.K.': $(grep -m1 Music print.txt)"
grep -q "Jo Kim" print.txt && fail "the PDF names Jo Kim, who did not ask for credit by name"
# Credit by name without exhibition consent is not enough for a print.
expect 0 "" -- "$cli" people print.graphony set Maya --consent group
"$cli" print print.graphony -o print2.pdf --pages legend >/dev/null 2>&1 || fail "second print failed"
pdftotext print2.pdf print2.txt
grep -q "Maya Stone" print2.txt && fail "the PDF names Maya without exhibition consent"
grep -q "Music by M.S. and J.K." print2.txt || fail "expected initials only: $(grep -m1 Music print2.txt)"
# The date the score was made is printed under the title.
grep -q "$(date +%Y-%m-%d)" print2.txt || fail "the print does not show the score's date"

[ "$failures" = 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "PASS: graphony-cli people"
