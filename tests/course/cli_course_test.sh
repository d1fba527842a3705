#!/usr/bin/env bash
# A 3-session course with 4 people of mixed consent, built through graphony-cli; then the
# portfolio (qpdf --check, pdftotext: exactly the names that may be shown, the theme, page
# numbers matching the contents), share --purpose publicity (unzip -l and strings over every
# file, nested bundles unpacked: nothing non-consented survives, the source untouched), the
# session log CSV (one row per person per session, counts from the scores), bad course.json.
set -uo pipefail
cli=$1 root=$2
PY=/usr/bin/python3
for tool in qpdf pdftotext unzip strings; do
  command -v $tool >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
work=$(mktemp -d /tmp/graphony-cli-course-XXXXXX)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/../cli_expect.sh"
cd "$work"

# --- the course, its people and sessions --------------------------------------------------
C=course
run "$cli" course new $C --title "Spring Voices" --theme "new beginnings" --site "Riverside Ward" \
  --facilitator "Helen Marsh"
# Ana: named everywhere she agreed. Bruno: named in print, but no publicity. Chiara: no name
# credit, publicity yes but her recordings expire on 2026-11-30. Dmitri: group only.
run "$cli" course add-person $C "Ana López" --credit-by-name yes --consent group,exhibition,publicity --role painter
run "$cli" course add-person $C "Bruno Costa" --credit-by-name yes --consent group,exhibition --role bass
run "$cli" course add-person $C "Chiara Rossi" --credit-by-name no --consent group,exhibition,publicity --keep-until 2026-11-30
run "$cli" course add-person $C "Dmitri Volkov" --credit-by-name yes --consent group
for d in 2026-11-18 2026-11-25 2026-12-02; do run "$cli" course add-session $C --date $d; done
expect 1 "already exists" -- "$cli" course add-session $C --date 2026-11-18
expect 1 "--date expects a date" -- "$cli" course add-session $C --date 2026-02-30

run "$cli" course new-score $C --session 2026-11-18 --title "First Light" --picture "$root/tests/pictures/horse.png"
run "$cli" course new-score $C --session 2026-11-25 --title "Dmitri's River"
run "$cli" course new-score $C --session 2026-12-02 --title "Open Door" --picture "$root/tests/pictures/horse.png"
# graphony-cli new into a session folder also starts with the course's people.
run "$cli" new $C/2026-12-02/coda.graphony --title "Coda" --date 2026-12-02
"$cli" people $C/2026-12-02/coda.graphony list --json | $PY -c "
import json, sys; p = json.load(sys.stdin)
assert [x['name'] for x in p] == ['Ana López', 'Bruno Costa', 'Chiara Rossi', 'Dmitri Volkov'], p" ||
  fail "new in a session folder did not get the course's people"

