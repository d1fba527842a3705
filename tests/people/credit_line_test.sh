#!/usr/bin/env bash
# The printed title's credit line credits the whole group: everyone in the score's People,
# whether or not they drew or played a note, named only where they agreed (credit by name and
# exhibition), else by initials, else counted as participants. The parts' "played by" lines
# still name only who played. Read back from the PDF with pdftotext.
# usage: credit_line_test.sh GRAPHONY_CLI SOURCE_DIR
set -uo pipefail
cli=$1 root=$2
PY=/usr/bin/python3
command -v pdftotext >/dev/null || { echo "SKIP: pdftotext missing"; exit 77; }
work=$(mktemp -d /tmp/graphony-credit-line-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The demo: Maya (named) and Jo K. (initials) drew its strokes. Three more join who drew
# nothing: Sam agreed to be named, Lee asked for their name but not for exhibition, and Ann
# gave neither name consent nor initials.
cp "$root/scores/demo.graphony" "$work/group.graphony"
"$cli" people "$work/group.graphony" add "Sam Okoro" --credit-by-name yes --consent group,exhibition >/dev/null ||
  fail "people add Sam"
"$cli" people "$work/group.graphony" add "Lee Park" --credit-by-name yes --consent group >/dev/null ||
  fail "people add Lee"
"$cli" people "$work/group.graphony" add "Ann" --initials "" >/dev/null || fail "people add Ann"

for pages in graphic legend; do
  "$cli" print "$work/group.graphony" -o "$work/$pages.pdf" --pages "$pages" 2>"$work/print.log" ||
    fail "print --pages $pages: $(cat "$work/print.log")"
  pdftotext "$work/$pages.pdf" "$work/$pages.txt" || fail "pdftotext $pages.pdf"
  $PY - "$work/$pages.txt" "$pages" <<'PY' || exit 1
import re, sys
text = " ".join(open(sys.argv[1]).read().split())
m = re.search(r"Music by (.*?)(?: printed| \d{4}-\d\d-\d\d|$)", text)
if not m:
    sys.exit(f"FAIL: {sys.argv[2]}: no 'Music by' line in the PDF text: {text[:300]}")
line = m.group(1)
want = "Maya, J.K., Sam Okoro, L.P. and one participant"
if not line.startswith(want):
    sys.exit(f"FAIL: {sys.argv[2]}: credit line is 'Music by {line[:120]}', expected '{want}'")
for hidden in ("Jo K.", "Lee Park"):
    if hidden in text:
        sys.exit(f"FAIL: {sys.argv[2]}: the PDF names {hidden}, who did not agree to be named")
print(f"{sys.argv[2]}: Music by {want}")
PY
done
# The legend's parts name only who played them: Sam, Lee and Ann played nothing.
$PY - "$work/legend.txt" <<'PY' || exit 1
import sys
text = " ".join(open(sys.argv[1]).read().split())
after = text.split("Music by", 1)[1]
after = after.split("one participant", 1)[1]  # past the credit line
if "Sam Okoro" in after or "L.P." in after:
    sys.exit("FAIL: a part is credited to someone who did not play it")
PY
echo "PASS: the credit line credits the whole group"
