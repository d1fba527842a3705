#!/usr/bin/python3
"""graphony-cli maps libaubio only when it hears a pitch: --help and a render of a new score
(synth voices) do not load it, while transcribe of a sox-made tone does (dlopen on first use).
The dynamic loader's own record (LD_DEBUG=files) says which libraries a run mapped.

  lazy_libs_test.py GRAPHONY_CLI
"""
import os
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
FAILURES = []


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
    libs = loaded([CLI, "render", score, "-o", os.path.join(work, "x.wav"), "--quiet"])
    check(not has(libs, "libaubio"), "a render of synth voices does not load libaubio")
    tone = os.path.join(work, "a.wav")
    subprocess.run(["sox", "-n", "-r", "44100", "-c", "1", "-b", "16", tone,
                    "synth", "0.5", "sine", "440", "vol", "0.5"], check=True)
    libs = loaded([CLI, "transcribe", score, "--audio", tone, "--at", "0"])
    check(has(libs, "libaubio.so.5"), "transcribe loads libaubio when it hears the tone")

print(f"{4 - len(FAILURES)} passed, {len(FAILURES)} failed")
sys.exit(1 if FAILURES else 0)
