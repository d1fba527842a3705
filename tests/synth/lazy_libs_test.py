#!/usr/bin/python3
"""graphony-cli maps libaubio only when it hears a pitch and libfluidsynth only when a
soundfont instrument plays: --help and a render of a new score (synth voices) load neither,
transcribe of a sox-made tone loads aubio, and a render of a cello (the packaged General MIDI
soundfont) loads FluidSynth and sounds (dlopen on first use). The dynamic loader's own record
(LD_DEBUG=files) says which libraries a run mapped.

  lazy_libs_test.py GRAPHONY_CLI
"""
import os
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cello_score import write_cello_score  # noqa: E402

CLI = sys.argv[1]
FAILURES = []
SOUNDFONT = "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3"  # the packaged default


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def loaded(args, expect=0):
    """The sonames the loader mapped while running args (LD_DEBUG=files to a file)."""
    with tempfile.TemporaryDirectory() as log_dir:
        env = dict(os.environ, LD_DEBUG="files", LD_DEBUG_OUTPUT=os.path.join(log_dir, "ld"))
        p = subprocess.run(args, capture_output=True, text=True, env=env)
        if p.returncode != expect:
            print("command:", " ".join(args), "\nstdout:", p.stdout, "\nstderr:", p.stderr)
            sys.exit(f"FAIL: exit {p.returncode}, expected {expect}")
        names = set()
        for log in os.listdir(log_dir):
            with open(os.path.join(log_dir, log), errors="replace") as f:
                for line in f:
                    if "file=" in line:
                        names.add(line.split("file=", 1)[1].split()[0])
        return names


def has(names, stem):
    return any(n.startswith(stem) for n in names)


with tempfile.TemporaryDirectory() as work:
    score = os.path.join(work, "s.graphony")
    subprocess.run([CLI, "new", score], check=True, capture_output=True)
    libs = loaded([CLI, "--help"])
    check(has(libs, "libc.so"), "LD_DEBUG=files records the libraries a run maps")
    check(not has(libs, "libaubio"), "--help does not load libaubio")
    check(not has(libs, "libfluidsynth"), "--help does not load libfluidsynth")
    libs = loaded([CLI, "render", score, "-o", os.path.join(work, "x.wav"), "--quiet"])
    check(not has(libs, "libaubio"), "a render of synth voices does not load libaubio")
    check(not has(libs, "libfluidsynth"), "a render of synth voices does not load libfluidsynth")
    if os.path.isfile(SOUNDFONT):
        cello = os.path.join(work, "cello.graphony")
        write_cello_score(cello, title="Cello")
        out = os.path.join(work, "cello.wav")
        libs = loaded([CLI, "render", cello, "-o", out, "--bits", "16", "--dry", "--quiet"])
        check(has(libs, "libfluidsynth.so.3"), "a cello render loads libfluidsynth")
        with wave.open(out) as w:
            frames = w.readframes(w.getnframes())
        peak = max(abs(int.from_bytes(frames[i:i + 2], "little", signed=True))
                   for i in range(0, len(frames), 2))
        check(peak > 300, f"the cello sounds through it (peak {peak} of 32768, silence is 0)")
    else:
        print(f"note: {SOUNDFONT} not installed, the soundfont half is not checked")
    tone = os.path.join(work, "a.wav")
    subprocess.run(["sox", "-n", "-r", "44100", "-c", "1", "-b", "16", tone,
                    "synth", "0.5", "sine", "440", "vol", "0.5"], check=True)
    libs = loaded([CLI, "transcribe", score, "--audio", tone, "--at", "0"])
    check(has(libs, "libaubio.so.5"), "transcribe loads libaubio when it hears the tone")

print(f"{len(FAILURES)} failed")
sys.exit(1 if FAILURES else 0)
