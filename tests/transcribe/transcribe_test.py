#!/usr/bin/python3
"""graphony-cli transcribe end to end: a melody of 8 notes made with sox (plucked and
sine-with-harmonics notes, a repeated note, gaps) becomes a melody layer whose notes are
right in pitch (at least 7 of 8) with onsets within an eighth note; again with white noise
mixed in at 20 dB SNR. The layer is credited, plays in the render (aubio pitch check) and
is printed in the MusicXML export. --take reads a take from a bundle. A bad WAV fails
with one line naming the file and leaves the score untouched.

  transcribe_test.py GRAPHONY_CLI PITCH_WINDOWS_PY
"""
import csv
import hashlib
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import xml.etree.ElementTree as etree

CLI, PITCH_WINDOWS = sys.argv[1], sys.argv[2]
TEMPO = 120.0  # 0.5 s a beat; an eighth note is 0.5 beat = 0.25 s
EIGHTH_BEATS = 0.5
# (start s, length s, MIDI, timbre): in C major pentatonic, G3..G5 (the score's mapping).
MELODY = [
    (0.00, 0.40, 60, "pluck"),
    (0.50, 0.40, 62, "harm"),
    (1.00, 0.20, 64, "pluck"),
    (1.25, 0.20, 64, "pluck"),  # repeated note, 50 ms gap
    (1.75, 0.40, 67, "harm"),   # after a 300 ms rest
    (2.50, 0.40, 69, "pluck"),
    (3.00, 0.40, 72, "harm"),
    (3.50, 0.90, 67, "pluck"),
]
FAILURES = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def run(args, expect=0):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != expect:
        print("command:", " ".join(args), "\nstdout:", p.stdout, "\nstderr:", p.stderr)
        sys.exit(f"FAIL: exit {p.returncode}, expected {expect}")
    return p


def hz(midi):
    return 440.0 * 2 ** ((midi - 69) / 12)


def make_melody(work):
    parts = []
    for i, (start, length, midi, timbre) in enumerate(MELODY):
        f = hz(midi)
        part = os.path.join(work, f"note{i}.wav")
        if timbre == "pluck":
            synth = ["synth", str(length), "pluck", f"{f:.3f}"]
        else:  # a sine with its 2nd and 3rd harmonics
            synth = ["synth", str(length), "sine", f"{f:.3f}",
                     "synth", str(length), "sine", "mix", f"{2 * f:.3f}",
                     "synth", str(length), "sine", "mix", f"{3 * f:.3f}"]
        run(["sox", "-n", "-r", "44100", "-c", "1", "-b", "16", part] + synth +
            ["fade", "q", "0.005", str(length), "0.03", "vol", "0.4", "pad", str(start)])
        parts.append(part)
    clean = os.path.join(work, "melody.wav")
    mix = ["sox", "-m"]
    for p in parts:
        mix += ["-v", "1", p]
    run(mix + [clean, "pad", "0", "0.3"])
    return clean


def rms(path):
    out = run(["sox", path, "-n", "stat"]).stderr
    return float(re.search(r"RMS\s+amplitude:\s+([0-9.e-]+)", out).group(1))


def add_noise(work, clean, snr_db):
    """White noise scaled so signal power / noise power over the whole file is snr_db."""
    seconds = float(run(["soxi", "-D", clean]).stdout)
    noise = os.path.join(work, "noise.wav")
    run(["sox", "-n", "-r", "44100", "-c", "1", "-b", "16", noise, "synth", str(seconds),
         "whitenoise", "vol", "0.5"])
    gain = rms(clean) / (rms(noise) * 10 ** (snr_db / 20))
    noisy = os.path.join(work, "melody-noisy.wav")
    run(["sox", "-m", "-v", "1", clean, "-v", f"{gain:.6f}", noise, "-b", "16", noisy])
    measured = 20 * math.log10(rms(clean) / (rms(noise) * gain))
    print(f"noise mixed at {measured:.2f} dB SNR (gain {gain:.4f})")
    return noisy


def write_score(path, takes=None):
    score = {
        "format_version": 2, "title": "Transcribed", "tempo_bpm": TEMPO, "length_beats": 16,
        "contributors": [{"id": "c1", "name": "Maya", "credit_by_name": True,
                          "consent": ["group"]}],
        "mapping": {"scale": "major-pentatonic", "root": "C4", "lowest": "G3",
                    "highest": "G5"},
        "palette": [{"color": "#0072b2", "instrument": "soft-pad", "name": "Pad"},
                    {"color": "#e69f00", "instrument": "flute", "name": "Flute"}],
        "layers": [],
    }
    if takes:
        score["takes"] = takes
    with open(path, "w") as f:
        json.dump(score, f)


def layer_notes(score, layer):
    rows = csv.DictReader(io.StringIO(run([CLI, "events", score, "--csv"]).stdout))
    return [r for r in rows if int(r["layer"]) == layer]


def heard_onsets(stdout):
    return [float(m.group(1)) for m in re.finditer(r"heard\s+([0-9.]+) s", stdout)]


