#!/usr/bin/env bash
# Scrubbing under Xvfb with JACK's dummy driver: dragging on the ruler moves the playhead with
# the mouse and sounds the notes under it (the engine's output meter rises; playback pauses),
# letting go silences it, and dragging over an empty part of the score stays silent. The
# editor reports scrubbing, scrub_notes and output_peak in $GRAPHONY_DEBUG_STATUS.
# Screenshots go to ARTIFACT_DIR/editor_scrub.
# usage: gui_scrub_test.sh GRAPHONY SOURCE_DIR ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 SRC=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/editor_scrub
mkdir -p "$ART"
PY=/usr/bin/python3
for tool in Xvfb xdotool import identify jackd jack_wait; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
source "$SRC/tests/realtime/jack_env.sh"  # WORK, a private jackd, its cleanup
XVFB_PID="" APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  cleanup_private_jackd
}
trap cleanup EXIT
STATUS="$WORK/status.txt"
fail() {
  echo "FAIL: $*"
  [ -f "$STATUS" ] && sed 's/^/  status: /' "$STATUS"
  [ -f "$WORK/app.log" ] && sed 's/^/  app: /' "$WORK/app.log"
  exit 1
}
source "$SRC/tests/editor/editor_session.sh"
source "$SRC/tests/gui_screenshots.sh"
get() { sed -n "s/^$1=//p" "$STATUS" 2>/dev/null | head -n1; }
wait_for() {  # wait_for SECONDS PYTHON_CONDITION_ON_STATUS DESCRIPTION
  local deadline=$((SECONDS + $1))
  while [ $SECONDS -lt $deadline ]; do
    if [ -f "$STATUS" ] && $PY - "$STATUS" "$2" <<'PYEOF'
import sys
s = dict(l.rstrip("\n").split("=", 1) for l in open(sys.argv[1]) if "=" in l)
def n(k): return float(s.get(k, "nan"))
sys.exit(0 if eval(sys.argv[2]) else 1)
PYEOF
    then return 0; fi
    sleep 0.1
  done
  fail "timed out waiting for: $3"
}
# The largest value of KEY over the next N rewrites of the status file (twice a second).
max_over_writes() {  # max_over_writes KEY N
  local best=0 last now v
  last=$(stat -c %Y.%N "$STATUS")
  for _ in $(seq "$2"); do
    for _ in $(seq 100); do
      now=$(stat -c %Y.%N "$STATUS" 2>/dev/null || echo "$last")
      [ "$now" != "$last" ] && break
      sleep 0.05
    done
    [ "$now" != "$last" ] || fail "the status file stopped being rewritten"
    last=$now
    v=$(get "$1")
    best=$($PY -c "print(max(float('$best'), float('${v:-nan}')))")
  done
  echo "$best"
}
start_private_jackd
start_display 1600x1000
export GRAPHONY_UI_SCALE=1.25

# Strokes in beats 0..6 (0.05-1.85, 2.05-3.85, 4.05-5.85), nothing from 6 to 12.
SCORE="$WORK/scrub.graphony"
$PY "$SRC/tests/editor_audio/make_score.py" "$SCORE" 12
start_editor "$SCORE"
wait_for 15 "s.get('device')=='ok' and n('program_ready')==1" "device open and program ready"
xdotool key Home
wait_for 5 "n('view_first_beat')<=0" "the start of the score in view (Home)"
read -r RX RY RW RH <<<"$(rect ruler)" || fail "the ruler is not reported"
Y=$((RY + RH / 2))
x_of() {  # x_of BEAT: the ruler's x for a beat, from the view the editor reports
  $PY -c "print(round($(get view_left) + ($1 - $(get view_first_beat)) * $(get view_px_per_beat)))"
}
echo "ruler at $RX,$RY ${RW}x$RH; beat 0 at x=$(x_of 0), beat 12 at x=$(x_of 12)"
[ "$(x_of 12)" -le $((RX + RW)) ] || fail "the score does not fit the ruler"

