#!/usr/bin/env bash
# Layout under Xvfb: `graphony --layout-report` at 1280x720, 1366x768, 1600x1000 and 1920x1080
# for every UI size and theme (and 4K, and the participant view), each checked by
# layout_check.py; a screenshot of every combination goes to ARTIFACT_DIR/layout/.
# Then a 16:9 and a 3:4 picture made into scores by graphony-cli new must keep their shape
# within 2 % on the canvas and in the performance view (both modes).
# usage: layout_test.sh GRAPHONY GRAPHONY_CLI SOURCE_DIR ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2 SRC=$3
ART=${GRAPHONY_ARTIFACTS:-$4}/layout
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session layout identify convert
mkdir -p "$ART"
rm -f "$ART"/*.png "$ART"/*.json
start_display 3840x2160  # one screen big enough for every window size (a 4K one too)
export JACK_NO_START_SERVER=1

# The names the editor lists are the ones tested.
SIZES=$("$GRAPHONY" --help | sed -n 's/^UI sizes: *//p')
THEMES=$("$GRAPHONY" --help | sed -n 's/^Themes: *//p')
[ -n "$SIZES" ] && [ -n "$THEMES" ] || { echo "FAIL: --help lists no UI sizes or themes"; exit 1; }

failed=0 runs=0
LIST="$WORK/combinations.txt"
: >"$LIST"
add() {  # add NAME WxH SIZE THEME [participant]
  echo "$ART/$1.json $ART/$1.png ${*:2}" >>"$LIST"
}
for window in 1280x720 1366x768 1600x1000 1920x1080; do
  for size in $SIZES; do
    for theme in $THEMES; do
      add "$window-$size-$theme" "$window" "$size" "$theme"
    done
  done
done
for size in $SIZES; do
  add "3840x2160-$size-dark" 3840x2160 "$size" dark
  for window in 1280x720 1920x1080; do
    add "$window-$size-participant" "$window" "$size" dark participant
    # The export dialog with PDF chosen (its longest form): nothing cut, Export in view.
    add "$window-$size-export" "$window" "$size" high-contrast export-pdf
    add "$window-$size-welcome" "$window" "$size" light welcome
  done
done

check() {  # check NAME WxH [participant]
  local name=$1 geometry sd participant=""
  runs=$((runs + 1))
  [ "${3:-}" = participant ] && participant=--participant
  [ "${3:-}" = export-pdf ] && participant=--export
  [ "${3:-}" = welcome ] && participant=--welcome
  $PY "$SRC/tests/editor/layout_check.py" "$ART/$name.json" $participant || failed=1
  # The screenshot is of the window at the asked size, and not blank.
  geometry=$(identify -format '%wx%h' "$ART/$name.png")
  sd=$(identify -format '%[fx:standard_deviation]' "$ART/$name.png")
  [ "$geometry" = "$2" ] || { echo "FAIL: $name: screenshot is $geometry, not $2"; failed=1; }
  $PY -c "import sys; sys.exit(0 if float('$sd') > 0.03 else 1)" ||
    { echo "FAIL: $name: screenshot looks blank (sd=$sd)"; failed=1; }
}

# The documented one-shot form, once, as a person would start it.
"$GRAPHONY" --layout-report "$ART/single.json" --layout-screenshot "$ART/single.png" \
  --window 1366x768 --ui-size larger --theme high-contrast "$SRC/scores/demo.graphony" \
  >"$WORK/app.log" 2>&1 || { echo "FAIL: --layout-report exited with an error"; cat "$WORK/app.log"; exit 1; }
check single 1366x768
# Every combination, drawn by one editor (one process each would take minutes).
"$GRAPHONY" --layout-batch "$LIST" "$SRC/scores/demo.graphony" >"$WORK/app.log" 2>&1 ||
  { echo "FAIL: --layout-batch exited with an error"; cat "$WORK/app.log"; exit 1; }
while read -r json png window size theme extra; do
  check "$(basename "$json" .json)" "$window" "$extra"
done <"$LIST"

# [SECTION] Pictures keep their shape: the report gives each picture's drawn rectangle.
convert -size 1600x900 gradient:red-blue -fill black -draw "circle 800,450 800,150" "$WORK/wide.png"
convert -size 600x800 gradient:yellow-green -fill black -draw "circle 300,400 300,150" "$WORK/tall.png"
for pic in wide tall; do
  "$CLI" new "$WORK/$pic.graphony" --image "$WORK/$pic.png" >/dev/null
  : >"$WORK/pictures.txt"
  for window in 1366x768 1920x1080; do
    for view in editor performance performance-sweep; do
      name="picture-$pic-$window-$view"
      extra=$view
      [ "$view" = editor ] && extra=""
      echo "$ART/$name.json $ART/$name.png $window large dark $extra" >>"$WORK/pictures.txt"
    done
  done
  "$GRAPHONY" --layout-batch "$WORK/pictures.txt" "$WORK/$pic.graphony" >"$WORK/app.log" 2>&1 ||
    { echo "FAIL: --layout-batch ($pic) exited with an error"; cat "$WORK/app.log"; exit 1; }
  while read -r json rest; do
    runs=$((runs + 1))
    $PY - "$json" <<'PY' || failed=1
import json, sys
r = json.load(open(sys.argv[1]))
pics = r["pictures"]
if len(pics) != 1:
    sys.exit(f"{sys.argv[1]}: {len(pics)} pictures drawn, expected 1")
x, y, w, h = pics[0]["rect"]
want = pics[0]["pixel_aspect"]
got = w / h
if abs(got / want - 1) > 0.02:
    sys.exit(f"{sys.argv[1]}: picture drawn {w:.0f}x{h:.0f} = {got:.3f}:1, its pixels are {want:.3f}:1")
if w < 0.3 * r["window"][0] and h < 0.3 * r["window"][1]:
    sys.exit(f"{sys.argv[1]}: picture drawn only {w:.0f}x{h:.0f}")
PY
  done <"$WORK/pictures.txt"
done
echo "layout: $runs combinations checked, screenshots in $ART"
exit $failed
