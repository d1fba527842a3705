#!/usr/bin/python3
"""Regenerates the sampler sounds in this folder (CC0; see README.md).

Every sound is synthesised here from sines and seeded noise: no recordings, no third-party
material. Run from this folder: /usr/bin/python3 make_samples.py
(the FLAC is converted from a WAV with sox).
"""
import math
import random
import struct
import subprocess
import wave

RATE = 48000


def write_wav(name, samples):
    peak = max(abs(s) for s in samples) or 1.0
    data = b"".join(struct.pack("<h", int(round(s / peak * 0.8 * 32767))) for s in samples)
    with wave.open(name, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data)


def midi_hz(m):
    return 440.0 * 2 ** ((m - 69) / 12)


def kalimba(root=72, seconds=1.6):
    """A thumb piano tine: fundamental, a 5.4x overtone that dies fast, a soft knock."""
    f = midi_hz(root)
    rnd = random.Random(7)
    out = []
    knock = 0.0
    for n in range(int(seconds * RATE)):
        t = n / RATE
        attack = min(1.0, t / 0.002)
        knock = 0.7 * knock + 0.3 * rnd.uniform(-1, 1)
        s = (math.sin(2 * math.pi * f * t) * math.exp(-t * 2.2)
             + 0.25 * math.sin(2 * math.pi * f * 5.4 * t) * math.exp(-t * 14)
             + 0.08 * knock * math.exp(-t * 90))
        release = min(1.0, (seconds - t) / 0.05)
        out.append(s * attack * release)
    return out


def glass(root=69, seconds=2.0):
    """A rubbed wine glass: slow swell, two close partials beating gently."""
    f = midi_hz(root)
    out = []
    for n in range(int(seconds * RATE)):
        t = n / RATE
        env = min(1.0, t / 0.25) * min(1.0, (seconds - t) / 0.4)
        s = math.sin(2 * math.pi * f * t) + 0.3 * math.sin(2 * math.pi * f * 1.003 * t) \
            + 0.08 * math.sin(2 * math.pi * f * 2.01 * t)
        out.append(s * env)
    return out


def hum(root=48, seconds=2.0):
    """A hummed low voice: a few harmonics with a formant-like tilt and slow vibrato."""
    f = midi_hz(root)
    amps = [1.0, 0.6, 0.45, 0.2, 0.1, 0.05]
    out = []
    phase = 0.0
    for n in range(int(seconds * RATE)):
        t = n / RATE
        phase += f * (1 + 0.003 * math.sin(2 * math.pi * 5 * t) * min(1.0, t / 0.5)) / RATE
        env = min(1.0, t / 0.12) * min(1.0, (seconds - t) / 0.3)
        s = sum(a * math.sin(2 * math.pi * (k + 1) * phase) for k, a in enumerate(amps))
        out.append(s * env)
    return out


if __name__ == "__main__":
    write_wav("kalimba-C5.wav", kalimba())
    write_wav("hum-C3.wav", hum())
    write_wav("glass-A4.tmp.wav", glass())
    subprocess.run(["sox", "glass-A4.tmp.wav", "glass-A4.flac"], check=True)
    import os
    os.remove("glass-A4.tmp.wav")
