#!/bin/bash
# MIDI clock on a JACK dummy server, against midi_clock_jack (a JACK MIDI client):
#  1. out: graphony-cli play --tempo 0.75 (90 bpm) --midi-clock-out: the pulses' mean
#     interval is within 1 % of 60/(90*24) s, after a Start; a Stop comes when it ends.
#  2. in: a clock at 100 bpm with Start, then Stop: graphony-cli play --midi-clock-in waits,
#     starts on Start, plays at 100 +- 1 bpm (its published tempo and its playhead's speed,
#     read from /graphony/playhead over OSC) and stops on Stop.
#   rt_midi_clock.sh GRAPHONY_CLI MIDI_CLOCK_JACK
source "$(dirname "$0")/jack_env.sh"
CLI=$1
PROBE=$2
start_private_jackd
cat >"$WORK/clock.json" <<'JSON'
{"format_version": 2, "title": "clock", "tempo_bpm": 120, "length_beats": 400,
 "palette": [{"color": "#0072b2", "instrument": "sine", "name": "Sine"}],
 "layers": [{"kind": "strokes", "name": "line", "strokes": [
   {"color": "#0072b2", "points": [{"beat": 0, "height": 0.5}, {"beat": 399, "height": 0.5}]}]}]}
JSON

# --- 1. Clock out ------------------------------------------------------------------------------
"$PROBE" listen 8 >"$WORK/probe.out" 2>"$WORK/probe.err" &
PROBE_PID=$!
for _ in $(seq 100); do grep -q ready "$WORK/probe.out" && break; sleep 0.1; done
"$CLI" play "$WORK/clock.json" --tempo 0.75 --midi-clock-out clock-probe:in --for 10 \
  >"$WORK/out.out" 2>"$WORK/out.err" || { cat "$WORK/out.err"; fail "play --midi-clock-out failed"; }
wait $PROBE_PID || { cat "$WORK/probe.err"; fail "the probe heard no clock"; }
cat "$WORK/out.out" "$WORK/probe.out"
/usr/bin/python3 - "$WORK/probe.out" <<'PY' || fail "MIDI clock out"
import re, sys
line = open(sys.argv[1]).read().splitlines()[-1]
v = dict(re.findall(r"(\w+)[ =](\S+)", line))
pulses, mean = int(v["pulses"]), float(v["mean_ms"])
want = 60000.0 / (90 * 24)
err = (mean - want) / want * 100
print(f"clock out: {pulses} pulses, mean interval {mean:.4f} ms (want {want:.4f}: {err:+.3f} %), "
      f"worst jitter {v['worst_jitter_ms']} ms")
ok = pulses > 200 and abs(err) <= 1.0
ok = ok and v["starts"] == "1" and int(v["stops"]) >= 1 and v["first"] == "position"
sys.exit(0 if ok else 1)
PY

# --- 2. Clock in -------------------------------------------------------------------------------
OSC_PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
LISTEN_PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
/usr/bin/python3 - "$LISTEN_PORT" "$WORK/playhead.txt" <<'PY' &
import socket, struct, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.settimeout(20)
out = open(sys.argv[2], "w")
end = time.monotonic() + 18
while time.monotonic() < end:
    try:
        data = s.recv(512)
    except socket.timeout:
        break
    if not data.startswith(b"/graphony/playhead\0"):
        continue
    beat, playing, tempo = struct.unpack(">fif", data[-12:])
    out.write(f"{time.monotonic():.4f} {beat:.4f} {playing} {tempo:.3f}\n")
    out.flush()
PY
LISTEN_PID=$!
"$CLI" play "$WORK/clock.json" --midi-clock-in clock-feed:out --osc-port "$OSC_PORT" \
  --osc-send "127.0.0.1:$LISTEN_PORT" --for 13 >"$WORK/in.out" 2>"$WORK/in.err" &
PLAY_PID=$!
"$PROBE" send 100 8 >"$WORK/feed.out" 2>"$WORK/feed.err" || { cat "$WORK/feed.err" "$WORK/in.err"; fail "the clock feed failed"; }
wait $PLAY_PID || { cat "$WORK/in.err"; fail "play --midi-clock-in failed"; }
kill $LISTEN_PID 2>/dev/null; wait $LISTEN_PID 2>/dev/null
cat "$WORK/feed.out" "$WORK/in.out"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 - "$WORK/playhead.txt" <<'PY' || fail "MIDI clock in"
import sys
import numpy as np
rows = np.loadtxt(sys.argv[1], ndmin=2)
playing = rows[:, 2].astype(int)
flips = np.nonzero(np.diff(playing))[0] + 1
states = [playing[0]] + [playing[i] for i in flips]
print("player states seen:", states)
if states != [0, 1, 0]:
    sys.exit("FAIL: the player did not wait, start on Start and stop on Stop")
t_start, t_stop = rows[flips[0], 0], rows[flips[1], 0]
print(f"played {t_stop - t_start:.2f} s (the clock ran 8 s between Start and Stop)")
# The steady part: from 3 s after Start (the tempo is measured over two beats) to the Stop.
w = rows[(rows[:, 0] >= t_start + 3) & (rows[:, 0] < t_stop - 0.1)]
tempo = np.median(w[:, 3])
rate = np.polyfit(w[:, 0], w[:, 1], 1)[0] * 60
print(f"clock in at 100 bpm: published tempo {tempo:.3f} bpm (min {w[:, 3].min():.3f}, "
      f"max {w[:, 3].max():.3f}), playhead advancing at {rate:.3f} bpm")
ok = abs(tempo - 100) <= 1 and abs(w[:, 3] - 100).max() <= 1 and abs(rate - 100) <= 1
ok = ok and abs((t_stop - t_start) - 8) < 0.5
sys.exit(0 if ok else 1)
PY
echo PASS
