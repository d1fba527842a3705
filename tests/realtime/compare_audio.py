#!/usr/bin/python3
"""Compare a live recording with the offline render of the same score (numpy).

  compare_audio.py LIVE.wav REFERENCE.wav [--max-lag FRAMES] [--min-corr 0.98] [--seconds S]

Finds the lag (in frames) that best aligns LIVE with REFERENCE by cross-correlation of the
mono mixes, then checks |lag| <= --max-lag and the normalised correlation over the
overlapping part (up to --seconds) >= --min-corr. Prints the figures; exit 0/1.
Reads WAV (PCM 16/24/32 or float 32) with the standard library's wave module or raw parsing.
"""
import argparse
import struct
import sys

import numpy as np


def read_wav_channels(path):
    """(frames x channels float array, rate)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        sys.exit(f"{path}: not a WAV file")
    pos, fmt, frames = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if cid == b"fmt ":
            tag, ch, rate, _, _, bits = struct.unpack("<HHIIHH", body[:16])
            if tag == 0xFFFE:
                tag = struct.unpack("<H", body[24:26])[0]
            fmt = (tag, ch, rate, bits)
        elif cid == b"data":
            frames = body
        pos += 8 + size + (size & 1)
    if fmt is None or frames is None:
        sys.exit(f"{path}: missing fmt or data chunk")
    tag, ch, rate, bits = fmt
    if tag == 3 and bits == 32:
        x = np.frombuffer(frames, dtype="<f4").astype(np.float64)
    elif tag == 1 and bits == 16:
        x = np.frombuffer(frames, dtype="<i2") / 32768.0
    elif tag == 1 and bits == 24:
        b = np.frombuffer(frames[: len(frames) // 3 * 3], dtype=np.uint8).reshape(-1, 3)
        v = (b[:, 0].astype(np.int32) | (b[:, 1].astype(np.int32) << 8) | (b[:, 2].astype(np.int32) << 16))
        v = np.where(v >= 1 << 23, v - (1 << 24), v)
        x = v / float(1 << 23)
    elif tag == 1 and bits == 32:
        x = np.frombuffer(frames, dtype="<i4") / 2147483648.0
    else:
        sys.exit(f"{path}: unsupported WAV encoding tag={tag} bits={bits}")
    return x[: len(x) // ch * ch].reshape(-1, ch), rate


def read_wav(path):
    """(mono mix, rate)."""
    x, rate = read_wav_channels(path)
    return x.mean(axis=1), rate


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("live")
    ap.add_argument("reference")
    ap.add_argument("--max-lag", type=int, default=256)
    ap.add_argument("--min-corr", type=float, default=0.98)
    ap.add_argument("--seconds", type=float, default=3.0)
    a = ap.parse_args()
    live, r1 = read_wav(a.live)
    ref, r2 = read_wav(a.reference)
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
