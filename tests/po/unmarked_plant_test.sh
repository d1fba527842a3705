#!/usr/bin/env bash
# The unmarked-string check can fail: a planted source with one unmarked label beside marked
# and non-visible literals must be reported (that label only), and pass once it is marked.
# usage: unmarked_plant_test.sh SOURCE_DIR
set -euo pipefail
SRC=$1
WORK=$(mktemp -d /tmp/graphony-plant.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
printf '# nothing\n' >"$WORK/dirs"
cat >"$WORK/planted.cpp" <<'CPP'
void Draw() {
  ImGui::Button("Play together##play");
  ImGui::Text(_("Stop"));
  ImGui::PushID("##row");
  j["tempo"] = 1; Load(".png"); Log("bench: frames=%d", 3); ImGui::Text("%d / %d");
  // NOT-UI: a test of the escape hatch
  Debug("Internal words here");
}
CPP
if /usr/bin/python3 "$SRC/tests/po/unmarked_strings.py" "$SRC" "$WORK/dirs" "$WORK/planted.cpp" >"$WORK/out"; then
  cat "$WORK/out"; echo "FAIL: the planted unmarked label passed"; exit 1
fi
cat "$WORK/out"
grep -q "planted.cpp:2: unmarked user-visible string 'Play together##play'" "$WORK/out" ||
  { echo "FAIL: the planted label was not named"; exit 1; }
[ "$(grep -c unmarked\ user-visible\ string\ \' "$WORK/out")" = 1 ] ||
  { echo "FAIL: a non-visible literal was reported too"; exit 1; }
sed -i 's/ImGui::Button("Play together##play")/ImGui::Button(_("Play together"))/' "$WORK/planted.cpp"
/usr/bin/python3 "$SRC/tests/po/unmarked_strings.py" "$SRC" "$WORK/dirs" "$WORK/planted.cpp" ||
  { echo "FAIL: still reported once marked"; exit 1; }
echo "PASS: the planted unmarked string was caught and passes once marked"
