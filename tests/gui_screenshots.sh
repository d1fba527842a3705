# Screenshot helpers for the editor's Xvfb tests; sourced after ART, PY and fail() are set.
shot() {  # shot NAME: screenshot, and assert it is not blank
  # A loaded machine (software GL, parallel tests) may take seconds to draw the first frame,
  # so a blank screen is retried for up to 10 s before it counts as a failure.
  local sd
  for _ in $(seq 20); do
    import -window root "$ART/$1.png"
    sd=$(identify -format '%[fx:standard_deviation]' "$ART/$1.png")
    $PY -c "import sys; sys.exit(0 if float('$sd') > 0.03 else 1)" && break
    sleep 0.5
  done
  $PY -c "import sys; sys.exit(0 if float('$sd') > 0.03 else 1)" || fail "screenshot $1 looks blank (sd=$sd)"
  echo "screenshot $1: sd=$sd"
}
differs() {  # differs A B: the two screenshots are not the same picture (AE may print as 1.2e+06)
  local ae
  ae=$(compare -metric AE "$ART/$1.png" "$ART/$2.png" null: 2>&1 || true)
  $PY -c "import sys; sys.exit(0 if float('$ae'.split()[0]) > 500 else 1)" || fail "$1 and $2 should differ (AE=$ae)"
}
shot_differing() {  # shot_differing NAME FROM: a screenshot that differs from FROM's, waited for
  # A loaded machine may draw the change a few frames late: retry for up to 10 s, then fail.
  local ae
  for _ in $(seq 20); do
    shot "$1" >/dev/null
    ae=$(compare -metric AE "$ART/$2.png" "$ART/$1.png" null: 2>&1 || true)
    $PY -c "import sys; sys.exit(0 if float('$ae'.split()[0]) > 500 else 1)" && {
      echo "screenshot $1: differs from $2 (AE=$ae)"
      return 0
    }
    sleep 0.5
  done
  fail "$2 and $1 should differ (AE=$ae)"
}
