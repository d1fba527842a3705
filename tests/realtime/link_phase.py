#!/usr/bin/python3
"""Compares two --link-log files (host_us beat bpm playing): the beat phase difference (4-beat
quantum) at common host times, by interpolation, over 30 s once both play; then that the
tempo change near the end (to 100 bpm) reached both."""
import sys

import numpy as np

QUANTUM = 4.0


def load(path):
    rows = np.loadtxt(path, ndmin=2)
    return rows[rows[:, 3] == 1]  # only while the transport plays


a, b = load(sys.argv[1]), load(sys.argv[2])
if len(a) < 100 or len(b) < 100:
    sys.exit(f"FAIL: too few samples ({len(a)}, {len(b)})")
changed = a[a[:, 2] < 100.5]
if len(changed) == 0:
    sys.exit("FAIL: A's tempo never changed to 100 bpm")
t_change = changed[0, 0]
start = max(a[0, 0], b[0, 0]) + 2e6  # both play; 2 s for Link to settle
end = start + 30e6
if min(a[-1, 0], b[-1, 0], t_change) < end:
    sys.exit("FAIL: the players did not both play at one tempo for 30 s")
wa = a[(a[:, 0] >= start) & (a[:, 0] <= end)]
beat_b = np.interp(wa[:, 0], b[:, 0], b[:, 1])
diff_beats = np.remainder(wa[:, 1] - beat_b + QUANTUM / 2, QUANTUM) - QUANTUM / 2
diff_ms = np.abs(diff_beats) * 60.0 / wa[:, 2] * 1000.0
gaps = np.abs(wa[:, 2] - np.interp(wa[:, 0], b[:, 0], b[:, 2]))
tempo_gap = np.max(gaps)
if tempo_gap >= 0.01:
    print(f"tempo gap {tempo_gap:.4f} bpm at {(wa[np.argmax(gaps), 0] - start) / 1e6:.2f} s")
print(f"Link phase difference over 30 s ({len(wa)} samples): median {np.median(diff_ms):.3f} ms, "
      f"max {np.max(diff_ms):.3f} ms; tempo gap {tempo_gap:.4f} bpm at {np.median(wa[:, 2]):.2f} bpm")
ok = np.max(diff_ms) <= 3.0 and tempo_gap < 0.01
# The tempo change: both logs end at 100 bpm, and B's beat rate follows within 2 s.
late_b = b[b[:, 0] > t_change + 2e6]
if len(late_b) < 10:
    sys.exit("FAIL: B stopped before following the tempo change")
rate = np.polyfit(late_b[:, 0] / 1e6, late_b[:, 1], 1)[0] * 60.0
print(f"tempo change: A at {a[-1, 2]:.2f} bpm, B at {late_b[-1, 2]:.2f} bpm, "
      f"B's playhead advancing at {rate:.2f} bpm")
ok = ok and abs(late_b[-1, 2] - 100) < 0.01 and abs(rate - 100) < 0.5
sys.exit(0 if ok else 1)
