#!/usr/bin/env bash
# The printed score in each participant's language (issue 17): the demo printed in English,
# Polish, Chinese and Arabic shows the legend, headings, credits and footer as the .po
# translates them, in embedded Noto fonts; a score remembers its print language
# (--save-language), --language alone changes no file; bad codes are refused; and the check
# itself fails when the catalogues are missing. Page 1 of each print is kept as a PNG.
# usage: print_language_test.sh CLI SOURCE_DIR ARTIFACTS_DIR
set -euo pipefail
CLI=$(realpath "$1") SRC=$(cd "$2" && pwd) ART=$3/print_language
PY=/usr/bin/python3
CHECK="$SRC/tests/notation/print_language_check.py"
W=$(mktemp -d /tmp/graphony-print-language.XXXXXX)
trap 'rm -rf "$W"' EXIT
mkdir -p "$ART"
fail() { echo "FAIL: $*"; exit 1; }
PAGES=(--pages legend,colour)  # every translated page kind but LilyPond's (checked elsewhere)

cp "$SRC/scores/demo.graphony" "$W/demo.graphony"
before=$(sha256sum <"$W/demo.graphony")
for lang in en pl zh_CN ar; do
  LANGUAGE=it "$CLI" print "$W/demo.graphony" -o "$W/$lang.pdf" --language "$lang" "${PAGES[@]}" \
    >/dev/null || fail "print --language $lang"
  $PY "$CHECK" "$SRC" "$lang" "$W/$lang.pdf" || fail "the $lang print"
  pdftoppm -png -r 60 -f 1 -l 1 "$W/$lang.pdf" "$ART/legend-$lang"
done
[ "$(sha256sum <"$W/demo.graphony")" = "$before" ] || fail "--language changed the score file"

# The check can fail: without the catalogues the Polish print is English, and is caught.
mkdir "$W/no-catalogues"
GRAPHONY_LOCALEDIR="$W/no-catalogues" "$CLI" print "$W/demo.graphony" -o "$W/nocat.pdf" \
  --language pl "${PAGES[@]}" >/dev/null
if $PY "$CHECK" "$SRC" pl "$W/nocat.pdf" >"$W/nocat.out"; then
  fail "a print made without catalogues passed as Polish"
fi
grep -q "does not show" "$W/nocat.out" || fail "the missing translation was not named"

# --save-language stores the language; later prints use it whatever the user's language.
"$CLI" print "$W/demo.graphony" -o "$W/saved.pdf" --language pl --save-language "${PAGES[@]}" \
  >/dev/null
unzip -p "$W/demo.graphony" score.json | grep -q '"language": "pl"' ||
  fail "--save-language did not store the language"
LANGUAGE=zh_CN "$CLI" print "$W/demo.graphony" -o "$W/remembered.pdf" "${PAGES[@]}" >/dev/null
$PY "$CHECK" "$SRC" pl "$W/remembered.pdf" || fail "the score's own language was not used"
"$CLI" validate "$W/demo.graphony" >/dev/null || fail "a score with a language does not validate"
# A score without a language prints in the user's language (and saves no language field).
unzip -p "$SRC/scores/demo.graphony" score.json | grep -q '"language"' &&
  fail "the demo has a language field"
LANGUAGE=ar "$CLI" print "$SRC/scores/demo.graphony" -o "$W/user.pdf" "${PAGES[@]}" >/dev/null
$PY "$CHECK" "$SRC" ar "$W/user.pdf" || fail "LANGUAGE=ar did not print in Arabic"

# A bad --language: one line, exit 1, the old output and the score untouched.
echo "old" >"$W/keep.pdf"
before=$(sha256sum <"$W/demo.graphony")
set +e
"$CLI" print "$W/demo.graphony" -o "$W/keep.pdf" --language xx 2>"$W/err" >/dev/null
code=$?
set -e
[ "$code" = 1 ] || fail "--language xx: exit $code, expected 1"
[ "$(wc -l <"$W/err")" = 1 ] || fail "--language xx: not one line: $(cat "$W/err")"
grep -q -- '--language: language "xx"' "$W/err" ||
  fail "--language xx: the message does not name the option and code: $(cat "$W/err")"
[ "$(cat "$W/keep.pdf")" = old ] || fail "--language xx damaged the old output"
[ "$(sha256sum <"$W/demo.graphony")" = "$before" ] || fail "--language xx changed the score"
echo "refused: $(cat "$W/err")"

# A bad `language` in the score: one line naming the file, exit 1, nothing written.
mkdir "$W/bad" && (cd "$W/bad" && unzip -q "$SRC/scores/demo.graphony")
sed -i 's/"title": "Harbour Morning",/"title": "Harbour Morning",\n  "language": "klingon",/' \
  "$W/bad/score.json"
grep -q '"language": "klingon"' "$W/bad/score.json" || fail "could not plant the bad language"
before=$(sha256sum <"$W/bad/score.json")
set +e
"$CLI" print "$W/bad/score.json" -o "$W/bad.pdf" "${PAGES[@]}" 2>"$W/err" >/dev/null
code=$?
set -e
[ "$code" = 1 ] || fail "language klingon: exit $code, expected 1"
[ "$(wc -l <"$W/err")" = 1 ] || fail "language klingon: not one line: $(cat "$W/err")"
grep -q "$W/bad/score.json" "$W/err" || fail "the message does not name the file: $(cat "$W/err")"
grep -q "klingon" "$W/err" || fail "the message does not name the value: $(cat "$W/err")"
[ ! -e "$W/bad.pdf" ] || fail "a PDF was written for a bad score"
[ "$(sha256sum <"$W/bad/score.json")" = "$before" ] || fail "the bad score was changed"
echo "refused: $(cat "$W/err")"
echo "PASS: printed in en, pl, zh_CN and ar; the score remembers its language; bad codes refused"
