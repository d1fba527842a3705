# Sourced by the real-time script tests: a private jackd (dummy driver, 48 kHz, 256-frame
# periods) with a unique server name, stopped on exit even when the test fails.
# Real-time scheduling (-R) when the system allows it: on a loaded 2-core machine a
# --no-realtime server misses its own deadlines ("JackTimedDriver::Process XRun") whatever
# the clients do, so xrun counts would measure the machine's load, not the player.
# Sets WORK (a fresh temp dir, removed on exit), JACK_DEFAULT_SERVER and JACKD_PID.
set -u
WORK=$(mktemp -d /tmp/graphony-rt-XXXXXX)
JACKD_PID=
JACK_REALTIME=1
export JACK_NO_AUDIO_RESERVATION=1
export JACK_NO_START_SERVER=1

cleanup_private_jackd() {
  if [ -n "$JACKD_PID" ] && kill -0 "$JACKD_PID" 2>/dev/null; then
    kill "$JACKD_PID" 2>/dev/null
    wait "$JACKD_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup_private_jackd EXIT

start_private_jackd() {
  export JACK_DEFAULT_SERVER="graphony-rt-$$-$RANDOM"
  jackd -R -d dummy -r 48000 -p 256 >"$WORK/jackd.log" 2>&1 &
  JACKD_PID=$!
  if ! timeout 10 jack_wait -w >/dev/null 2>&1; then
    kill "$JACKD_PID" 2>/dev/null; wait "$JACKD_PID" 2>/dev/null
    JACK_REALTIME=0
    jackd --no-realtime -d dummy -r 48000 -p 256 >"$WORK/jackd.log" 2>&1 &
    JACKD_PID=$!
    if ! timeout 10 jack_wait -w >/dev/null 2>&1; then
      echo "FAIL: jackd did not start"; cat "$WORK/jackd.log"; exit 1
    fi
  fi
  if grep -qi "cannot use real-time\|cannot lock down" "$WORK/jackd.log"; then JACK_REALTIME=0; fi
  echo "private jackd $JACK_DEFAULT_SERVER (pid $JACKD_PID, real-time: $JACK_REALTIME)"
}

fail() { echo "FAIL: $*"; exit 1; }

# Xruns on a shared machine: JACK reports an xrun to every client when its own driver
# thread wakes late ("JackTimedDriver::Process XRun" in its log), which is the machine's
# load, not the player. What the player controls is being late itself, which jackd logs
# as "client = PortAudio... was not finished" (but also when the client's thread merely
# woke late). Clients joining the graph (jack_rec, a new stream) make jackd log that once
# too, so mark_jack_log starts a window and report_jack_lateness prints both counts in it.
JACK_LOG_MARK=0
mark_jack_log() { JACK_LOG_MARK=$(wc -l <"$WORK/jackd.log"); }
# Prints jackd's counts since mark_jack_log (for the log; see rt_cli_play.sh for why the
# pass/fail decision rests on the player's own clock).
report_jack_lateness() {
  local window
  window=$(tail -n +"$((JACK_LOG_MARK + 1))" "$WORK/jackd.log")
  echo "jackd log: server woke late $(grep -c "JackTimedDriver::Process XRun" <<<"$window") times," \
       "client not finished $(grep -c "client = PortAudio.* was not finished" <<<"$window") times"
}
# The player's lateness against the machine's: passes when the player's own late buffers
# ("late buffers: N" in the CLI's summary in $1) are no more than jackd's own late wake-ups
# since mark_jack_log, plus 2. A player that cannot keep up is late on most of its ~190
# buffers a second; one starved by VM stalls is late about as often as jackd itself.
player_lateness_ok() {
  local late server
  late=$(grep -o "late buffers: [0-9]*" "$1" | tail -1 | grep -o "[0-9]*$")
  server=$(tail -n +"$((JACK_LOG_MARK + 1))" "$WORK/jackd.log" | grep -c "JackTimedDriver::Process XRun")
  echo "player late $late times, jackd's own driver late $server times"
  [ -n "$late" ] && [ "$late" -le $((server + 2)) ]
}
