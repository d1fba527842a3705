#!/usr/bin/env bash
# Prints the C++ sources that a POTFILES.in names (directories, searched recursively, or
# files; one a line, '#' comments), sorted and relative to the source root, leaving out what
# the EXCLUDE lists name: the main catalogue leaves out what a part (po/PART/) owns.
# usage: tools/po_sources.sh LIST_FILE [EXCLUDE_LIST_FILE...]   (run from the source root)
set -euo pipefail
list() {
  { grep -v '^\s*#' "$1" || true; } | while read -r entry; do
    [ -n "$entry" ] && find "$entry" -type f \( -name '*.cpp' -o -name '*.h' \)
  done | LC_ALL=C sort -u
}
main=$1; shift
if [ $# -eq 0 ]; then list "$main"; exit 0; fi
LC_ALL=C comm -23 <(list "$main") <(for x in "$@"; do list "$x"; done | LC_ALL=C sort -u)
