"""Pitch of a note from the strongest spectral peak (Hann window, log-parabolic refinement),
for the script tests that check recorded or exported audio against the score's notes."""
import numpy as np


def peak_midi(x, rate):
    """MIDI pitch (fractional) of the strongest frequency above 50 Hz in x."""
    w = x * np.hanning(len(x))
    n = 1 << 17
    spec = np.abs(np.fft.rfft(w, n))
    lo = int(50 * n / rate)
    k = lo + int(np.argmax(spec[lo:]))
    a, b, c = np.log(spec[k - 1] + 1e-12), np.log(spec[k] + 1e-12), np.log(spec[k + 1] + 1e-12)
    k = k + 0.5 * (a - c) / (a - 2 * b + c)
    f = k * rate / n
    return 69 + 12 * np.log2(f / 440.0)