# Strokes painted by each person, as the editor saves them (contributor ids on strokes).
paint() {  # paint SCORE NAME=COUNT...
  $PY - "$@" <<'EOF'
import json, sys, zipfile, shutil
path, wanted = sys.argv[1], dict(a.split('=') for a in sys.argv[2:])
with zipfile.ZipFile(path) as z:
    entries = {n: z.read(n) for n in z.namelist()}
score = json.loads(entries['score.json'])
ids = {c['name'].split()[0]: c['id'] for c in score['contributors']}
color = score['palette'][0]['color']
strokes = []
for name, count in wanted.items():
    for i in range(int(count)):
        strokes.append({'color': color, 'width': 0.02, 'contributor': ids[name],
                        'points': [{'beat': i, 'height': 0.3, 'pressure': 1},
                                   {'beat': i + 1, 'height': 0.6, 'pressure': 1}]})
score['layers'].append({'kind': 'strokes', 'name': 'painted', 'visible': True, 'locked': False,
                        'muted': False, 'strokes': strokes})
entries['score.json'] = json.dumps(score).encode()
with zipfile.ZipFile(path + '.new', 'w') as z:
    for n, data in entries.items(): z.writestr(n, data)
shutil.move(path + '.new', path)
EOF
}
paint $C/2026-11-18/first-light.graphony Ana=5 Bruno=2
paint $C/2026-11-25/dmitri-s-river.graphony Chiara=3
paint $C/2026-12-02/open-door.graphony Dmitri=4 Ana=1
for f in $C/*/*.graphony; do run "$cli" validate "$f"; done

# Takes recorded on the ward's recorder, carried into the scores with their players.
$PY - <<'EOF'
import wave, struct, math
for name, seconds, freq in [('ana', 2, 440), ('bruno', 3, 110), ('chiara', 4, 660),
                            ('duet', 5, 330), ('dmitri', 6, 220)]:
    with wave.open(name + '.wav', 'wb') as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)
        w.writeframes(b''.join(struct.pack('<h', int(8000 * math.sin(2 * math.pi * freq * (i + freq) / 22050)))
                               for i in range(22050 * seconds)))
EOF
run "$cli" course add-take $C --session 2026-11-18 --score first-light.graphony --wav ana.wav --name "Morning Bells" --player Ana
run "$cli" course add-take $C --session 2026-11-18 --score first-light.graphony --wav bruno.wav --name "Bruno's Bass Line" --player Bruno
run "$cli" course add-take $C --session 2026-11-25 --score dmitri-s-river.graphony --wav chiara.wav --name "Rain Song" --player Chiara
run "$cli" course add-take $C --session 2026-11-25 --score dmitri-s-river.graphony --wav duet.wav --name "Two Rivers" --player Ana --player Dmitri
run "$cli" course add-take $C --session 2026-12-02 --score open-door.graphony --wav dmitri.wav --name "Dmitri Alone" --player Dmitri
expect 1 "nobody called" -- "$cli" course add-take $C --session 2026-12-02 --score open-door.graphony --wav ana.wav --player Zed

# Poems and notes; a session log with staff notes.
printf 'New Beginnings\nby Ana López and Dmitri Volkov\n\nThe door opens, Chiara sings.\n' >$C/2026-11-18/door-poem.txt
printf 'Water under the bridge\nwords from the group\n' >$C/2026-11-25/river-words.txt
run "$cli" log $C --set --session 2026-11-18 --person Ana --attended yes --note "Ana led the warm-up"
run "$cli" log $C --set --session 2026-11-18 --person Dmitri --attended yes --note "Dmitri was anxious at first" --minutes 40
run "$cli" log $C --set --session 2026-11-25 --person Chiara --attended no --note "Chiara unwell"
run "$cli" log $C --set --session 2026-12-02 --person Bruno --attended yes --minutes 25

"$cli" course list $C --json | $PY -c "
import json, sys; j = json.load(sys.stdin)
assert j['theme'] == 'new beginnings' and [s['date'] for s in j['sessions']] == ['2026-11-18', '2026-11-25', '2026-12-02'], j
assert [len(s['scores']) for s in j['sessions']] == [1, 1, 2], j
assert j['sessions'][0]['texts'] == ['door-poem.txt'], j
assert [p['printed_as'] for p in j['people']] == ['Ana López', 'Bruno Costa', 'C.R.', 'D.V.'], j['people']" ||
  fail "course list --json does not describe the course"

# --- the portfolio -------------------------------------------------------------------------
run "$cli" portfolio $C -o book.pdf
qpdf --check book.pdf >qpdf.txt 2>&1 || fail "qpdf --check book.pdf: $(tail -3 qpdf.txt)"
pdftotext book.pdf book.txt || fail "pdftotext failed"
for shown in "Spring Voices" "new beginnings" "Riverside Ward" "Helen Marsh" "Ana López" "Bruno Costa" \
  "C.R." "D.V." "Morning Bells" "0:02" "Rain Song" "0:04" "D.V. Alone" "D.V.'s River" "The door opens" "Contents"; do
  grep -qF -- "$shown" book.txt || fail "portfolio lacks '$shown'"
done
for hidden in Chiara Rossi Dmitri Volkov "Ana led" "anxious" "unwell"; do
  grep -qF -- "$hidden" book.txt && fail "portfolio shows '$hidden' (not agreed / internal)"
done
# The page the contents gives for session 2 is the page that opens it.
page=$(grep -F "Session 2: 25 November 2026" book.txt | head -1 | sed 's/.*· *//')
[ -n "$page" ] && pdftotext -f "$page" -l "$page" book.pdf - | head -3 | grep -q "^Session 2$" ||
  fail "the contents' page number for session 2 ($page) is not its chapter"
pages=$(qpdf --show-npages book.pdf)
pdftotext -f "$pages" -l "$pages" book.pdf - | grep -qx "$pages" || fail "the last page is not numbered $pages"
echo "portfolio: $pages pages"

# --- share --purpose publicity --------------------------------------------------------------
unpack() {  # unpack ZIP_OR_DIR DEST: every file, nested .graphony bundles unpacked too
  mkdir -p "$2"
  if [ -d "$1" ]; then cp -r "$1"/. "$2"; else unzip -q -o "$1" -d "$2"; fi
  find "$2" -name '*.graphony' | while read -r b; do unzip -q -o "$b" -d "$b.d"; done
}
find $C -type f -exec md5sum {} + | sort >before.md5
run "$cli" share $C -o pub.zip --purpose publicity --today 2026-12-02
cat out.txt
find $C -type f -exec md5sum {} + | sort >after.md5
cmp -s before.md5 after.md5 || fail "share modified the source course"
unzip -l pub.zip >listing.txt || fail "unzip -l pub.zip failed"
grep -q "log.json" listing.txt && fail "the shared zip holds a session log"
grep -qiE "bruno|costa|chiara|rossi|dmitri|volkov" listing.txt && fail "a file name in the zip names someone: $(cat listing.txt)"
strings -e S -n 4 pub.zip | grep -qiE "bruno|costa|chiara|rossi|dmitri|volkov" && fail "strings pub.zip finds a name not agreed"
unpack $C src && unpack pub.zip pub
strings -e S -n 4 $(find src -type f) >src.strings
strings -e S -n 4 $(find pub -type f) >pub.strings
md5sum ana.wav bruno.wav chiara.wav duet.wav dmitri.wav >takes.md5
find src -type f -exec md5sum {} + >src-files.md5
find pub -type f -exec md5sum {} + >pub-files.md5
# First prove the source holds what the share must drop...
for word in Bruno Costa Chiara Rossi Dmitri Volkov "Ana led" "anxious" "Bruno's Bass Line" "Two Rivers"; do
  grep -qF -- "$word" src.strings || fail "the source lacks '$word' (the test proves nothing)"
