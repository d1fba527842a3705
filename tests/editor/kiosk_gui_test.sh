#!/usr/bin/env bash
# Kiosk mode end to end under Xvfb: no kiosk without a PIN; --set-kiosk-pin stores no plain
# PIN; the editor starts in the participant view; the browser lists only the library (no
# hidden files, no symlinks out) and refuses typed paths outside it; quit and the settings ask
# for the PIN; a wrong PIN is refused, the right one (typed and tapped) opens the settings;
# Sound settings then list MIDI keyboards but offer no Link.
# usage: kiosk_gui_test.sh GRAPHONY GRAPHONY_CLI ARTIFACT_DIR   (screenshots in ARTIFACT_DIR/kiosk)
set -euo pipefail
GRAPHONY_BIN=$1 CLI=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/kiosk
mkdir -p "$ART"
rm -f "$ART"/*.png
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session kiosk xdotool import identify convert
fail() { echo "FAIL: $*"; [ -f "$WORK/status.txt" ] && grep -E '^(browser|kiosk)\.|^kiosk=' "$WORK/status.txt" | sed 's/^/  status: /'; [ -f "$WORK/app.log" ] && sed 's/^/  app: /' "$WORK/app.log"; exit 1; }
source "$(dirname "$0")/../gui_screenshots.sh"
key() {  # key NAME KEY VALUE: one key, then wait until the editor reports KEY=VALUE
  xdotool key "$1"
  wait_status "$2" "$3"
}

start_display 1366x768
PIN=4711
LIB="$WORK/library" OUT="$WORK/outside"
mkdir -p "$LIB/week 2" "$OUT"
LIB=$(realpath "$LIB") OUT=$(realpath "$OUT")
convert -size 800x500 gradient:orange-purple "$WORK/sun.png"
"$CLI" new "$LIB/song.graphony" --image "$WORK/sun.png" --title "Song" >/dev/null
"$CLI" new "$OUT/private.graphony" --title "Private" >/dev/null
cp "$LIB/song.graphony" "$LIB/.hidden.graphony"
ln -s "$OUT/private.graphony" "$LIB/link-out.graphony"
ln -s "$OUT" "$LIB/way-out"

# --- 1. No kiosk without a PIN; the PIN is stored only as a salted hash ----------------------
rc=0; "$GRAPHONY_BIN" --kiosk "$LIB" >"$WORK/nopin.log" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "--kiosk without a PIN exited $rc"
grep -q "kiosk-pin" "$WORK/nopin.log" || fail "no PIN: the message does not name the PIN file: $(cat "$WORK/nopin.log")"
rc=0; echo 12x4 | "$GRAPHONY_BIN" --set-kiosk-pin >"$WORK/badpin.log" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "a PIN with a letter was taken"
echo "$PIN" | "$GRAPHONY_BIN" --set-kiosk-pin >"$WORK/setpin.log" 2>&1 || fail "--set-kiosk-pin: $(cat "$WORK/setpin.log")"
PINFILE="$XDG_CONFIG_HOME/graphony/kiosk-pin"
[ -f "$PINFILE" ] || fail "no PIN file at $PINFILE"
grep -q "$PIN" "$PINFILE" && fail "the PIN file holds the plain PIN"
grep -q '^\$argon2id\$' "$PINFILE" || fail "the PIN file holds no Argon2id hash: $(cat "$PINFILE")"
[ "$(stat -c %a "$PINFILE")" = 600 ] || fail "the PIN file is readable by others"
rc=0; "$GRAPHONY_BIN" --kiosk "$WORK/no-such-library" >"$WORK/nolib.log" 2>&1 || rc=$?
[ "$rc" = 1 ] && grep -q "no-such-library" "$WORK/nolib.log" || fail "a missing library was not refused by name"
rc=0; "$GRAPHONY_BIN" --kiosk "$LIB" "$OUT/private.graphony" >"$WORK/outfile.log" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "a score outside the library was opened in kiosk mode"

# --- 2. Kiosk mode starts in the participant view ----------------------------------------------
printf '#!/bin/sh\nexec "%s" --kiosk "%s" "$@"\n' "$GRAPHONY_BIN" "$LIB" >"$WORK/graphony-kiosk"
chmod +x "$WORK/graphony-kiosk"
GRAPHONY="$WORK/graphony-kiosk"
start_editor "$LIB/song.graphony"
wait_status kiosk 1
wait_status kiosk.participant 1
[ "$(status kiosk.library)" = "$LIB" ] || fail "kiosk.library is '$(status kiosk.library)'"
shot 01-participant
key F9 kiosk.participant 0  # the facilitator's way out of the participant view

# --- 3. The browser: only the library, typed paths outside refused ---------------------------
key ctrl+o browser.open 1
wait_status browser.dir "$LIB"
wait_status browser.files 1  # song.graphony: not .hidden.graphony, not link-out.graphony
xdotool type --delay 15 "$OUT"
key Return browser.error "Only the library folder can be used here."
[ "$(status browser.dir)" = "$LIB" ] || fail "the browser left the library for $(status browser.dir)"
shot 02-browser-refused
key Escape browser.open 0
for typed in "../outside/private.graphony" "way-out" "link-out.graphony" ".hidden.graphony"; do
  key ctrl+o browser.open 1
  wait_status browser.name ""
  xdotool type --delay 15 "$typed"
  wait_status browser.name "$typed"
  xdotool key Return
  for _ in $(seq 50); do [ -n "$(status browser.error)" ] && break; sleep 0.1; done
  [ -n "$(status browser.error)" ] || fail "typing $typed was not refused"
  [ "$(status browser.open)" = 1 ] || fail "typing $typed opened something"
  echo "refused $typed: $(status browser.error)"
  key Escape browser.open 0
done

key ctrl+o browser.open 1
click_control browser.up
[ "$(status browser.dir)" = "$LIB" ] || fail "Up left the library"
key Escape browser.open 0

# --- 4. Export outside the library asks for the PIN and writes nothing -----------------------
xdotool key ctrl+e
click_control export.path
xdotool key ctrl+a
sleep 0.3
xdotool type --delay 15 "$OUT/leak.wav"
click_control export.export
wait_status kiosk.pin_open 1
key Escape kiosk.pin_open 0
sleep 1
[ -e "$OUT/leak.wav" ] && fail "the export went outside the library without the PIN"
shot 03-export-refused
xdotool key Escape  # the export dialog
sleep 0.5

# --- 5. Quit and the settings ask for the PIN; wrong refused, right opens --------------------
key ctrl+q kiosk.pin_open 1
kill -0 "$APP_PID" || fail "Ctrl+Q quit without the PIN"
key Escape kiosk.pin_open 0
click_control menu.settings
wait_status kiosk.pin_open 1
[ "$(status kiosk.unlocked)" = 0 ] || fail "the settings opened without the PIN"
for d in 1 2 3 4; do key "$d" kiosk.pin_digits "$d"; done
shot 04-pin-pad
key Return kiosk.pin_failures 1
[ "$(status kiosk.pin_open)" = 1 ] && [ "$(status kiosk.unlocked)" = 0 ] || fail "a wrong PIN unlocked"
[ "$(status kiosk.pin_digits)" = 0 ] || fail "a wrong PIN stayed typed"
shot 05-pin-wrong
click_control pin.digit.4  # tapped, as on a touch screen
wait_status kiosk.pin_digits 1
n=1
for d in 7 1 1; do n=$((n + 1)); key "$d" kiosk.pin_digits "$n"; done
key Return kiosk.unlocked 1
wait_status kiosk.pin_open 0
wait_status kiosk.settings_open 1  # the menu opens by itself once the PIN is right
rect menu.settings.lock >/dev/null || fail "the settings menu shows no Lock now"
shot 06-settings-open
grep -q "$PIN" "$PINFILE" && fail "the PIN file holds the plain PIN"
grep -rqw "$PIN" "$XDG_CONFIG_HOME" && fail "the plain PIN was written in the config"
key Escape kiosk.unlocked 1
# Unlocked, Sound settings offer the MIDI keyboard but never Link (no network in kiosk mode).
xdotool mousemove 600 669 click 1  # on the status bar: the open menu closes
wait_status kiosk.settings_open 0
scroll_side_panel_to transport.sound_settings 1090 400  # over the side panel (1366x768)
click_control transport.sound_settings
wait_status settings_open 1
rect settings.midi >/dev/null || fail "the kiosk's Sound settings show no MIDI keyboard list"
grep -q "^rect\.settings\.link" "$WORK/status.txt" && fail "Link is offered in kiosk mode"
[ "$(status link)" = 0 ] || fail "Link is on in kiosk mode"
shot 07-sound-settings-no-link
xdotool key Escape
wait_status settings_open 0
xdotool key ctrl+q  # unlocked now: it quits
wait_exit 20
[ "$EXIT_RC" = 0 ] || fail "the editor exited with $EXIT_RC"
echo "PASS: kiosk mode (library jail, PIN for quit and settings, participant view)"
