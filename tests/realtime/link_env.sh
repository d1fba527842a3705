#!/bin/bash
# What the two-player Link tests share: two private JACK dummy servers (SERVER_A, SERVER_B;
# A's jackd is stopped on exit too), a long one-line score "$WORK/link.json" at 120 bpm, and
# free_port for an OSC port. Source it after jack_env.sh.
start_private_jackd
SERVER_A=$JACK_DEFAULT_SERVER
JACKD_A=$JACKD_PID
start_private_jackd
SERVER_B=$JACK_DEFAULT_SERVER
trap 'kill $JACKD_A 2>/dev/null; wait $JACKD_A 2>/dev/null; cleanup_private_jackd' EXIT
cat >"$WORK/link.json" <<'JSON'
{"format_version": 2, "title": "link", "tempo_bpm": 120, "length_beats": 400,
 "palette": [{"color": "#0072b2", "instrument": "sine", "name": "Sine"}],
 "layers": [{"kind": "strokes", "name": "line", "strokes": [
   {"color": "#0072b2", "points": [{"beat": 0, "height": 0.5}, {"beat": 399, "height": 0.5}]}]}]}
JSON
free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
