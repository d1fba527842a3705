#!/bin/bash
# Runs the LivePlayer doctest cases against a private JACK dummy server.
#   rt_player_jack.sh PATH/TO/test_realtime_jack
source "$(dirname "$0")/jack_env.sh"
start_private_jackd
"$1" || fail "player tests"
