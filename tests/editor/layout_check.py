#!/usr/bin/python3
"""Checks one `graphony --layout-report` JSON: every named control fully inside the window and
at least 48 px (the People button among them), the transport at least as big as the tools,
the canvas at least half the width, no clipped text, no missing glyphs.
usage: layout_check.py REPORT.json [--participant | --export | --welcome]
Prints one line per problem and exits 1 if there is any."""
import json
import sys

MIN_TARGET = 48  # issue 17: every target a participant touches


def main():
    path = sys.argv[1]
    participant = "--participant" in sys.argv[2:]
    export = "--export" in sys.argv[2:]  # the export dialog is open
    welcome = "--welcome" in sys.argv[2:]  # the first-start welcome is showing
    with open(path) as f:
        r = json.load(f)
    W, H = r["window"]
    controls = r["controls"]
    problems = []
    required = ["play", "stop", "swatch.0"]
    # people.open: crediting the group must never scroll or fold out of reach.
    required += (["participant.leave"] if participant else
                 ["record", "performance", "tool.brush", "people.open"])
    if export:
        required.append("export.export")
    if welcome:
        required += ["welcome.picture", "welcome.demo", "welcome.continue"]
    for name in required:
        if name not in controls:
            problems.append(f"{name}: not drawn")
    if participant:
        for name in controls:
            if name.startswith("tool.") or name in ("record", "performance"):
                problems.append(f"{name}: shown in the participant view")
    for name, (x, y, w, h) in sorted(controls.items()):
        if x < 0 or y < 0 or x + w > W + 0.5 or y + h > H + 0.5:
            problems.append(f"{name}: {x:.0f},{y:.0f} {w:.0f}x{h:.0f} not inside {W}x{H}")
        if w < MIN_TARGET or h < MIN_TARGET:
            problems.append(f"{name}: {w:.0f}x{h:.0f} visible, smaller than {MIN_TARGET} px")
    tools = [min(w, h) for n, (x, y, w, h) in controls.items() if n.startswith("tool.")]
    for name in ("play", "stop", "record", "performance"):
        if name in controls and tools:
            size = min(controls[name][2], controls[name][3])
            if size + 0.5 < max(tools):
                problems.append(f"{name}: {size:.0f} px, smaller than the tools ({max(tools):.0f})")
    cx, cy, cw, ch = r["canvas"]
    if cw < 0.5 * W:
        problems.append(f"canvas: {cw:.0f} px wide, under half of {W}")
    for text in r["clipped"]:
        problems.append(f"clipped: {text}")
    if r["missing_glyphs"]:
        problems.append(f"missing glyphs: {r['missing_glyphs']}")
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
