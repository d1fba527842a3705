#!/usr/bin/env bash
# Nothing opens a network connection: the kiosk editor (under Xvfb, a score opened and played,
# quit with the PIN) and graphony-cli render and print (LilyPond, qpdf) run under
# `strace -f`; no AF_INET/AF_INET6 socket may appear (unix sockets, as X11 and JACK use, may),
# and the kiosk editor may start no program but /usr/bin/lilypond and /usr/bin/qpdf.
# usage: kiosk_network_test.sh GRAPHONY GRAPHONY_CLI ARTIFACT_DIR
set -euo pipefail
GRAPHONY_BIN=$1 CLI=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/kiosk-network
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session kiosk-net xdotool strace
fail() { echo "FAIL: $*"; [ -f "$WORK/app.log" ] && tail -20 "$WORK/app.log" | sed 's/^/  app: /'; exit 1; }
wait_status() {  # wait_status KEY VALUE [SECONDS]: the shared one, with 20 s by default (strace slows it)
  for _ in $(seq $(( ${3:-20} * 10 ))); do
    [ "$(status "$1")" = "$2" ] && return 0
    sleep 0.1
  done
  fail "$1 is '$(status "$1")', expected '$2'"
}
CHECK="$PY $(dirname "$0")/strace_check.py"
TRACE=(strace -f --seccomp-bpf -e trace=connect,socket,execve,clone,clone3,vfork,fork)

start_display 1600x1000  # tall enough that "PDF to print" shows in the export list
LIB="$WORK/library"
mkdir -p "$LIB"
convert -size 600x400 gradient:orange-purple "$WORK/sun.png" 2>/dev/null ||
  cp "$(dirname "$0")/../../samples/"*.png "$WORK/sun.png"
"$CLI" new "$LIB/song.graphony" --image "$WORK/sun.png" --title "Song" >/dev/null
echo 2580 | "$GRAPHONY_BIN" --set-kiosk-pin >/dev/null

# --- The kiosk editor: open, play, print a PDF (LilyPond, qpdf), quit with the PIN ------------
printf '#!/bin/sh\nexec %s -o "%s" "%s" --kiosk "%s" "$@"\n' "${TRACE[*]}" "$WORK/editor.strace" \
  "$GRAPHONY_BIN" "$LIB" >"$WORK/graphony-traced"
chmod +x "$WORK/graphony-traced"
GRAPHONY="$WORK/graphony-traced"
# A "lilypond" and "qpdf" first on PATH: kiosk mode must run Debian's, by absolute path.
mkdir -p "$WORK/bin"
printf '#!/bin/sh\nexit 1\n' >"$WORK/bin/lilypond"
chmod +x "$WORK/bin/lilypond"
cp "$WORK/bin/lilypond" "$WORK/bin/qpdf"
start_editor "$LIB/song.graphony" "PATH=$WORK/bin:$PATH"
wait_status kiosk 1
xdotool key space  # play: the sound device is opened too (JACK/ALSA: unix sockets at most)
sleep 0.5
key_once() { xdotool keydown "$1"; sleep 0.1; xdotool keyup "$1"; }  # held over a frame
key_once F9  # leave the participant view: the export dialog is the facilitator's
wait_status kiosk.participant 0
xdotool key ctrl+e
click_control export.kind.6  # "PDF to print": LilyPond and qpdf run from the kiosk editor
click_control export.export
for _ in $(seq 600); do [ -s "$LIB/Song.pdf" ] && [ "$(status export_running)" = 0 ] && break; sleep 0.1; done
[ -s "$LIB/Song.pdf" ] || fail "the kiosk editor printed no PDF into the library ($(ls "$LIB" | tr '\n' ' '))"
qpdf --check "$LIB/Song.pdf" >/dev/null || fail "the kiosk editor's PDF does not validate"
xdotool key Escape
xdotool key ctrl+q
wait_status kiosk.pin_open 1
for d in 2 5 8 0; do
  before=$(status kiosk.pin_digits)
  xdotool key "$d"
  wait_status kiosk.pin_digits $((before + 1))
done
xdotool key Return
wait_exit 30
cp "$WORK/editor.strace" "$ART/editor.strace"
$CHECK "$WORK/editor.strace" --needs-unix --only /usr/bin/lilypond,/usr/bin/qpdf |
  tee "$WORK/editor.check" || fail "the kiosk editor opened a network socket or ran another program"
grep -q "/usr/bin/lilypond" "$WORK/editor.check" || fail "the kiosk editor ran no LilyPond: the trace would prove little"

# --- The CLI: render and print (LilyPond and qpdf run under the same trace) --------------------
"${TRACE[@]}" -o "$WORK/render.strace" "$CLI" render "$LIB/song.graphony" -o "$WORK/song.wav" >/dev/null 2>&1 ||
  fail "render failed under strace"
[ -s "$WORK/song.wav" ] || fail "render wrote nothing"
$CHECK "$WORK/render.strace" || fail "graphony-cli render opened a network socket"
"${TRACE[@]}" -o "$WORK/print.strace" "$CLI" print "$LIB/song.graphony" -o "$WORK/song.pdf" >/dev/null ||
  fail "print failed under strace"
qpdf --check "$WORK/song.pdf" >/dev/null || fail "the printed PDF does not validate"
cp "$WORK/render.strace" "$WORK/print.strace" "$ART/"
$CHECK "$WORK/print.strace" | tee "$WORK/print.check" || fail "graphony-cli print opened a network socket"
grep -q "lilypond" "$WORK/print.check" || fail "print ran no LilyPond: the trace would prove little"
echo "PASS: no network socket from the kiosk editor or graphony-cli render/print"