def score_melody(label, notes, at_beat, heard):
    """Matches each expected note with the layer's note nearest in time (within an eighth)."""
    right, errors = 0, []
    for start, _, midi, _ in MELODY:
        beat = at_beat + start * TEMPO / 60
        near = [n for n in notes if abs(float(n["start_beat"]) - beat) <= EIGHTH_BEATS + 1e-9]
        if not near:
            continue
        best = min(near, key=lambda n: abs(float(n["start_beat"]) - beat))
        if int(best["quantised_pitch"]) == midi:
            right += 1
            errors.append(abs(float(best["start_beat"]) - beat))
    raw = []
    for start, _, _, _ in MELODY:
        if heard:
            raw.append(min(abs(h - start) for h in heard))
    print(f"{label}: {right}/8 notes right in pitch within an eighth; {len(notes)} notes in the "
          f"layer; placed onset error max {max(errors, default=0):.3f} beat; heard onset error "
          f"median {sorted(raw)[len(raw) // 2] * 1000:.0f} ms, max {max(raw) * 1000:.0f} ms")
    check(right >= 7, f"{label}: at least 7 of 8 notes right ({right})")
    check(len(notes) <= 10, f"{label}: no flood of extra notes ({len(notes)})")
    check(max(raw) <= 0.25, f"{label}: every heard onset within an eighth note (0.25 s)")
    return right


def main():
    with tempfile.TemporaryDirectory(prefix="graphony-transcribe-") as work:
        clean = make_melody(work)
        noisy = add_noise(work, clean, 20.0)

        for label, wav in (("clean", clean), ("20 dB SNR", noisy)):
            score = os.path.join(work, "score.json")
            write_score(score)
            out = run([CLI, "transcribe", score, "--audio", wav, "--at", "4", "--colour", "1",
                       "--player", "Maya"]).stdout
            print(out.strip())
            notes = layer_notes(score, 0)
            score_melody(label, notes, 4.0, heard_onsets(out))
            check(all(n["contributor"] == "c1" for n in notes), f"{label}: credited to Maya")
            check(all(n["instrument"] == "1" for n in notes), f"{label}: painted in colour 1")

        # The last score (noisy) plays: its render holds the melody's pitches where placed.
        render = os.path.join(work, "render.wav")
        run([CLI, "render", score, "-o", render])
        windows = []
        for start, length, _, _ in MELODY:
            t = (4 + start * TEMPO / 60) * 60 / TEMPO
            windows.append(f"{t:.3f}:{t + min(length, 0.4):.3f}")
        p = subprocess.run(["/usr/bin/python3", PITCH_WINDOWS, render, "--windows",
                            ",".join(windows), "--expect",
                            ",".join(str(m) for _, _, m, _ in MELODY), "--tol", "0.6"],
                           capture_output=True, text=True)
        print(p.stdout.strip())
        heard_right = len(re.findall(r"\bok\b", p.stdout, re.I))
        check(p.returncode == 0 or heard_right >= 7,
              "render: aubio hears the transcribed melody at its place")

        # It prints: the MusicXML export holds the melody's pitches in order.
        xml = os.path.join(work, "out.musicxml")
        run([CLI, "export", score, "-o", xml])
        steps = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
        printed = []
        for note in etree.parse(xml).iter("note"):
            pitch = note.find("pitch")
            if pitch is None or note.find("tie[@type='stop']") is not None:
                continue
            alter = pitch.findtext("alter")
            printed.append(12 * (int(pitch.findtext("octave")) + 1) +
                           steps[pitch.findtext("step")] + (int(float(alter)) if alter else 0))
        expected = [m for _, _, m, _ in MELODY]
        matches = sum(1 for a, b in zip(printed, expected) if a == b)
        print(f"MusicXML pitches: {printed}")
        check(matches >= 7, f"MusicXML prints the melody ({matches} of 8 in order)")

        # --take: a take inside a bundle, placed at its start beat, credited to its players.
        folder = os.path.join(work, "bundle")
        os.makedirs(os.path.join(folder, "recordings"))
        write_score(os.path.join(folder, "score.json"),
                    [{"file": "recordings/take-1.wav", "name": "Take 1", "players": ["c1"],
                      "start_beat": 2}])
        bundle = os.path.join(work, "take.graphony")
        with zipfile.ZipFile(bundle, "w") as z:
            z.write(os.path.join(folder, "score.json"), "score.json")
            z.write(clean, "recordings/take-1.wav")
        out = run([CLI, "transcribe", bundle, "--take", "Take 1"]).stdout
        notes = layer_notes(bundle, 0)
        score_melody("take", notes, 2.0, heard_onsets(out))
        with zipfile.ZipFile(bundle) as z:
            saved = json.loads(z.read("score.json"))
            check("recordings/take-1.wav" in z.namelist(), "take: the recording is kept")
        check(saved["layers"][0]["name"] == "Take 1 (Maya)",
              f"take: the layer names the take and its player ({saved['layers'][0]['name']})")
        check(all(n["contributor"] == "c1" for n in notes), "take: credited to its player")

        # A bad WAV: one line naming the file, exit 1, the score untouched.
        bad = os.path.join(work, "broken.wav")
        with open(bad, "wb") as f:
            f.write(b"RIFF\x10\x00\x00\x00WAVEjunkjunkjunk")
        before = hashlib.sha256(open(score, "rb").read()).hexdigest()
        p = run([CLI, "transcribe", score, "--audio", bad, "--at", "0"], expect=1)
        lines = p.stderr.strip().splitlines()
        check(len(lines) == 1 and "broken.wav" in lines[0],
              f"bad WAV: one line naming the file ({p.stderr.strip()})")
        check(hashlib.sha256(open(score, "rb").read()).hexdigest() == before,
              "bad WAV: the score is unchanged")
        run([CLI, "transcribe", score, "--take", "nope"], expect=1)
        run([CLI, "transcribe", score, "--audio", clean], expect=2)
    if FAILURES:
        sys.exit(f"FAIL: {len(FAILURES)} check(s) failed")
    print("PASS")


main()
