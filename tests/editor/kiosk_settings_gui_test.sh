#!/usr/bin/env bash
# Kiosk mode's guarded settings under Xvfb: in kiosk mode the sound-device choice asks for the
# facilitator PIN (refused without it, opened with it); kiosk mode is turned on from Settings
# (the library folder chosen in the browser, a new PIN chosen twice, only its hash stored),
# stays on at the next start, and turning it off asks for the PIN again.
# usage: kiosk_settings_gui_test.sh GRAPHONY GRAPHONY_CLI ARTIFACT_DIR   (screenshots in ARTIFACT_DIR/kiosk_settings)
set -euo pipefail
GRAPHONY_BIN=$1 CLI=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/kiosk_settings
mkdir -p "$ART"
rm -f "$ART"/*.png
PY=/usr/bin/python3
source "$(dirname "$0")/editor_session.sh"
begin_session kiosk-settings xdotool import identify convert
source "$(dirname "$0")/../gui_screenshots.sh"
FAIL_STATUS=kiosk
key() {  # key KEY STATUS VALUE: one key, then wait until the editor reports STATUS=VALUE
  xdotool key "$1"
  wait_status "$2" "$3"
}
type_pin() {  # type_pin DIGITS: each digit waited for, then Enter
  local n=0 d
  for d in $(echo "$1" | grep -o .); do n=$((n + 1)); key "$d" kiosk.pin_digits "$n"; done
  xdotool key Return
}
open_sound_settings() {
  scroll_side_panel_to transport.sound_settings 1480 600
  click_control transport.sound_settings
}

start_display 1600x1000
LIB="$WORK/library"
mkdir -p "$LIB"
LIB=$(realpath "$LIB")
convert -size 800x500 gradient:orange-purple "$WORK/sun.png"
"$CLI" new "$LIB/song.graphony" --image "$WORK/sun.png" --title "Song" >/dev/null

# --- 1. Kiosk mode (--kiosk): the sound device needs the PIN ------------------------------------
PIN=4711
echo "$PIN" | "$GRAPHONY_BIN" --set-kiosk-pin >/dev/null || fail "--set-kiosk-pin failed"
printf '#!/bin/sh\nexec "%s" --kiosk "%s" "$@"\n' "$GRAPHONY_BIN" "$LIB" >"$WORK/graphony-kiosk"
chmod +x "$WORK/graphony-kiosk"
GRAPHONY="$WORK/graphony-kiosk"
start_editor "$LIB/song.graphony"
wait_status kiosk 1
key F9 kiosk.participant 0
open_sound_settings
wait_status kiosk.pin_open 1
[ "$(status sound_settings_open)" = 0 ] || fail "the sound settings opened without the PIN"
shot 01-sound-asks-pin
key Escape kiosk.pin_open 0
sleep 1
[ "$(status sound_settings_open)" = 0 ] || fail "the sound settings opened after the PIN pad was closed"
open_sound_settings
wait_status kiosk.pin_open 1
type_pin 1234  # wrong
wait_status kiosk.pin_failures 1
[ "$(status kiosk.unlocked)" = 0 ] || fail "a wrong PIN unlocked"
key Escape kiosk.pin_open 0
open_sound_settings
[ "$(status sound_settings_open)" = 0 ] || fail "the sound settings opened after a wrong PIN"
wait_status kiosk.pin_open 1
type_pin "$PIN"
wait_status kiosk.unlocked 1
wait_status kiosk.pin_open 0
open_sound_settings
wait_status sound_settings_open 1
shot 02-sound-settings-unlocked
xdotool key Escape
wait_status sound_settings_open 0
xdotool key ctrl+q  # unlocked: it quits
wait_exit 20

# --- 2. Kiosk mode from Settings, with a new PIN ------------------------------------------------
rm -f "$XDG_CONFIG_HOME/graphony/kiosk-pin"
GRAPHONY="$GRAPHONY_BIN"
start_editor "$LIB/song.graphony"
wait_status kiosk 0
click_control menu.settings
click_control menu.settings.kiosk_on
wait_status kiosk.setup_open 1
shot 03-kiosk-setup
click_control kiosk.choose_folder
wait_status browser.open 1
xdotool type --delay 15 "$LIB"
key Return browser.dir "$LIB"
click_control browser.ok  # no name typed: the folder shown is the one chosen
wait_status browser.open 0
click_control kiosk.turn_on
wait_status kiosk.pin_open 1
wait_status kiosk.pin_setting 1
NEWPIN=246813
type_pin 12  # too short: refused, still the first entry
sleep 0.5
[ "$(status kiosk.pin_setting)" = 1 ] || fail "a 2-digit PIN was taken"
type_pin "$NEWPIN"
wait_status kiosk.pin_setting 2
type_pin 999999  # not the same: back to the first entry
wait_status kiosk.pin_setting 1
[ "$(status kiosk)" = 0 ] || fail "kiosk mode came on with two different PINs"
type_pin "$NEWPIN"
wait_status kiosk.pin_setting 2
type_pin "$NEWPIN"
wait_status kiosk 1 30
[ "$(status kiosk.library)" = "$LIB" ] || fail "kiosk.library is '$(status kiosk.library)'"
wait_status kiosk.participant 1
PINFILE="$XDG_CONFIG_HOME/graphony/kiosk-pin"
grep -q '^\$argon2id\$' "$PINFILE" || fail "the new PIN was not stored as an Argon2id hash"
grep -rq "$NEWPIN" "$XDG_CONFIG_HOME" && fail "the plain PIN was written in the config"
grep -qx "kiosk_library=$LIB" "$XDG_CONFIG_HOME/graphony/editor-settings.txt" ||
  fail "the settings do not keep kiosk mode on"
shot 04-kiosk-on
key ctrl+q kiosk.pin_open 1
kill -0 "$APP_PID" || fail "Ctrl+Q quit kiosk mode without the PIN"
key Escape kiosk.pin_open 0
kill_editor  # a power cut: the setting is already kept

# --- 3. The next start is a kiosk; turning it off asks for the PIN again ------------------------
start_editor ""
wait_status kiosk 1
[ "$(status kiosk.library)" = "$LIB" ] || fail "the next start's library is '$(status kiosk.library)'"
key F9 kiosk.participant 0
click_control menu.settings
wait_status kiosk.pin_open 1
type_pin "$NEWPIN"
wait_status kiosk.settings_open 1
click_control menu.settings.kiosk_off
wait_status kiosk.pin_open 1  # asked again, though unlocked
[ "$(status kiosk)" = 1 ] || fail "kiosk mode went off without the PIN"
type_pin 0000
wait_status kiosk.pin_failures 1
[ "$(status kiosk)" = 1 ] || fail "a wrong PIN turned kiosk mode off"
type_pin "$NEWPIN"
wait_status kiosk 0
shot 05-kiosk-off
xdotool key ctrl+q
wait_exit 20
grep -q "^kiosk_library=" "$XDG_CONFIG_HOME/graphony/editor-settings.txt" &&
  fail "kiosk mode is still kept in the settings after turning it off"
echo "PASS: kiosk settings (sound device behind the PIN, kiosk mode on and off from Settings)"
