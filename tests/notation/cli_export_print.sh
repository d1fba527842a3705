#!/usr/bin/env bash
# End to end through graphony-cli: the staircase picture (issue 4's stairs.png) made into a
# score, exported and printed, then read back by mido, MuseScore, qpdf and pdftotext.
set -euo pipefail
CLI="$1"
VERIFY="$2"
dir=$(mktemp -d "${TMPDIR:-/tmp}/graphony-cli-notation-XXXXXX")
trap 'rm -rf "$dir"' EXIT
cd "$dir"
fail() { echo "FAIL: $*" >&2; exit 1; }

# A black 800x800 picture cut into 8 columns and 8 bands, a white block in band i of column i.
draw=()
for i in 0 1 2 3 4 5 6 7; do
  x0=$((i * 100)); y1=$((799 - i * 100))
  draw+=(-draw "rectangle $x0,$((y1 - 99)) $((x0 + 99)),$y1")
done
convert -size 800x800 xc:black -fill white "${draw[@]}" stairs.png
"$CLI" new s.graphony --image stairs.png --scale major --root C4 --range C4..C5 --tempo 60 \
  --beats 8 --mode notes --title "Stairs by the window" >/dev/null

expected="60@0.00 62@1.00 64@2.00 65@3.00 67@4.00 69@5.00 71@6.00 72@7.00"
notes() {
  /usr/bin/python3 -c '
import mido, sys
t = 0.0; out = []
for m in mido.MidiFile(sys.argv[1]):
    t += m.time
    if m.type == "note_on" and m.velocity > 0: out.append("%d@%.2f" % (m.note, t))
print(" ".join(out))' "$1"
}

"$CLI" export s.graphony -o s.mid >/dev/null
[ "$(notes s.mid)" = "$expected" ] || fail "our MIDI: $(notes s.mid)"

"$CLI" export s.graphony -o s.musicxml >/dev/null
/usr/bin/python3 "$VERIFY/extract_musicxml_xsd.py" xsd >/dev/null
xmllint --noout --nonet --schema xsd/musicxml.xsd s.musicxml 2>/dev/null || fail "MusicXML not valid 3.1"
QT_QPA_PLATFORM=offscreen timeout 60 mscore3 -o ms.mid s.musicxml 2>ms.err || true
if grep -q -E "not a valid|Error" ms.err; then fail "MuseScore: $(cat ms.err)"; fi
[ "$(notes ms.mid)" = "$expected" ] || fail "MuseScore's MIDI: $(notes ms.mid)"

"$CLI" export s.graphony -o s.ly >/dev/null
grep -q 'title = "Stairs by the window"' s.ly || fail "LilyPond header"

"$CLI" print s.graphony -o s.pdf --paper letter >/dev/null
qpdf --check s.pdf >/dev/null || fail "qpdf --check"
pages=$(pdfinfo s.pdf | sed -n 's/^Pages: *//p')
# graphic (the legend below the picture when it fits), notation, colour
[ "$pages" -ge 3 ] || fail "expected graphic, legend, notation and colour pages, got $pages"
pdftotext -f "$pages" -l "$pages" s.pdf - | grep -q "Figurenotes-compatible" ||
  fail "colour notation on the last page"
pdftotext s.pdf - | grep -q "Legend: who plays which colour" || fail "legend"
pdftotext -f 1 -l 1 s.pdf - | grep -q "Stairs by the window" || fail "title on page 1"
pdfinfo s.pdf | grep -q "612 x 792" || fail "letter paper"

"$CLI" print s.graphony -o g.svg --pages legend,graphic >/dev/null
[ -s g.svg ] && [ -s g-2.svg ] || fail "SVG pages"

# A player's part at the beginner's level: its notation and colour pages only.
"$CLI" print s.graphony -o part.pdf --part all --level easy >/dev/null
part_pages=$(pdfinfo part.pdf | sed -n 's/^Pages: *//p')
[ "$part_pages" -ge 2 ] || fail "--part all: expected notation and colour pages, got $part_pages"
pdftotext part.pdf - | grep -q "(easy)" || fail "--level easy not named on the part"

# Errors: usage is exit 2, bad input exit 1, and an existing output is left alone.
echo precious > keep.mid
set +e
"$CLI" export s.graphony 2>/dev/null; [ $? = 2 ] || fail "export without -o should exit 2"
"$CLI" export s.graphony -o x.wav 2>/dev/null; [ $? = 2 ] || fail "export .wav should exit 2"
"$CLI" print s.graphony -o x.pdf --pages graphic,poster 2>/dev/null; [ $? = 2 ] || fail "bad --pages"
"$CLI" print s.graphony -o x.pdf --paper a3 2>/dev/null; [ $? = 2 ] || fail "bad --paper"
"$CLI" print s.graphony -o x.pdf --level hard 2>/dev/null; [ $? = 2 ] || fail "bad --level"
"$CLI" print s.graphony -o part.pdf --part Tuba 2>tuba.txt; [ $? = 1 ] || fail "unknown --part"
grep -q "no part named 'Tuba'" tuba.txt || fail "unknown --part message: $(cat tuba.txt)"
echo "not a score" > bad.graphony
"$CLI" export bad.graphony -o keep.mid 2>err.txt; code=$?
set -e
[ $code = 1 ] || fail "bad input should exit 1 (got $code)"
[ "$(wc -l <err.txt)" = 1 ] || fail "one-line error expected: $(cat err.txt)"
[ "$(cat keep.mid)" = precious ] || fail "existing output was damaged"
echo "PASS cli export/print"