done
for take in ana bruno chiara duet dmitri; do
  grep -q "^$(grep " $take.wav" takes.md5 | cut -d' ' -f1) " src-files.md5 || fail "the source lacks the $take take"
done
# ...then that the share has none of it, and keeps what was agreed.
for word in Bruno Costa Chiara Rossi Dmitri Volkov "Ana led" "anxious" "unwell" "Bruno's Bass Line" "Two Rivers" "Rain Song"; do
  grep -qF -- "$word" pub.strings && fail "the publicity share still holds '$word'"
done
for take in bruno chiara duet dmitri; do
  grep -q "^$(grep " $take.wav" takes.md5 | cut -d' ' -f1) " pub-files.md5 && fail "the $take take survived the share"
done
grep -q "^$(grep " ana.wav" takes.md5 | cut -d' ' -f1) " pub-files.md5 || fail "Ana's take (agreed) was left out"
for word in "Ana López" "Morning Bells" "new beginnings" "D.V." "C.R."; do
  grep -qF -- "$word" pub.strings || fail "the publicity share lost '$word'"
done
for f in pub/*/*.graphony; do run "$cli" validate "$f"; done
expect 1 "may not replace or sit inside" -- "$cli" share $C -o $C/inside.zip --purpose group
# A single score shares as a bundle.
run "$cli" share $C/2026-11-18/first-light.graphony -o first-pub.graphony --purpose publicity
"$cli" info first-pub.graphony --json | $PY -c "import json,sys; j=json.load(sys.stdin); assert j['takes'] == 1, j" ||
  fail "share of one score kept a take not agreed"

# --- the session log -----------------------------------------------------------------------
run "$cli" log $C --csv
cp out.txt log.csv
$PY - <<'EOF' || fail "log CSV: $(cat log.csv)"
import csv
rows = list(csv.DictReader(open('log.csv')))
assert len(rows) == 12, len(rows)
got = {(r['session'], r['person_id']): r for r in rows}
ids = {'Ana': 'c1', 'Bruno': 'c2', 'Chiara': 'c3', 'Dmitri': 'c4'}
want = {  # (session, person): (strokes, takes, attended, minutes)
    ('2026-11-18', 'Ana'): (5, 1, 'yes', '0'), ('2026-11-18', 'Bruno'): (2, 1, '', '0'),
    ('2026-11-18', 'Dmitri'): (0, 0, 'yes', '40'), ('2026-11-25', 'Chiara'): (3, 1, 'no', '0'),
    ('2026-11-25', 'Ana'): (0, 1, '', '0'), ('2026-11-25', 'Dmitri'): (0, 1, '', '0'),
    ('2026-12-02', 'Dmitri'): (4, 1, '', '0'), ('2026-12-02', 'Ana'): (1, 0, '', '0'),
    ('2026-12-02', 'Bruno'): (0, 0, 'yes', '25'), ('2026-12-02', 'Chiara'): (0, 0, '', '0'),
}
for (session, name), (strokes, takes, attended, minutes) in want.items():
    r = got[(session, ids[name])]
    assert (int(r['strokes']), int(r['takes']), r['attended'], r['minutes_active']) == \
        (strokes, takes, attended, minutes), (session, name, r)
text = open('log.csv').read()
for hidden in ['Chiara', 'Rossi', 'Dmitri', 'Volkov']:
    assert hidden not in text, hidden
assert 'Ana López' in text and 'D.V. was anxious' in text and 'Bruno Costa' in text
EOF

# --- bad course.json: one line naming the file, exit 1, nothing damaged --------------------
cp -r $C bad
printf '{"format_version": 1, "title": 5}' >bad/course.json
cp bad/course.json bad.before
expect 1 "bad/course.json: title: expected text" -- "$cli" course list bad
expect 1 "bad/course.json" -- "$cli" course add-person bad "Eve"
expect 1 "bad/course.json" -- "$cli" portfolio bad -o bad.pdf
expect 1 "bad/course.json" -- "$cli" log bad --csv
cmp -s bad/course.json bad.before || fail "a refused command changed bad/course.json"
[ -e bad.pdf ] && fail "a refused portfolio left a file"
printf 'not json' >bad/course.json
expect 1 "bad/course.json: not valid JSON" -- "$cli" course list bad
expect 1 "no session on" -- "$cli" course new-score $C --session 2027-01-01

[ "$failures" = 0 ] && echo "PASS: courses" || echo "$failures failure(s)"
[ "$failures" = 0 ]
