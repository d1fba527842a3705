#!/usr/bin/env bash
# Extracts the marked strings into po/graphony.pot and merges them into every po/XX.po, and
# the same for each part (po/PART/POTFILES.in -> po/PART/PART.pot, po/PART/XX.po). New strings
# come in untranslated, changed ones fuzzy: translate them, then rebuild.
# usage: tools/update_po.sh       (works on the source tree it lives in)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
cd "$SRC"
LANGS=$(grep -v '^#' po/LINGUAS)
parts=(po/*/POTFILES.in)
[ -e "${parts[0]}" ] || parts=()

update() {  # update DIR POT SOURCE_LIST...
  local dir=$1 pot=$2; shift 2
  mapfile -t files < <(bash tools/po_sources.sh "$@")
  xgettext --language=C++ --from-code=UTF-8 --keyword=_ --keyword=N_ \
    --keyword=TranslatePlural:1,2 --keyword=Plural:1,2 --keyword=ngettext:1,2 --add-comments=TRANSLATORS: \
    --package-name=graphony --msgid-bugs-address=https://graphony.invalid/issues \
    --sort-by-file --force-po -o "$pot" "${files[@]}"
  for lang in $LANGS; do
    if [ -f "$dir/$lang.po" ]; then
      msgmerge --quiet --update --backup=none --no-fuzzy-matching "$dir/$lang.po" "$pot"
    else
      msginit --no-translator --locale="$lang.UTF-8" -i "$pot" -o "$dir/$lang.po"
    fi
    printf '%-14s ' "$dir/$lang"; msgfmt --check --statistics -o /dev/null "$dir/$lang.po" 2>&1
  done
}
update po po/graphony.pot po/POTFILES.in "${parts[@]}"
for part in "${parts[@]}"; do
  dir=$(dirname "$part")
  update "$dir" "$dir/$(basename "$dir").pot" "$part"
done
