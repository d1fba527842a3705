#!/usr/bin/python3
"""Compares two --link-log files (host_us beat bpm playing) for Link's start/stop sync: A was
started and stopped twice; B must make the same four changes, each within 100 ms of A's (the
logs sample every 20 ms), and, while both play (2 s after starting), be within 3 ms of A's beat
phase (4-beat quantum) in 95 % of the samples."""
import sys

import numpy as np

QUANTUM = 4.0
FOLLOW_MS = 100.0


def load(path):
    return np.loadtxt(path, ndmin=2)


def changes(rows):  # host times (us) where `playing` flips, and the new state
    flips = np.nonzero(np.diff(rows[:, 3]) != 0)[0] + 1
    return [(rows[i, 0], int(rows[i, 3])) for i in flips]


a, b = load(sys.argv[1]), load(sys.argv[2])
ca, cb = changes(a), changes(b)
print("A changes:", [(round((t - a[0, 0]) / 1e6, 3), s) for t, s in ca])
print("B changes:", [(round((t - a[0, 0]) / 1e6, 3), s) for t, s in cb])
if [s for _, s in ca] != [1, 0, 1, 0]:
    sys.exit(f"FAIL: A did not play, stop, play, stop ({[s for _, s in ca]})")
if [s for _, s in cb] != [1, 0, 1, 0]:
    sys.exit(f"FAIL: B did not follow play, stop, play, stop ({[s for _, s in cb]})")
lags = [(tb - ta) / 1000.0 for (ta, _), (tb, _) in zip(ca, cb)]
print("B followed after (ms): " + ", ".join(f"{x:.1f}" for x in lags))
ok = all(abs(x) <= FOLLOW_MS for x in lags)
# Phase while both play (from 2 s after each start, as in link_phase.py, to its stop).
worst = 0.0
for k in (0, 2):
    t0, t1 = max(ca[k][0], cb[k][0]) + 2e6, min(ca[k + 1][0], cb[k + 1][0])
    wa = a[(a[:, 0] >= t0) & (a[:, 0] <= t1)]
    if len(wa) < 20:
        sys.exit("FAIL: too few samples while both played")
    beat_b = np.interp(wa[:, 0], b[:, 0], b[:, 1])
    diff = np.remainder(wa[:, 1] - beat_b + QUANTUM / 2, QUANTUM) - QUANTUM / 2
    ms = np.abs(diff) * 60.0 / wa[:, 2] * 1000.0
    p95 = float(np.percentile(ms, 95))
    print(f"play {k // 2 + 1}: phase difference median {np.median(ms):.3f} ms, p95 {p95:.3f} ms, "
          f"max {np.max(ms):.3f} ms over {len(wa)} samples")
    worst = max(worst, p95)
# The phase itself is rt_link.sh's subject (max over 30 s); here a lone late buffer on a loaded
# machine (xruns) may glitch one sample, so 95 % of samples must be within 3 ms.
print(f"beat phase difference while both played: p95 {worst:.3f} ms")
ok = ok and worst <= 3.0
sys.exit(0 if ok else 1)
