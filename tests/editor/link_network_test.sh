#!/usr/bin/env bash
# Link is off by default: the editor, opened on a score, played, with Sound settings open,
# opens no network socket (strace -f: no AF_INET/AF_INET6). Then the same with "Play in time
# with others (Link)" switched on: now Link's sockets must appear, so the trace can see them.
# usage: link_network_test.sh GRAPHONY GRAPHONY_CLI ARTIFACT_DIR
set -euo pipefail
GRAPHONY_BIN=$1 CLI=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/link-network
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session link-net xdotool strace
CHECK="$PY $(dirname "$0")/strace_check.py"
TRACE=(strace -f --seccomp-bpf -e trace=connect,socket,execve,clone,clone3,vfork,fork)

start_display 1600x1000
"$CLI" new "$WORK/song.graphony" --title "Link" >/dev/null
traced_editor() {  # traced_editor TRACE_FILE: the editor on the score, under strace
  printf '#!/bin/sh\nexec %s -o "%s" "%s" "$@"\n' "${TRACE[*]}" "$1" "$GRAPHONY_BIN" \
    >"$WORK/graphony-traced"
  chmod +x "$WORK/graphony-traced"
  GRAPHONY="$WORK/graphony-traced"
  start_editor "$WORK/song.graphony"
}
open_sound_settings() {
  scroll_side_panel_to transport.sound_settings 1480 500
  click_control transport.sound_settings
  wait_status settings_open 1 20
  rect settings.link >/dev/null || fail "the Link switch is not in Sound settings"
}

# --- 1. Link off (the default): no network socket ----------------------------------------------
traced_editor "$WORK/off.strace"
xdotool key space
sleep 1
xdotool key space
open_sound_settings
[ "$(status link)" = 0 ] || fail "Link is on by default"
import -window root "$ART/01-sound-settings-link-off.png" 2>/dev/null || true
sleep 1
xdotool key ctrl+q  # (strace -o blocks SIGTERM; the editor quits as a person quits it)
wait_exit 30
cp "$WORK/off.strace" "$ART/"
$CHECK "$WORK/off.strace" --needs-unix | tee "$WORK/off.check" ||
  fail "the editor opened a network socket with Link off"

# --- 2. Link on: its sockets appear (the check can fail) ---------------------------------------
traced_editor "$WORK/on.strace"
open_sound_settings
tick_control settings.link
wait_status link 1 20
import -window root "$ART/02-sound-settings-link-on.png" 2>/dev/null || true
sleep 2
xdotool key ctrl+q  # (strace -o blocks SIGTERM; the editor quits as a person quits it)
wait_exit 30
cp "$WORK/on.strace" "$ART/"
if $CHECK "$WORK/on.strace" >"$WORK/on.check"; then
  fail "no network socket seen with Link on: the trace would not see one with Link off either"
fi
grep -c "AF_INET" "$WORK/on.check" | sed 's/^/Link on: AF_INET lines: /'
echo "PASS: no network socket with Link off; Link's sockets seen once it is switched on"
