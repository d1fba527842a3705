#!/usr/bin/python3
"""Checks a recorded or exported WAV against the score's notes.

usage: analyse.py WAV EVENTS_CSV MIN_SECONDS MAX_SECONDS [START_BEAT]
Reads the WAV (PCM 16/24/32 or float), checks its length, then for each sounding stroke in
the events (one row per stroke shadow note) finds the strongest frequency in the middle of
the note and compares it with the note's pitch (within 35 cents). Prints what it measured."""
import csv
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from peak_pitch import peak_midi  # noqa: E402
from wav_file import read_wav_mono  # noqa: E402


def main():
    wav, events_csv, min_s, max_s = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    start_beat = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    x, rate = read_wav_mono(wav)
    seconds = len(x) / rate
    peak = float(np.max(np.abs(x))) if len(x) else 0.0
    print(f"{wav}: {rate} Hz, {seconds:.2f} s, peak {peak:.3f}")
    if not (min_s <= seconds <= max_s):
        sys.exit(f"FAIL: length {seconds:.2f} s, expected {min_s}..{max_s} s")
    if not np.all(np.isfinite(x)) or peak < 0.01 or peak > 1.01:
        sys.exit(f"FAIL: the sound is silent, clipped or broken (peak {peak})")
    rows = list(csv.DictReader(open(events_csv)))
    spb = None
    bad = 0
    checked = 0
    for r in rows:
        if r["gesture"] == "-1":
            continue
        spb = spb or 0.5  # the test score is 120 bpm
        b0, dur = float(r["start_beat"]), float(r["duration_beat"])
        t0 = (b0 - start_beat + dur * 0.3) * spb
        t1 = (b0 - start_beat + dur * 0.7) * spb
        if t0 < 0 or t1 * rate > len(x):
            continue
        got = peak_midi(x[int(t0 * rate):int(t1 * rate)], rate)
        want = float(r["pitch"])
        cents = 100 * (got - want)
        print(f"  beat {b0:4.1f}: expected MIDI {want:.2f}, measured {got:.2f} ({cents:+.0f} cents)")
        checked += 1
        if abs(cents) > 35:
            bad += 1
    if checked < 2:
        sys.exit(f"FAIL: only {checked} notes could be checked")
    if bad:
        sys.exit(f"FAIL: {bad} of {checked} notes have the wrong pitch")
    print(f"  {checked} notes at the right pitch")


main()
