#!/usr/bin/env bash
# Every language is translated fully: each po file, merged with the strings the sources mark
# today (so a new _() string with no translation fails), passes `msgfmt -c --statistics` with
# no fuzzy and no untranslated message. Prints msgfmt's statistics per language.
# usage: po_complete_test.sh SOURCE_DIR
set -euo pipefail
SRC=$1
cd "$SRC"
WORK=$(mktemp -d /tmp/graphony-po.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
failed=0
parts=(po/*/POTFILES.in)
[ -e "${parts[0]}" ] || parts=()
check() {  # check DIR SOURCE_LIST...
  local dir=$1; shift
  mapfile -t files < <(bash tools/po_sources.sh "$@")
  xgettext --language=C++ --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=TranslatePlural:1,2 --keyword=Plural:1,2 \
    --keyword=ngettext:1,2 --force-po -o "$WORK/now.pot" "${files[@]}"
  for lang in $(grep -v '^#' po/LINGUAS); do
    [ -f "$dir/$lang.po" ] || { echo "FAIL: $dir/$lang.po is missing"; failed=1; continue; }
    msgmerge --quiet --no-fuzzy-matching -o "$WORK/$lang.po" "$dir/$lang.po" "$WORK/now.pot"
    grep -q '^"Plural-Forms: nplurals=' "$WORK/$lang.po" || { echo "FAIL: $dir/$lang.po: no Plural-Forms"; failed=1; }
    stats=$(msgfmt --check --statistics -o /dev/null "$WORK/$lang.po" 2>&1) || {
      echo "FAIL: $dir/$lang.po: msgfmt -c: $stats"; failed=1; continue; }
    echo "$dir/$lang: $stats"
    case "$stats" in
      *fuzzy* | *untranslated*) echo "FAIL: $dir/$lang.po is not fully translated"; failed=1 ;;
      *" translated message"*) ;;
      *) echo "FAIL: $dir/$lang.po: no statistics"; failed=1 ;;
    esac
  done
}
check po po/POTFILES.in "${parts[@]}"
for part in "${parts[@]}"; do check "$(dirname "$part")" "$part"; done
[ "$failed" = 0 ] && echo "PASS: every language fully translated"
exit "$failed"
