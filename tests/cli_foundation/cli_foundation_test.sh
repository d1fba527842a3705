#!/usr/bin/env bash
# graphony-cli new/validate/info end to end: exit codes 0/1/2, one-line messages naming the
# file and the problem, the --json form, and that scores/demo.graphony is what its generator makes.
set -uo pipefail
cli=$1 make_demo=$2 root=$3
work=$(mktemp -d /tmp/graphony-cli-foundation-XXXXXX)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/../cli_expect.sh"
cd "$work"

# Artworks: a PNG and a JPEG made by ImageMagick; a BMP (refused: no hardened decoder); a corrupt "PNG".
convert -size 120x60 gradient:orange-navy art.png
convert -size 80x40 plasma:fractal -seed 3 art.jpg 2>/dev/null || convert -size 80x40 gradient:red-green art.jpg
convert -size 30x20 xc:teal art.bmp
head -c 2000 /dev/urandom >broken.png

# --- help and version
expect 0 "" -- "$cli" --help
grep -q "new" out.txt || fail "--help does not list new"
expect 0 "" -- "$cli" --version
grep -q "graphony-cli " out.txt || fail "--version prints no version"
for c in new validate info; do
  expect 0 "" -- "$cli" $c --help
  grep -q "usage: graphony-cli $c" out.txt || fail "$c --help has no usage line"
done

# --- new
expect 1 "art.bmp: BMP pictures are not supported; convert it to PNG or JPEG" -- "$cli" new a.graphony --image art.bmp
[ -e a.graphony ] && fail "a refused BMP left a score behind"
expect 0 "" -- "$cli" new a.graphony --image art.png --image art.jpg --title "Our sea" \
  --tempo 66 --beats 24 --meter 3/4 --scale minor-pentatonic --root A3 --range E3..E5 --mode scan \
  --instrument marimba
grep -q "a.graphony: new score, 24 beats at 66 bpm" out.txt || fail "new prints no summary: $(cat out.txt)"
expect 0 "" -- "$cli" info a.graphony --json
/usr/bin/python3 - out.txt <<'PY' || fail "info --json content"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["title"] == "Our sea", j["title"]
assert j["tempo_bpm"] == 66 and j["beats"] == 24 and j["meter"] == "3/4"
assert abs(j["duration_s"] - 24 * 60 / 66) < 1e-9
assert j["images"] == 2 and j["strokes"] == 0 and j["contributors"] == []
m = j["mapping"]
assert m["scale"] == "minor-pentatonic" and m["root"] == "A3" and m["lowest"] == 52 and m["highest"] == 76, m
assert m["image_mode"] == "scan"
assert [p["instrument"] for p in j["palette"]] == ["marimba"], j["palette"]
sizes = [(l["width"], l["height"], l["length_beats"], l["mode"]) for l in j["layers"]]
assert sizes == [(120, 60, 24, "scan"), (80, 40, 24, "scan")], sizes
PY
unzip -Z1 a.graphony | sort >entries.txt
printf 'images/art.jpg\nimages/art.png\nscore.json\n' | diff - entries.txt || fail "bundle entries"
cmp <(unzip -p a.graphony images/art.jpg) art.jpg || fail "the JPEG was not copied as is"

# Continuous pitch: --scale none with a range in Hz.
expect 0 "" -- "$cli" new hz.graphony --scale none --range 55Hz..7040Hz
expect 0 "" -- "$cli" info hz.graphony
grep -qF "range A1..A8 (55Hz..7040Hz)" out.txt || fail "Hz range not shown: $(grep mapping out.txt)"

# Scan rows: --rows goes into each picture's layer (the W(N) benchmark reads rows one to one).
expect 0 "" -- "$cli" new rows.graphony --image art.png --mode scan --rows 300
unzip -p rows.graphony score.json | grep -q '"rows": 300' || fail "--rows 300 not in score.json"
expect 2 "new: --rows expects a whole number from 0 to 4096" -- "$cli" new rows2.graphony --rows 5000
[ -e rows2.graphony ] && fail "a refused --rows wrote a file"

# Defaults are calm.
expect 0 "" -- "$cli" new plain.graphony
expect 0 "" -- "$cli" info plain.graphony
grep -q "tempo:        72 bpm" out.txt || fail "default tempo"
grep -q "major-pentatonic on C4, range G3..G5" out.txt || fail "default mapping: $(grep mapping out.txt)"

# Bad input: exit 1, one line naming the file and problem, nothing written.
expect 1 "b.graphony: score.json: tempo must be between 20 and 400 bpm (got 900)" -- "$cli" new b.graphony --tempo 900
[ -e b.graphony ] && fail "an invalid score was written"
expect 1 "missing.png: file not found" -- "$cli" new b.graphony --image missing.png
expect 1 "broken.png: not a PNG or JPEG picture; convert it to PNG or JPEG" -- "$cli" new b.graphony --image broken.png
expect 1 "unknown instrument \"kazoo\"" -- "$cli" new b.graphony --instrument kazoo
expect 1 "mapping.scale: unknown scale \"jazzy\"" -- "$cli" new b.graphony --scale jazzy
expect 1 "mapping.lowest must be below mapping.highest" -- "$cli" new b.graphony --range G5..G3
expect 1 "a.graphony: already exists (add --force to replace it)" -- "$cli" new a.graphony
expect 0 "" -- "$cli" new a.graphony --force --title Replaced
[ -e b.graphony ] && fail "a failed new left a file behind"

