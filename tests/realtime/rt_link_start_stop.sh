#!/bin/bash
# Ableton Link start/stop sync: two graphony-cli play --link --link-start-stop processes, each
# on its own JACK dummy server, both waiting under OSC remote control. Only A is told to play
# and stop (over OSC); B must start and stop with it, on the session's beat phase. Judged
# from both processes' published beat samples (--link-log): link_start_stop.py.
#   rt_link_start_stop.sh GRAPHONY_CLI
source "$(dirname "$0")/jack_env.sh"
CLI=$1
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/link_env.sh"
PORT_A=$(free_port)
PORT_B=$(free_port)
JACK_DEFAULT_SERVER=$SERVER_A "$CLI" play "$WORK/link.json" --link --link-start-stop \
  --link-log "$WORK/a.log" --osc-port "$PORT_A" --for 22 >"$WORK/a.out" 2>"$WORK/a.err" &
PID_A=$!
sleep 1  # as in rt_link.sh: two players opening their streams at once can miss JACK's timeout
# B listens for OSC too (so it does not start by itself), but nothing is ever sent to it.
JACK_DEFAULT_SERVER=$SERVER_B "$CLI" play "$WORK/link.json" --link --link-start-stop \
  --link-log "$WORK/b.log" --osc-port "$PORT_B" --from 2.5 --for 22 >"$WORK/b.out" 2>"$WORK/b.err" &
PID_B=$!
# Play 5 s, stop 3 s, play 4 s, stop; once both see each other.
/usr/bin/python3 - "$PORT_A" "$WORK/a.err" "$WORK/b.err" <<'PY'
import socket, sys, time
def pad(b): return b + b"\0" * (4 - len(b) % 4)
def osc(addr): return pad(addr.encode()) + pad(b",")
for _ in range(100):
    if all("Link: 1 peer" in open(f).read() for f in sys.argv[2:]):
        break
    time.sleep(0.1)
time.sleep(1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
to = ("127.0.0.1", int(sys.argv[1]))
for addr, wait in (("/graphony/play", 5), ("/graphony/stop", 3), ("/graphony/play", 4),
                   ("/graphony/stop", 2)):
    s.sendto(osc(addr), to)
    time.sleep(wait)
PY
wait $PID_A; RC_A=$?
wait $PID_B; RC_B=$?
cat "$WORK/a.out" "$WORK/b.out"
[ $RC_A = 0 ] && [ $RC_B = 0 ] || { cat "$WORK/a.err" "$WORK/b.err"; fail "a player failed ($RC_A, $RC_B)"; }
grep -q "Link: 1 peer" "$WORK/b.err" || fail "B never saw A as a Link peer"
grep -q "OSC: 0 messages obeyed" "$WORK/b.out" || fail "B was sent OSC: the test would prove nothing"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${LINK_KEEP_LOGS:-}" ] && cp "$WORK"/[ab].log "$LINK_KEEP_LOGS"/
/usr/bin/python3 "$HERE/link_start_stop.py" "$WORK/a.log" "$WORK/b.log" || fail "Link start/stop"
echo PASS
