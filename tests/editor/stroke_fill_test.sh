#!/usr/bin/env bash
# Headless GUI test (Xvfb): a score with 3000 strokes opens with its stroke layer filling in
# over several frames; once whole, the canvas must be pixel for pixel what the editor shows
# when the layer is drawn at once (GRAPHONY_STROKE_CACHE_AT_ONCE=1): no stroke lost, none
# drawn twice (their soft edges would darken), no seam between the shares.
# Screenshots go to ARTIFACT_DIR/editor_stroke_fill.
# usage: stroke_fill_test.sh GRAPHONY MAKE_BENCH_SCORE ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 MAKE_SCORE=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/editor_stroke_fill
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session stroke-fill xdotool import compare convert
start_display 1600x1000
source "$(dirname "$0")/../gui_screenshots.sh"

convert -size 1600x1200 gradient:'#f6d365'-'#4a6fa5' -quality 90 "$WORK/pic.jpg"
"$MAKE_SCORE" "$WORK/pic.jpg" 3000 "$WORK/strokes.graphony" >/dev/null

canvas_shot() {  # canvas_shot NAME: the canvas once the strokes are whole and two shots agree
  wait_status strokes_filling 0 60
  local ae=x
  for _ in $(seq 20); do
    sleep 0.4
    import -window root "$WORK/full.png"
    convert "$WORK/full.png" -crop 900x560+360+170 +repage "$ART/$1.png"
    [ -f "$WORK/prev.png" ] && ae=$(compare -metric AE "$WORK/prev.png" "$ART/$1.png" null: 2>&1 || true)
    cp "$ART/$1.png" "$WORK/prev.png"
    [ "${ae%% *}" = "0" ] && { rm -f "$WORK/prev.png"; echo "screenshot $1: settled"; return 0; }
  done
  fail "screenshot $1 did not settle (AE=$ae)"
}

start_editor "$WORK/strokes.graphony" GRAPHONY_STROKE_CACHE_AT_ONCE=1
canvas_shot at_once
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

start_editor "$WORK/strokes.graphony"
canvas_shot filled_in
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

# The strokes are really there (not a blank canvas in both).
sd=$(identify -format '%[fx:standard_deviation]' "$ART/at_once.png")
$PY -c "import sys; sys.exit(0 if float('$sd') > 0.03 else 1)" || fail "canvas looks blank (sd=$sd)"
ae=$(compare -metric AE "$ART/at_once.png" "$ART/filled_in.png" "$ART/difference.png" 2>&1 || true)
[ "${ae%% *}" = "0" ] || fail "strokes filled in over frames differ from strokes drawn at once in $ae pixels"
echo "PASS: 3000 strokes filled in over frames equal the same drawn at once (sd=$sd)"
