#!/usr/bin/env bash
# Editor II under Xvfb with JACK's dummy driver: record a take and find it in the saved bundle
# (length and pitches), Space plays and pauses (the playhead advances), a ruler click seeks
# and Shift+drag loops,
# export audio from the dialog, live audition while painting, the performance view opens and
# closes; then, with no sound server at all, the editor starts and says so.
# Screenshots go to ARTIFACT_DIR/editor_audio. The editor writes its sound state to
# $GRAPHONY_DEBUG_STATUS twice a second; the checks read it.
# usage: gui_audio_test.sh GRAPHONY GRAPHONY_CLI SOURCE_DIR ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 CLI=$2 SRC=$3
ART=${GRAPHONY_ARTIFACTS:-$4}/editor_audio
HERE=$SRC/tests/editor_audio
mkdir -p "$ART"
PY=/usr/bin/python3
for tool in Xvfb xdotool import identify compare jackd jack_wait unzip; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done

WORK=$(mktemp -d /tmp/graphony-editor-audio-test.XXXXXX)
XVFB_PID="" APP_PID="" JACK_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$JACK_PID" ] && kill "$JACK_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
STATUS="$WORK/status.txt"
fail() {
  echo "FAIL: $*"
  [ -f "$STATUS" ] && sed 's/^/  status: /' "$STATUS"
  [ -f "$WORK/app.log" ] && sed 's/^/  app: /' "$WORK/app.log"
  exit 1
}
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
    sleep 0.2
  done
  fail "timed out waiting for: $3"
}

# Our own display and our own JACK server (tests run in parallel).
exec 3>"$WORK/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$WORK/display")"
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" HOME="$WORK/home"
export GRAPHONY_UI_SCALE=1.25 GRAPHONY_DEBUG_STATUS="$STATUS"
mkdir -p "$HOME"
export JACK_DEFAULT_SERVER="graphony-ed-$$" JACK_NO_START_SERVER=1
jackd --no-realtime -d dummy -r 48000 -p 256 >"$WORK/jackd.log" 2>&1 &
JACK_PID=$!
timeout 10 jack_wait -w >/dev/null 2>&1 || fail "jackd (dummy driver) did not start"

start_editor() {  # start_editor FILE
  rm -f "$STATUS"
  "$GRAPHONY" "$1" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  xdotool search --sync --onlyvisible --name Graphony >/dev/null
  xdotool search --name Graphony windowmove 0 0 || true
  sleep 1.0
}
source "$(dirname "$0")/../gui_screenshots.sh"

SCORE="$WORK/song.graphony"
$PY "$HERE/make_score.py" "$SCORE"
"$CLI" events "$SCORE" --csv >"$WORK/events.csv" || fail "graphony-cli events failed"

# --- 1. The editor opens the device and prepares the score -------------------------------
start_editor "$SCORE"
wait_for 15 "s.get('device')=='ok' and n('program_ready')==1" "device open and program ready"
echo "device: $(get device_name), buffer $(get buffer_frames) frames"
shot 01-ready

# --- 2. Record a take of the whole score (3 s); it stops at the end and is saved ----------
xdotool key ctrl+r
wait_for 5 "n('recording')==1" "recording started"
shot 02-recording
wait_for 12 "n('recording')==0 and n('takes')==1" "the take finished at the end of the score"
# (unzip's listing is read whole first: grep -q closing the pipe early would fail under pipefail)
has_take() { local list; list=$(unzip -l "$SCORE" 2>/dev/null || true); [[ "$list" == *recordings/take-1.wav* ]]; }
for _ in $(seq 50); do has_take && break; sleep 0.2; done
has_take || fail "the bundle has no recordings/take-1.wav"
unzip -p "$SCORE" recordings/take-1.wav >"$WORK/take.wav"
unzip -p "$SCORE" score.json | $PY -c "
import json, sys
t = json.load(sys.stdin)['takes']
assert len(t) == 1, t
t = t[0]
print('take in score.json:', t)
# The take names its player; its consent is the player's (derived, never stored twice).
assert t['file'] == 'recordings/take-1.wav' and t['players'] == ['c1'] and 'consent_to_share' not in t, t
assert abs(t['start_beat']) < 0.25, t
" || fail "the take is not described right in score.json"
$PY "$HERE/analyse.py" "$WORK/take.wav" "$WORK/events.csv" 2.8 5.0 || fail "the take's sound is wrong"
shot 03-take-listed

# --- 3. Space plays, the playhead advances; Space pauses ------------------------------------
xdotool key space
wait_for 4 "n('playing')==1 and n('playhead_beat')>0.8" "the playhead advancing after Space"
B1=$(get playhead_beat)
shot 04-playing
xdotool key space
wait_for 3 "n('playing')==0" "pause after Space"
sleep 0.6
B2=$(get playhead_beat)
sleep 0.6
B3=$(get playhead_beat)
echo "playhead: $B1 while playing, $B2 and $B3 after pausing"
$PY -c "import sys; sys.exit(0 if float('$B2') >= float('$B1') and abs(float('$B3')-float('$B2'))<1e-6 else 1)" ||
  fail "the playhead did not advance then hold (B1=$B1 B2=$B2 B3=$B3)"

