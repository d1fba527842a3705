#!/usr/bin/python3
"""Compare a live recording with the offline render of the same score (numpy).

  compare_audio.py LIVE.wav REFERENCE.wav [--max-lag FRAMES] [--min-corr 0.98] [--seconds S]

Finds the lag (in frames) that best aligns LIVE with REFERENCE by cross-correlation of the
mono mixes, then checks |lag| <= --max-lag and the normalised correlation over the
overlapping part (up to --seconds) >= --min-corr. Prints the figures; exit 0/1.
Reads WAV (PCM 16/24/32 or float 32) with tests/support/wav_file.py.
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from wav_file import read_wav_channels, read_wav_mono  # noqa: E402  (spectrum_check imports these too)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("live")
    ap.add_argument("reference")
    ap.add_argument("--max-lag", type=int, default=256)
    ap.add_argument("--min-corr", type=float, default=0.98)
    ap.add_argument("--seconds", type=float, default=3.0)
    a = ap.parse_args()
    live, r1 = read_wav_mono(a.live)
    ref, r2 = read_wav_mono(a.reference)
    if r1 != r2:
        sys.exit(f"FAIL rates differ: {r1} vs {r2}")
    n = int(a.seconds * r1)
    seg_ref = ref[:n]
    span = min(len(live), n + abs(a.max_lag) + 1)
    # Cross-correlation via FFT over candidate lags (live[t + lag] ~ ref[t]).
    size = 1 << int(np.ceil(np.log2(span + len(seg_ref))))
    xc = np.fft.irfft(np.fft.rfft(live[:span], size) * np.conj(np.fft.rfft(seg_ref, size)), size)
    lags = np.concatenate([np.arange(0, a.max_lag + 1), np.arange(-min(a.max_lag, size // 2), 0)])
    best = max(lags, key=lambda l: xc[l % size])
    if best >= 0:
        x, y = live[best:best + n], seg_ref
    else:
        x, y = live[: n + best], seg_ref[-best:]
    m = min(len(x), len(y))
    x, y = x[:m], y[:m]
    corr = float(np.dot(x, y) / (np.sqrt(np.dot(x, x) * np.dot(y, y)) + 1e-12))
    ok = corr >= a.min_corr and abs(best) <= a.max_lag and m > 0.5 * r1
    print(f"lag {best} frames ({1000.0 * best / r1:.2f} ms), correlation {corr:.4f} over {m / r1:.2f} s: "
          f"{'PASS' if ok else 'FAIL'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
