#!/bin/bash
# OSC remote control of graphony-cli play under a private JACK dummy server: a test client
# sends play, seek, tempo, loop and stop and watches the playhead come back; then 10,000
# malformed packets, after which the player still obeys.
#   rt_osc.sh GRAPHONY_CLI
source "$(dirname "$0")/jack_env.sh"
CLI=$1
HERE=$(cd "$(dirname "$0")" && pwd)
start_private_jackd
# 64 beats at 120 bpm with one long stroke, so there is something to hear.
cat >"$WORK/osc.json" <<'JSON'
{"format_version": 2, "title": "osc", "tempo_bpm": 120, "length_beats": 64,
 "palette": [{"color": "#0072b2", "instrument": "sine", "name": "Sine"}],
 "layers": [{"kind": "strokes", "name": "line", "strokes": [
   {"color": "#0072b2", "points": [{"beat": 0, "height": 0.5}, {"beat": 63, "height": 0.5}]}]}]}
JSON
/usr/bin/python3 "$HERE/osc_remote_test.py" "$CLI" "$WORK/osc.json" || fail "OSC remote control"
echo PASS
