#!/bin/bash
# Ableton Link: two graphony-cli play --link processes, each on its own JACK dummy server,
# share tempo and beat phase over loopback; then one changes tempo (over OSC) and the other
# follows. Judged from both processes' published beat times (--link-log).
#   rt_link.sh GRAPHONY_CLI
source "$(dirname "$0")/jack_env.sh"
CLI=$1
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/link_env.sh"
OSC_PORT=$(free_port)
# A is remote-controlled (so the test can change its tempo); B starts at a different beat
# and a different tempo and must take both from the session A made.
JACK_DEFAULT_SERVER=$SERVER_A "$CLI" play "$WORK/link.json" --link --link-log "$WORK/a.log" \
  --osc-port "$OSC_PORT" --for 45 >"$WORK/a.out" 2>"$WORK/a.err" &
PID_A=$!
sleep 1
JACK_DEFAULT_SERVER=$SERVER_B "$CLI" play "$WORK/link.json" --link --link-log "$WORK/b.log" \
  --from 1.3 --tempo 0.9 --for 43 >"$WORK/b.out" 2>"$WORK/b.err" &
PID_B=$!
/usr/bin/python3 - "$OSC_PORT" <<'PY'
import socket, struct, sys, time
def pad(b): return b + b"\0" * (4 - len(b) % 4)
def osc(addr, tag="", data=b""): return pad(addr.encode()) + pad(("," + tag).encode()) + data
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(osc("/graphony/play"), ("127.0.0.1", int(sys.argv[1])))
time.sleep(38)
s.sendto(osc("/graphony/tempo", "f", struct.pack(">f", 100.0)), ("127.0.0.1", int(sys.argv[1])))
PY
wait $PID_A; RC_A=$?
wait $PID_B; RC_B=$?
cat "$WORK/a.out" "$WORK/b.out"
[ $RC_A = 0 ] && [ $RC_B = 0 ] || { cat "$WORK/a.err" "$WORK/b.err"; fail "a player failed ($RC_A, $RC_B)"; }
grep -q "Link: 1 peer" "$WORK/a.err" || fail "A never saw B as a Link peer"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${LINK_KEEP_LOGS:-}" ] && cp "$WORK"/[ab].log "$LINK_KEEP_LOGS"/
/usr/bin/python3 "$HERE/link_phase.py" "$WORK/a.log" "$WORK/b.log" || fail "Link sync"
echo PASS
