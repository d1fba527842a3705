"""Reads WAV files (PCM 16/24/32 or float 32, WAVE_FORMAT_EXTENSIBLE too) into numpy arrays
for the audio-analysing script tests (tests/realtime, tests/editor_audio, tools/bench/realtime)."""
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


def read_wav_mono(path):
    """(mono mix, rate)."""
    x, rate = read_wav_channels(path)
    return x.mean(axis=1), rate
