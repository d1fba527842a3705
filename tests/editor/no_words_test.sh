#!/usr/bin/env bash
# "No words" under Xvfb (issue 17): with the setting on, pointing at a colour plays its
# instrument once (a sound for a tooltip) and again only after the pointer has left it; with
# the setting off, pointing plays nothing. Dialog buttons show their glyph alone (see the
# screenshot of the unsaved-changes prompt). Screenshots go to the artifact dir.
# usage: no_words_test.sh GRAPHONY SOURCE_DIR ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 SRC=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/editor
mkdir -p "$ART"
source "$(dirname "$0")/editor_session.sh"
begin_session no-words xdotool import
start_display 1600x1000
export JACK_NO_START_SERVER=1
FAIL_STATUS="swatch_cues\|no_words\|rect.swatch"

middle() {  # middle NAME: "x y" of a control's centre
  read -r x y w h <<<"$(rect "$1" | tr ',' ' ')" || fail "no $1 on screen"
  echo "$(( ${x%.*} + ${w%.*} / 2 )) $(( ${y%.*} + ${h%.*} / 2 ))"
}
point_at() { xdotool mousemove $(middle "$1"); }

cp "$SRC/scores/demo.graphony" "$WORK/score.graphony"
# Off (the default): pointing at colours sounds nothing.
start_editor "$WORK/score.graphony"
wait_status no_words 0
point_at swatch.1; sleep 0.5; point_at swatch.2; sleep 0.5
[ "$(status swatch_cues)" = 0 ] || fail "with words, pointing at a colour played it"
kill_editor

# On: each colour pointed at sounds once; staying on it does not repeat it.
start_editor "$WORK/score.graphony" GRAPHONY_NO_WORDS=1
wait_status no_words 1
point_at swatch.1
wait_status swatch_cues 1
sleep 0.5
[ "$(status swatch_cues)" = 1 ] || fail "resting on a colour played it again"
point_at swatch.2
wait_status swatch_cues 2
xdotool mousemove 800 500   # off the palette, onto the canvas
sleep 0.4
point_at swatch.2
wait_status swatch_cues 3
# With a sound device the cue is a real note through the live audition.
if [ "$(status device)" = ok ]; then
  [ "$(status audition_notes)" -ge 3 ] || fail "the cues started $(status audition_notes) notes"
fi
# The dialogs show glyphs only: the unsaved-changes prompt after an edit.
xdotool mousemove 800 500 mousedown 1 mousemove 900 520 mouseup 1
sleep 0.4
xdotool key ctrl+n
sleep 0.8
import -window root "$ART/no-words-prompt.png"
kill -0 "$APP_PID" 2>/dev/null || fail "the editor exited"
echo "PASS: colours sound when pointed at with no words (and not with words)"
