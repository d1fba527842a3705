# Helpers for graphony-cli tests: fail() counts failures (the test ends with `exit $failures`
# style checks of its own), run() expects success, expect() checks an exit code and a one-line
# error. Source after `cd` into the test's work folder.
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
run() { "$@" >out.txt 2>err.txt || fail "$* exited $? (stderr: $(cat err.txt))"; }
# expect CODE STDERR-SUBSTRING -- command...: checks the exit code and that stderr is one line
# containing the text (empty text: stderr must be empty).
expect() {
  local code=$1 text=$2
  shift 3
  "$@" >out.txt 2>err.txt
  local got=$?
  if [ "$got" != "$code" ]; then fail "$* exited $got, expected $code (stderr: $(cat err.txt))"; return; fi
  if [ -z "$text" ]; then
    [ -s err.txt ] && fail "$*: unexpected stderr: $(cat err.txt)"
  else
    [ "$(wc -l <err.txt)" = 1 ] || fail "$*: stderr should be one line, got: $(cat err.txt)"
    grep -qF -- "$text" err.txt || fail "$*: stderr lacks '$text': $(cat err.txt)"
  fi
}