# --- 4. The ruler: a click seeks, Shift+drag loops; editing while playing is heard --------
# (A plain drag scrubs: gui_scrub_test.sh.) Home fits the score in the view: at this UI scale
# beat 0 is at x~409 and a beat is ~98 px, with the ruler at y~160 (see the screenshots).
xdotool key Home
sleep 0.4
xdotool mousemove 605 160 click 1
wait_for 3 "abs(n('playhead_beat')-2.0)<0.6 and n('scrubbing')==0" "a ruler click at beat 2 to move the playhead"
echo "ruler click: playhead now $(get playhead_beat)"
xdotool keydown shift
sleep 0.2
xdotool mousemove 420 160 mousedown 1
for x in 500 600 700 800; do xdotool mousemove $x 160; sleep 0.15; done
sleep 0.2
xdotool mouseup 1
sleep 0.1
xdotool keyup shift
wait_for 3 "n('loop_end')-n('loop_start')>2.5 and n('loop_start')<0.6" "a loop from Shift+dragging on the ruler"
echo "loop: beats $(get loop_start) to $(get loop_end)"
xdotool key space
wait_for 4 "n('playing')==1" "playing the loop"
R0=$(get published_revision)
xdotool mousemove 500 300 mousedown 1
for i in $(seq 1 8); do xdotool mousemove $((500 + i * 25)) $((300 + i * 10)); sleep 0.05; done
xdotool mouseup 1
wait_for 5 "n('published_revision')>$R0 and n('playing')==1" "the edit heard while playing (program republished)"
sleep 2.5
wait_for 2 "n('playing')==1 and n('playhead_beat')<=n('loop_end')+0.3" "still looping after the loop's length"
echo "edit while playing: program revision $R0 -> $(get published_revision), playhead $(get playhead_beat)"
shot 04b-looping
xdotool key space
wait_for 3 "n('playing')==0" "pause"

# --- 5. Export audio from the dialog (Ctrl+E, Enter) --------------------------------------
xdotool key ctrl+e
sleep 0.5
shot 05-export-dialog
xdotool key Return
# Export suggests a file named after the score's title, beside the score (issue 16).
EXPORTED="$WORK/Editor sound test.wav"
for _ in $(seq 100); do [ -f "$EXPORTED" ] && break; sleep 0.1; done
[ -f "$EXPORTED" ] || fail "the export dialog did not write $EXPORTED (files: $(ls "$WORK" | tr '\n' ' '))"
wait_for 10 "n('export_running')==0" "export finished"
$PY "$HERE/analyse.py" "$EXPORTED" "$WORK/events.csv" 3.0 8.0 || fail "the exported sound is wrong"
shot 06-exported
xdotool key Escape
sleep 0.5
shot 06b-dialog-closed

# --- 6. Live audition: painting sounds at once --------------------------------------------
N0=$(get audition_notes)
xdotool mousemove 700 600 mousedown 1
for i in $(seq 1 10); do xdotool mousemove $((700 + i * 20)) $((600 - i * 8)); sleep 0.05; done
xdotool mouseup 1
wait_for 3 "n('audition_notes')>$N0 and n('input_to_sound_ms')>0" "a stroke sounding while drawn"
echo "audition: input to first sample $(get input_to_sound_ms) ms (buffer $(get buffer_frames) frames)"

# --- 7. Performance view: F11 opens it, Esc closes it -------------------------------------
shot 07-editor
xdotool key F11
wait_for 3 "n('performance')==1" "the performance view"
xdotool key space
sleep 1.0
shot_differing 08-performance 07-editor
xdotool key Escape
wait_for 3 "n('performance')==0" "back from the performance view"
xdotool key space
sleep 0.5
shot 09-back
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
APP_PID=""

# --- 8. No sound device: the editor starts and says so -----------------------------------
kill "$JACK_PID"; wait "$JACK_PID" 2>/dev/null || true
JACK_PID=""
export JACK_DEFAULT_SERVER="graphony-ed-none-$$"
start_editor "$SCORE"
wait_for 10 "s.get('device')=='none'" "the no-device state"
MSG=$(get device_message)
[ "$MSG" = "No sound device — you can still paint, save and export" ] || fail "device message is \"$MSG\""
sleep 0.5
shot 10-no-device
kill -0 "$APP_PID" 2>/dev/null || fail "the editor died without a sound device"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
APP_PID=""
echo "PASS: editor sound test (screenshots in $ART)"
