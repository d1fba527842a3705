#!/usr/bin/python3
"""Writes a small .graphony bundle for the editor sound tests: one sine instrument and three
flat strokes, each two beats long at a different height, at 120 bpm (one second each).
usage: make_score.py OUT [LENGTH_BEATS]: a length above 6 leaves the rest of the score empty."""
import json
import sys
import zipfile

out = sys.argv[1]
length = float(sys.argv[2]) if len(sys.argv) > 2 else 6.0
# Band centres of the 8 notes C4..C5 in C major (steady strokes there play exactly in tune).
heights = [2.5 / 8, 4.5 / 8, 6.5 / 8]
strokes = []
for i, h in enumerate(heights):
    b0 = 2.0 * i + 0.05
    pts = [{"beat": b0 + 1.8 * k / 8, "height": h, "pressure": 0.9} for k in range(9)]
    strokes.append({"color": "#0072b2", "width": 0.03, "contributor": "c1", "points": pts})
score = {
    "format_version": 1,
    "title": "Editor sound test",
    "date": "2026-12-01",
    "contributors": [{"id": "c1", "name": "Ana", "initials": "A.", "role": "painter",
                      "consent": {"credit_by_name": True, "share_audio": True}}],
    "tempo_bpm": 120.0,
    "meter": "4/4",
    "length_beats": length,
    "mapping": {"scale": "major", "custom_intervals": [], "root": "C4", "lowest": "C4",
                "highest": "C5", "image_mode": "notes", "grid": 0.5, "max_polyphony": 3},
    "palette": [{"color": "#0072b2", "instrument": "sine", "name": "Sine", "sample": ""}],
    "layers": [{"kind": "strokes", "name": "Lines", "visible": True, "locked": False,
                "muted": False, "strokes": strokes}],
    "sections": [],
    "takes": [],
}
with zipfile.ZipFile(out, "w") as z:
    z.writestr("score.json", json.dumps(score, indent=2))