# Usage errors: exit 2.
expect 2 "give exactly one output file" -- "$cli" new
expect 2 "--tempo expects a number (got \"fast\")" -- "$cli" new c.graphony --tempo fast
expect 2 "--mode expects scan or notes" -- "$cli" new c.graphony --mode loud
expect 2 "--root expects a note name" -- "$cli" new c.graphony --root H2
expect 2 "--range expects LOW..HIGH" -- "$cli" new c.graphony --range C3-C5
expect 2 "--meter expects a time signature" -- "$cli" new c.graphony --meter waltz
expect 2 "unknown option --colour" -- "$cli" new c.graphony --colour red
expect 2 "unknown command" -- "$cli" frobnicate
[ -e c.graphony ] && fail "a usage error wrote a file"

# A save killed at any moment leaves the old score or the new one, never a broken file.
convert -size 1000x1000 xc: +noise Random noise.png
start=$(date +%s%N)
expect 0 "" -- "$cli" new kill.graphony --title Old --image noise.png
save_ms=$(( ($(date +%s%N) - start) / 1000000 + 1 ))
saw_old=0 saw_new=0
for i in 1 2 3 4 5 6 7 8 9 10; do
  "$cli" new kill.graphony --force --title "New $i" --image noise.png >/dev/null 2>&1 &
  pid=$!
  # Kill at a moment spread over the whole save (decode, zip, write, fsync, rename).
  delay=$(( RANDOM % (save_ms + save_ms / 5) ))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  "$cli" validate kill.graphony >out.txt 2>err.txt || fail "after kill $i: $(cat err.txt)"
  grep -q '"Old"' out.txt && saw_old=$((saw_old + 1))
  grep -q '"New [0-9]*"' out.txt && saw_new=$((saw_new + 1))
done
[ $((saw_old + saw_new)) = 10 ] || fail "after kills: neither the old nor a new score"
echo "kill test: $saw_old old, $saw_new new (save takes ${save_ms} ms)"
rm -f .kill.graphony.tmp-*  # a killed save cannot remove its own temp file

# --- validate: one line per file, exit 1 if any is bad.
: >empty.graphony
printf '{"format_version": 1, "tempo_bpm": 900}' >score.json
"$cli" validate a.graphony plain.graphony >out.txt 2>err.txt
[ $? = 0 ] || fail "validate of good files failed: $(cat err.txt)"
[ "$(wc -l <out.txt)" = 2 ] || fail "validate should print one line per file: $(cat out.txt)"
grep -q '^a.graphony: ok ("Replaced", 32 beats, 0 image(s), 0 stroke(s))$' out.txt || fail "validate ok line: $(cat out.txt)"
"$cli" validate a.graphony empty.graphony score.json broken.png >out.txt 2>err.txt
[ $? = 1 ] || fail "validate with bad files should exit 1"
[ "$(wc -l <out.txt)" = 1 ] || fail "validate: one ok line expected"
diff - err.txt <<'TXT' || fail "validate error lines"
empty.graphony: file is empty
score.json: tempo must be between 20 and 400 bpm (got 900)
broken.png: not a Graphony score (expected a .graphony bundle or a score.json file)
TXT
expect 2 "validate: give at least one score file" -- "$cli" validate

# --- info
expect 1 "nothing.graphony: file not found" -- "$cli" info nothing.graphony
expect 2 "info: give exactly one score file" -- "$cli" info
expect 2 "unknown option --yaml" -- "$cli" info a.graphony --yaml

# --- the complete example in docs/score-format.md opens as written.
mkdir -p doc/images
cp art.png doc/images/sea.png
/usr/bin/python3 - "$root/docs/score-format.md" doc/score.json <<'PY' || fail "no JSON example in docs/score-format.md"
import re, sys
text = open(sys.argv[1]).read()
block = re.search(r"```json\n(.*?)```", text, re.S).group(1)
open(sys.argv[2], "w").write(block)
PY
expect 0 "" -- "$cli" validate doc/score.json
grep -qF 'doc/score.json: ok ("Sea song", 16 beats, 1 image(s), 2 stroke(s))' out.txt || fail "docs example: $(cat out.txt)"

# Bundles zipped by hand (as the docs suggest), including a streamed zip, open too.
(cd doc && zip -qr ../byhand.graphony score.json images && zip -qr - score.json images >../streamed.graphony)
expect 0 "" -- "$cli" validate byhand.graphony streamed.graphony

# --- the demo: valid, two contributors (consent respected), and exactly what its generator makes.
demo=$root/scores/demo.graphony
expect 0 "" -- "$cli" validate "$demo"
expect 0 "" -- "$cli" info "$demo" --json
/usr/bin/python3 - out.txt <<'PY' || fail "demo content"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["images"] == 1 and 3 <= j["strokes"] <= 20, (j["images"], j["strokes"])
assert 16 <= j["beats"] <= 32 and 60 <= j["tempo_bpm"] <= 90
c = j["contributors"]
assert len(c) == 2 and c[0]["credit_by_name"] and not c[1]["credit_by_name"], c
assert c[1]["credit"] != "Jo K.", "a contributor who did not agree is named"
assert j["layers"][0]["mode"] == "notes"
PY
"$make_demo" regenerated.graphony >/dev/null || fail "graphony-make-demo failed"
cmp -s regenerated.graphony "$demo" || fail "scores/demo.graphony differs from what tools/demo makes (regenerate it)"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all graphony-cli foundation checks passed"
