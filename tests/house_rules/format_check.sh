#!/bin/bash
# House rule: every tracked .cpp/.h matches .clang-format (clang-format-14 --dry-run --Werror).
# Usage: format_check.sh SOURCE_DIR [FILE...]  (no FILEs: every tracked C++ file)
set -u
ROOT=${1:?usage: format_check.sh SOURCE_DIR [FILE...]}
shift
CF=$(command -v clang-format-14 || command -v clang-format) || { echo "clang-format-14 not installed"; exit 1; }
cd "$ROOT" || exit 1
[ -f .clang-format ] || { echo "$ROOT/.clang-format: missing"; exit 1; }
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null)
fi
# Never pass vacuously: a source tree with no C++ files found means the listing failed.
[ ${#files[@]} -gt 0 ] || { echo "$ROOT: no C++ files found to check (not a git checkout?)"; exit 1; }
bad=0
for f in "${files[@]}"; do
  if ! "$CF" --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "$f: not formatted (run: $CF -i $f)"
    bad=$((bad + 1))
  fi
done
if [ $bad -gt 0 ]; then
  echo "$bad of ${#files[@]} files differ from .clang-format"
  exit 1
fi
echo "format: ${#files[@]} files match .clang-format"
