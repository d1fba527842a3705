#!/usr/bin/python3
"""The inverse-FFT bank path against an exact numpy sum of sines and against the oscillator path.

usage: bank_fft_test.py GRAPHONY_SYNTH_BENCH

Renders W(N) (N sines 55 Hz..7 kHz, amp 1/N, equal-power pan, 50 ms linear edge fades) for a
few seconds with the FFT path and with oscillators only (`osc`), computes the same signal
exactly in float64, and checks:
  * error spectrum: in every octave band, the FFT path's error (render - exact) is at least
    TOL_DB below the exact signal's level there; the whole-signal error too;
  * the FFT path against the oscillator path: correlation > 0.99999, error below TOL_DB;
  * the spectra agree: per octave band level within 0.01 dB.
"""
import struct
import sys
import tempfile
import subprocess
from pathlib import Path

import numpy as np

SR = 48000
TOL_DB = -60.0  # error energy relative to the signal, per octave band and overall


def read_float_wav(path):
    data = Path(path).read_bytes()
    pos, fmt, frames = 12, None, None
    while pos < len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if cid == b"fmt ":
            fmt = struct.unpack("<HHIIHH", body[:16])
        elif cid == b"data":
            frames = np.frombuffer(body, dtype="<f4")
        pos += 8 + size + (size & 1)
    if fmt is None or frames is None or fmt[1] != 2 or fmt[5] != 32:
        sys.exit(f"{path}: not a stereo 32-bit float WAV")
    return frames.reshape(-1, 2).astype(np.float64)


def exact_w(n, seconds):
    """W(n) as the engine defines it: its amplitude follows the bank's edge fade, sampled at
    every 64-frame block edge and linear in between (the oscillator path's envelope)."""
    frames = int(round(seconds * SR))
    t = np.arange(frames)
    fade = 0.05 * SR
    edges = np.arange(0, frames + 64, 64, dtype=np.float64)
    env_at = np.clip(np.minimum(edges / fade, (frames - edges) / fade), 0, 1)
    env_at[0] = 0.0  # the bank starts silent
    env = np.interp(t, edges, env_at)
    out = np.zeros((frames, 2))
    for i in range(n):
        f = 55.0 * 2.0 ** (7.0 * i / n)
        pan = 2.0 * i / (n - 1) - 1.0
        p = (pan + 1.0) * 0.25 * np.pi
        s = np.sin(2 * np.pi * f / SR * t) * env / n
        out[:, 0] += s * np.cos(p)
        out[:, 1] += s * np.sin(p)
    return out


def band_levels(x):
    """Energy per octave band (27.5 Hz .. 24 kHz) of each channel, in dB."""
    spec = np.abs(np.fft.rfft(x, axis=0)) ** 2
    freqs = np.fft.rfftfreq(x.shape[0], 1.0 / SR)
    bands = []
    lo = 27.5
    while lo < SR / 2:
        sel = (freqs >= lo) & (freqs < 2 * lo)
        bands.append((lo, 10 * np.log10(spec[sel].sum(axis=0) + 1e-30)))
        lo *= 2
    return bands


def main():
    bench = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, seconds in ((64, 2.0), (1024, 1.5)):
            fft_wav, osc_wav = f"{tmp}/f{n}.wav", f"{tmp}/o{n}.wav"
            subprocess.run([bench, "wn", str(n), fft_wav, str(seconds)], check=True,
                           stderr=subprocess.DEVNULL)
            subprocess.run([bench, "wn", str(n), osc_wav, str(seconds), "osc"], check=True,
                           stderr=subprocess.DEVNULL)
            got, osc = read_float_wav(fft_wav), read_float_wav(osc_wav)
            ref = exact_w(n, seconds)
            m = min(len(got), len(ref))
            got, osc, ref = got[:m], osc[:m], ref[:m]
            err = got - ref
            total = 10 * np.log10((err ** 2).sum() / (ref ** 2).sum())
            vs_osc = 10 * np.log10(((got - osc) ** 2).sum() / (osc ** 2).sum())
            osc_err = 10 * np.log10(((osc - ref) ** 2).sum() / (ref ** 2).sum())
            corr = min(np.corrcoef(got[:, c], osc[:, c])[0, 1] for c in range(2))
            print(f"W({n}) {seconds} s: FFT path error vs exact {total:.1f} dB, oscillators "
                  f"vs exact {osc_err:.1f} dB, FFT vs oscillators {vs_osc:.1f} dB, "
                  f"correlation {corr:.7f}")
            if total > TOL_DB:
                failures.append(f"W({n}): FFT error {total:.1f} dB > {TOL_DB} dB")
            if vs_osc > TOL_DB or corr < 0.99999:
                failures.append(f"W({n}): FFT vs oscillators {vs_osc:.1f} dB, corr {corr}")
            worst_band, worst_level = -999.0, 0.0
            bands = band_levels(ref)
            loudest = max(lr.max() for _, lr in bands)
            for (lo, lr), (_, le), (_, lg) in zip(bands, band_levels(err), band_levels(got)):
                if lr.min() < loudest - 30:
                    continue  # a band the partials do not reach (only fade transients there)
                rel = (le - lr).max()
                worst_band = max(worst_band, rel)
                worst_level = max(worst_level, np.abs(lg - lr).max())
                if rel > TOL_DB:
                    failures.append(f"W({n}): band {lo:.0f} Hz error {rel:.1f} dB")
            print(f"  worst octave band: error {worst_band:.1f} dB relative to the band; "
                  f"band level difference {worst_level:.4f} dB")
            if worst_level > 0.01:
                failures.append(f"W({n}): band levels differ by {worst_level:.4f} dB")
    if failures:
        for f in failures:
            print("FAIL:", f)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
