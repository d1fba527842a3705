# Helpers for editor tests under Xvfb: a private display, start/stop the editor, and click
# controls by the rectangles the editor reports ($GRAPHONY_DEBUG_STATUS rect.NAME lines).
# Either call begin_session (it makes WORK, the clean-up and a fail()), or source after
# setting WORK (a temp dir), PY and fail(). usage: start_display WxH

# begin_session NAME [TOOL...]: skips the test (exit 77) without Xvfb or a TOOL; makes
# WORK; on exit stops the editor and Xvfb and removes WORK. FAIL_STATUS=PREFIX makes fail()
# also print the status lines starting with PREFIX.
begin_session() {
  local name=$1 tool
  shift
  for tool in Xvfb "$@"; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
  done
  WORK=$(mktemp -d "/tmp/graphony-$name-test.XXXXXX")
  XVFB_PID="" APP_PID=""
  trap end_session EXIT
  # Defined here, not on sourcing, so a test that sources these helpers keeps its own fail().
  fail() {
    echo "FAIL: $*"
    if [ -n "${FAIL_STATUS:-}" ] && [ -f "$WORK/status.txt" ]; then
      grep "^$FAIL_STATUS" "$WORK/status.txt" | sed 's/^/  status: /' || true
    fi
    [ -f "$WORK/app.log" ] && sed 's/^/  app: /' "$WORK/app.log"
    exit 1
  }
}
end_session() {
  [ -n "${APP_PID:-}" ] && kill -9 "$APP_PID" 2>/dev/null || true
  [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
status() { grep -m1 "^$1=" "$WORK/status.txt" 2>/dev/null | cut -d= -f2- || true; }
wait_status() {  # wait_status KEY VALUE [SECONDS]: until the editor reports KEY=VALUE
  for _ in $(seq $(( ${3:-15} * 10 ))); do
    [ "$(status "$1")" = "$2" ] && return 0
    sleep 0.1
  done
  fail "$1 is '$(status "$1")', expected '$2'"
}
start_display() {
  exec 3>"$WORK/display"
  Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
  [ -s "$WORK/display" ] || fail "Xvfb did not start"
  export DISPLAY=":$(head -n1 "$WORK/display")"
  export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" HOME="$WORK/home"
  export GRAPHONY_DEBUG_STATUS="$WORK/status.txt"
  mkdir -p "$HOME"
}
kill_editor() {  # kill_editor: a power cut (SIGKILL); returns once its window has left the screen
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  # The X server destroys the window after the process is gone: the next start_editor's search
  # could meet it half-destroyed (xdotool: BadWindow, and the test fails), so wait until none
  # is left.
  for _ in $(seq 50); do xdotool search --name Graphony >/dev/null 2>&1 || break; sleep 0.1; done
}
start_editor() {  # start_editor FILE|"" [VAR=value...]: runs $GRAPHONY, waits for its window
  rm -f "$WORK/status.txt"
  # "" starts it with no score, as a person does (the welcome shows).
  env "${@:2}" "$GRAPHONY" ${1:+"$1"} >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  xdotool search --sync --onlyvisible --name Graphony >/dev/null
  xdotool search --name Graphony windowmove 0 0 || true
  for _ in $(seq 100); do [ -s "$WORK/status.txt" ] && break; sleep 0.1; done
  sleep 0.5
}
wait_exit() {  # wait_exit SECONDS: the editor ends by itself; its exit status goes in EXIT_RC
  for _ in $(seq $(( $1 * 10 ))); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$APP_PID" 2>/dev/null && fail "the editor did not quit within $1 s"
  EXIT_RC=0
  wait "$APP_PID" || EXIT_RC=$?
  APP_PID=""
}
rect() {  # rect NAME: "x y w h" of a control on the last drawn frame (waits up to 5 s; 1 if absent)
  local line
  for _ in $(seq 50); do
    line=$(grep -m1 "^rect\.$1=" "$WORK/status.txt" 2>/dev/null || true)
    [ -n "$line" ] && { echo "${line#*=}" | tr ',' ' '; return 0; }
    sleep 0.1
  done
  return 1
}
click_control() {  # click_control NAME: clicks the middle of a reported control
  local r
  r=$(rect "$1") || fail "control $1 is not on screen"
  read -r x y w h <<<"$r"
  xdotool mousemove $(( x + w / 2 )) $(( y + h / 2 ))
  sleep 0.15
  xdotool click 1
  sleep 0.6  # the status file is rewritten twice a second
}
scroll_side_panel_to() {  # scroll_side_panel_to NAME X Y: wheel over (X, Y) until NAME is drawn
  rect "$1" >/dev/null && return 0
  local pattern="^rect\\.${1//./\\.}="
  xdotool mousemove "$2" "$3"
  for _ in $(seq 30); do
    xdotool click 5
    sleep 0.1
    grep -q "$pattern" "$WORK/status.txt" 2>/dev/null && return 0
  done
  return 0  # the caller's click_control reports a control that never appeared
}
ticked() { grep -q "^rect\.$1\.on=" "$WORK/status.txt" 2>/dev/null; }
tick_control() {  # tick_control NAME: clicks the box of a checkbox, waits until it flips
  local r before=0 now
  r=$(rect "$1") || fail "control $1 is not on screen"
  read -r x y w h <<<"$r"
  ticked "$1" && before=1
  xdotool mousemove $(( x + h / 2 )) $(( y + h / 2 ))
  sleep 0.2
  xdotool click 1
  for _ in $(seq 50); do  # the editor reports it within half a second; a loaded machine may lag
    now=0; ticked "$1" && now=1
    [ "$now" != "$before" ] && { sleep 0.3; return 0; }
    sleep 0.1
  done
  fail "clicking $1 did not change it"
}
