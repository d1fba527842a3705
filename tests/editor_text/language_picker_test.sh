#!/usr/bin/env bash
# The language picker under Xvfb, clicked as a person would: the welcome shows every language
# in its own name; clicking العربية switches the editor to Arabic at once, the choice survives
# a restart (the user's config), and 中文 switches again. Screenshots in ARTIFACT_DIR/languages/.
# usage: language_picker_test.sh GRAPHONY TEST_LOCALEDIR ARTIFACT_DIR
set -euo pipefail
GRAPHONY=$1 LOCALEDIR=$2
ART=${GRAPHONY_ARTIFACTS:-$3}/languages
mkdir -p "$ART"
PY=/usr/bin/python3
source "$(dirname "$0")/../editor/editor_session.sh"
begin_session picker xdotool import
start_display 1600x1000
export GRAPHONY_LOCALEDIR="$LOCALEDIR" JACK_NO_START_SERVER=1 LANG=C.UTF-8
unset LANGUAGE LC_ALL LC_MESSAGES
SETTINGS="$XDG_CONFIG_HOME/graphony/editor-settings.txt"
language_on() {  # language_on CODE: waits (5 s) until the picker shows CODE as the current one
  for _ in $(seq 50); do
    grep -q "^rect\.language\.$1\.on=" "$WORK/status.txt" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
quit_editor() {
  kill -TERM "$APP_PID"
  wait_exit 15
  [ "$EXIT_RC" = 0 ] || fail "the editor exited with $EXIT_RC"
}

start_editor ""  # no score: the welcome, with the picker
for code in en pl it sq ro zh_CN ar; do rect "language.$code" >/dev/null || fail "no button for $code"; done
language_on en || fail "English is not the current language with LANG=C.UTF-8"
click_control language.ar
language_on ar || fail "clicking العربية did not switch to Arabic"
import -window root "$ART/picker-ar.png"
quit_editor
grep -qx "language=ar" "$SETTINGS" || fail "the choice is not in $SETTINGS: $(cat "$SETTINGS")"

start_editor ""
language_on ar || fail "Arabic was not remembered after a restart"
click_control language.zh_CN
language_on zh_CN || fail "clicking 中文 did not switch to Chinese"
import -window root "$ART/picker-zh_CN.png"
quit_editor
grep -qx "language=zh_CN" "$SETTINGS" || fail "the choice is not in $SETTINGS"
echo "PASS: picker switches en -> ar -> zh_CN at once and remembers it across restarts"
