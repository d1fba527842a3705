#!/usr/bin/env bash
# Prints the C++ sources that a POTFILES.in names (directories, searched recursively, or
# files; one a line, '#' comments), sorted and relative to the source root, leaving out what
# the EXCLUDE lists name: the main catalogue leaves out what a part (po/PART/) owns. A line
# "!PATH" leaves out a file or directory the list itself names (po/CHECKED_DIRS uses it for
# export writers whose literals are another program's syntax, not text people read).
# usage: tools/po_sources.sh LIST_FILE [EXCLUDE_LIST_FILE...]   (run from the source root)
set -euo pipefail
entries() {  # entries LIST_FILE: the included (or, with "!", the left-out) paths
  { grep -v '^\s*#' "$1" || true; } | while read -r entry; do
    [ -n "$entry" ] && printf '%s\n' "$entry"
  done
}
files() {  # files PATH...: the .cpp/.h files under them
  for entry in "$@"; do find "$entry" -type f \( -name '*.cpp' -o -name '*.h' \); done |
    LC_ALL=C sort -u
}
list() {
  local include=() exclude=() entry
  while read -r entry; do
    case "$entry" in
      '!'*) exclude+=("${entry#!}") ;;
      *) include+=("$entry") ;;
    esac
  done < <(entries "$1")
  [ ${#include[@]} -gt 0 ] || return 0
  if [ ${#exclude[@]} -eq 0 ]; then
    files "${include[@]}"
  else
    LC_ALL=C comm -23 <(files "${include[@]}") <(files "${exclude[@]}")
  fi
}
main=$1; shift
if [ $# -eq 0 ]; then list "$main"; exit 0; fi
LC_ALL=C comm -23 <(list "$main") <(for x in "$@"; do list "$x"; done | LC_ALL=C sort -u)
