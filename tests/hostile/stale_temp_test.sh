#!/usr/bin/env bash
# Killed renders and prints leave temp files; the next run removes them, but never a temp file
# that a running writer still holds (its flock), nor anything that is not ours.
# usage: stale_temp_test.sh GRAPHONY_CLI SOURCE_DIR
set -euo pipefail
CLI=$1 SRC=$2
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR" "$WORK/out"
cp "$SRC/scores/demo.graphony" "$WORK/demo.graphony"

# What killed runs leave: a render's temp file (unlocked), an older writer's legacy name two
# hours old, and print/engrave folders whose .owner lock nobody holds.
echo partial >"$WORK/out/.demo.wav.tmp-AbC123"
echo partial >"$WORK/out/.demo.wav.Q1w2E3"
touch -d '2 hours ago' "$WORK/out/.demo.wav.Q1w2E3"
mkdir -p "$TMPDIR/graphony-engrave-k1lL3d/x" "$TMPDIR/graphony-print-k1lL3d"
touch "$TMPDIR/graphony-engrave-k1lL3d/.owner" "$TMPDIR/graphony-print-k1lL3d/.owner"
# What must stay: a temp file a live writer holds locked, and files that are not ours.
echo live >"$WORK/out/.demo.wav.tmp-L1vE99"
flock "$WORK/out/.demo.wav.tmp-L1vE99" sleep 120 &
mkdir -p "$TMPDIR/graphony-print-L1vE99" && touch "$TMPDIR/graphony-print-L1vE99/.owner"
flock "$TMPDIR/graphony-print-L1vE99/.owner" sleep 120 &
echo mine >"$WORK/out/notes.txt"
sleep 0.3
for f in out/.demo.wav.tmp-AbC123 out/.demo.wav.Q1w2E3 tmp/graphony-engrave-k1lL3d tmp/graphony-print-k1lL3d; do
  [ -e "$WORK/$f" ] || fail "set-up: $f was not made"
done

"$CLI" render "$WORK/demo.graphony" -o "$WORK/out/demo.wav" >/dev/null 2>&1 || fail "render failed"
"$CLI" print "$WORK/demo.graphony" -o "$WORK/out/demo.pdf" >/dev/null 2>&1 || fail "print failed"
[ -s "$WORK/out/demo.wav" ] && [ -s "$WORK/out/demo.pdf" ] || fail "render or print wrote nothing"

for f in out/.demo.wav.tmp-AbC123 out/.demo.wav.Q1w2E3 tmp/graphony-engrave-k1lL3d tmp/graphony-print-k1lL3d; do
  [ ! -e "$WORK/$f" ] || fail "stale $f was not cleaned up"
done
for f in out/.demo.wav.tmp-L1vE99 tmp/graphony-print-L1vE99 out/notes.txt; do
  [ -e "$WORK/$f" ] || fail "$f was removed although it is in use or not ours"
done
# The runs themselves leave nothing behind.
left=$(find "$TMPDIR" -mindepth 1 -maxdepth 1 -name 'graphony-*' ! -name '*L1vE99' | wc -l)
[ "$left" -eq 0 ] || fail "the runs left $left temp folders in TMPDIR"
echo "PASS: stale temp files and folders removed; live and foreign ones kept"