# --- 1. Scrubbing over notes sounds them, and takes over from playback ---------------------
xdotool key space
wait_for 5 "n('playing')==1" "playing"
xdotool mousemove "$(x_of 0.3)" $Y mousedown 1
for b in 0.5 0.7 0.9 1.0; do xdotool mousemove "$(x_of $b)" $Y; sleep 0.05; done
wait_for 5 "n('scrubbing')==1 and n('playing')==0 and abs(n('playhead_beat')-1.0)<0.15" \
  "the playhead held at beat 1 by the mouse (playback paused)"
wait_for 5 "n('scrub_notes')==1 and n('output_peak')>0.02" "the first stroke sounding under the playhead"
PEAK_NOTES=$(get output_peak)
shot 01-scrub-on-a-stroke
for b in 1.5 2.2 2.6 3.0; do xdotool mousemove "$(x_of $b)" $Y; sleep 0.05; done
wait_for 5 "abs(n('playhead_beat')-3.0)<0.15 and n('scrub_notes')==1 and n('output_peak')>0.02" \
  "the playhead following the mouse to beat 3, the second stroke sounding"
echo "over the strokes: output peak $PEAK_NOTES, then $(get output_peak) at beat $(get playhead_beat)"
xdotool mouseup 1
wait_for 5 "n('scrubbing')==0 and n('scrub_notes')==0" "the scrub ended on release"
# Silence is the engine's: no voice of any owner left (voices_*, its census) and the output
# meter down. The editor keeps polling while anything sounds, so the meter cannot freeze on
# the tail's last value when the editor goes idle (which this step once caught).
wait_for 10 "n('output_peak')<0.001 and n('voices_note')+n('voices_gesture')+n('voices_live')+n('voices_unowned')==0" \
  "silence after letting go"
B=$(get playhead_beat)
$PY -c "import sys; sys.exit(0 if abs(float('$B') - 3.0) < 0.15 else 1)" ||
  fail "the playhead did not stay where the scrub ended (beat $B)"

# --- 2. Scrubbing over the empty part stays silent (the same meter rose above) -------------
xdotool mousemove "$(x_of 6.5)" $Y mousedown 1
for b in 7 8 9 10 11; do xdotool mousemove "$(x_of $b)" $Y; sleep 0.05; done
wait_for 5 "n('scrubbing')==1 and abs(n('playhead_beat')-11.0)<0.15" "the playhead held at beat 11"
PEAK_EMPTY=$(max_over_writes output_peak 3)
NOTES_EMPTY=$(max_over_writes scrub_notes 1)
shot 02-scrub-over-nothing
xdotool mouseup 1
wait_for 5 "n('scrubbing')==0" "the scrub ended on release"
echo "over the empty part: output peak $PEAK_EMPTY, notes $NOTES_EMPTY"
$PY -c "import sys; sys.exit(0 if float('$PEAK_EMPTY') < 0.001 and float('$NOTES_EMPTY') == 0 else 1)" ||
  fail "scrubbing over the empty part made sound (peak $PEAK_EMPTY, notes $NOTES_EMPTY)"

# --- 3. Shift+drag still makes a loop, and does not scrub ----------------------------------
xdotool keydown shift
sleep 0.2
xdotool mousemove "$(x_of 2)" $Y mousedown 1
for b in 3 4 5 6; do xdotool mousemove "$(x_of $b)" $Y; sleep 0.05; done
xdotool mouseup 1
sleep 0.1
xdotool keyup shift
wait_for 5 "abs(n('loop_start')-2)<0.2 and abs(n('loop_end')-6)<0.2 and n('scrub_notes')==0" \
  "a loop over beats 2..6 from Shift+drag"
shot 03-shift-drag-loop
echo "PASS: scrubbing sounds the strokes (peak $PEAK_NOTES) and not the empty part (peak $PEAK_EMPTY); Shift+drag loops $(get loop_start)..$(get loop_end)"
