#!/usr/bin/env bash
# The editor in every language under Xvfb with the real catalogues (build/locale, from po/):
# `graphony --language CODE --layout-batch` draws the welcome and the editor at a laptop size
# and at the largest UI size, each checked by tests/editor/layout_check.py (no clipped text,
# no missing glyph). The atlas must hold the catalogue's characters; a negative control shows
# the count works: a score named in Chinese, drawn with the English atlas, has missing glyphs.
# Screenshots go to ARTIFACT_DIR/languages/.
# usage: language_layout_test.sh GRAPHONY TEST_LOCALEDIR SOURCE_DIR ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 LOCALEDIR=$2 SRC=$3
ART=${GRAPHONY_ARTIFACTS:-$4}/languages
PY=/usr/bin/python3
source "$(dirname "$0")/../editor/editor_session.sh"
begin_session languages
mkdir -p "$ART"
rm -f "$ART"/*.png "$ART"/*.json
start_display 1920x1080
export JACK_NO_START_SERVER=1 GRAPHONY_LOCALEDIR="$LOCALEDIR"
failed=0
fail() { echo "FAIL: $*"; failed=1; }

"$GRAPHONY" --help | grep -q '^Languages: en .*zh_CN.*ar' || fail "--help lists no languages"
if "$GRAPHONY" --language xx --layout-report "$WORK/x.json" 2>"$WORK/err"; then
  fail "--language xx was accepted"
fi
grep -q "unknown language xx" "$WORK/err" || fail "no clear error for --language xx"

for lang in en pl it sq ro zh_CN ar; do
  list="$WORK/$lang.txt"
  : >"$list"
  for combo in "1366x768 normal welcome" "1280x720 largest welcome" "1920x1080 large welcome" \
               "1366x768 normal editor" "1280x720 largest editor"; do
    read -r window size mode <<<"$combo"
    extra=""; [ "$mode" = welcome ] && extra=welcome
    echo "$ART/$lang-$window-$size-$mode.json $ART/$lang-$window-$size-$mode.png $window $size dark $extra" >>"$list"
  done
  "$GRAPHONY" --language "$lang" --layout-batch "$list" >"$WORK/$lang.log" 2>&1 ||
    { cat "$WORK/$lang.log"; fail "$lang: the layout batch failed"; continue; }
  while read -r json png window size theme extra; do
    [ -s "$png" ] || fail "$png: no screenshot"
    "$PY" "$SRC/tests/editor/layout_check.py" "$json" ${extra:+--$extra} || fail "$json: layout"
    "$PY" - "$json" "$lang" <<'PYEOF' || fail "$json: language or atlas"
import json, sys
r = json.load(open(sys.argv[1]))
lang = sys.argv[2]
ok = True
def bad(msg):
    global ok
    print(f"{sys.argv[1]}: {msg}")
    ok = False
if r.get("language") != lang:
    bad(f"drawn in {r.get('language')}, not {lang}")
a = r["atlas"]
# Every atlas has the picker's 中文; Chinese adds the catalogue's characters (about 560 with
# CJK punctuation) and nothing like the 20 000 of the whole block.
if lang == "zh_CN" and not 300 <= a["cjk_glyphs"] <= 1500:
    bad(f"Chinese atlas has {a['cjk_glyphs']} CJK glyphs")
if lang != "zh_CN" and a["cjk_glyphs"] != 2:
    bad(f"{lang} atlas has {a['cjk_glyphs']} CJK glyphs, expected only 中文")
if "language.ar" not in r["controls"] and "welcome" in sys.argv[1]:
    bad("no language buttons on the welcome")
sys.exit(0 if ok else 1)
PYEOF
  done <"$list"
done

# The welcome really changed language: its title area differs from the English one.
for lang in ar zh_CN; do
  diff=$(compare -metric AE "$ART/en-1366x768-normal-welcome.png" \
           "$ART/$lang-1366x768-normal-welcome.png" null: 2>&1 || true)
  [ "${diff%% *}" -gt 2000 ] 2>/dev/null || fail "$lang welcome looks like the English one ($diff px differ)"
done

# Negative control: a score named in Chinese, in the English editor. The status bar draws
# its name; the English atlas has no 音乐, so the report must count them.
"$GRAPHONY" --language en --layout-report "$WORK/neg.json" --window 1366x768 \
  "$WORK/音乐.graphony" >"$WORK/neg.log" 2>&1 || { cat "$WORK/neg.log"; fail "negative control run"; }
missing=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["missing_glyphs_drawn"])' "$WORK/neg.json")
[ "$missing" -ge 2 ] || fail "negative control: 音乐 with the English atlas counted $missing missing glyphs"
echo "negative control: $missing missing glyphs drawn (expected >= 2)"

[ "$failed" = 0 ] && echo "PASS: languages en pl it sq ro zh_CN ar laid out without clipped text or missing glyphs"
exit "$failed"
