#!/usr/bin/python3
"""Soundfont benchmark: a dense 2-minute chamber score (nine chamber instruments, ~5000
notes) rendered offline by Graphony's engine (its FluidSynth voices) against the `fluidsynth`
program rendering our own MIDI export of the same score with the same soundfont, in the same
run. Both without reverb/chorus, 48 kHz. CPU time (user+sys) of each whole process, median of
--runs after a warm-up. Two fluidsynth configurations: its default (loads every sample of the
soundfont, as `fluidsynth -F` does) and with synth.dynamic-sample-loading=1 (loads only the
presets the MIDI file selects, as Graphony does) - the fair render-only comparison.
Last line: `fluidsynth/graphony CPU ratio: R` (> 1: Graphony is faster), against the lazy peer.

  bench_gm.py [--build DIR] [--runs 3] [--workdir /tmp/perf-gm] [--soundfont FILE]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[3]
SOUNDFONTS = ["/usr/share/sounds/sf3/MuseScore_General_Lite.sf3", "/usr/share/sounds/sf2/TimGM6mb.sf2",
              "/usr/share/sounds/sf2/FluidR3_GM.sf2"]


def timed(cmd, env=None):
    pid = os.fork()
    if pid == 0:
        if env:
            os.environ.update(env)
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 2)
        out = os.open("/tmp/perf-gm-stdout", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.execvp(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed (status {status})")
    return usage.ru_utime + usage.ru_stime, Path("/tmp/perf-gm-stdout").read_text()


def read_wav(path):
    with wave.open(str(path)) as w:
        n, ch, width = w.getnframes(), w.getnchannels(), w.getsampwidth()
        raw = w.readframes(n)
    if width == 2:
        x = np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768
    elif width == 3:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3)
        x = ((b[:, 0].astype(np.int32) | (b[:, 1].astype(np.int32) << 8) | (b[:, 2].astype(np.int32) << 16)) << 8 >> 8) / 8388608
    else:
        x = np.frombuffer(raw, dtype="<i4").astype(np.float64) / 2147483648
    return x.reshape(-1, ch)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=str(REPO / "build"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workdir", default="/tmp/perf-gm")
    ap.add_argument("--soundfont")
    a = ap.parse_args()
    sf = a.soundfont or next((s for s in SOUNDFONTS if os.path.exists(s)), None)
    if not sf:
        sys.exit("no GM soundfont installed (musescore-general-soundfont-small)")
    if not shutil.which("fluidsynth"):
        sys.exit("the peer needs Debian's fluidsynth package")
    subprocess.run(["cmake", "--build", a.build, "-j2", "--target", "graphony-gm-bench"], check=True,
                   stdout=subprocess.DEVNULL)
    bench = Path(a.build) / "tools" / "bench" / "gm" / "graphony-gm-bench"
    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    env = {"GRAPHONY_SOUNDFONT": sf}
    mid = work / "chamber.mid"
    print(f"load average: {os.getloadavg()}")
    print(f"soundfont: {sf}")
    peers = {
        "graphony engine (whole process)": [str(bench), str(work)],
        "fluidsynth -F (default: all samples)": ["fluidsynth", "-ni", "-q", "-R", "0", "-C", "0", "-r", "48000",
                                                  "-F", str(work / "fluidsynth.wav"), sf, str(mid)],
        "fluidsynth -F (dynamic-sample-loading=1)": ["fluidsynth", "-ni", "-q", "-R", "0", "-C", "0", "-r", "48000",
                                                     "-o", "synth.dynamic-sample-loading=1",
                                                     "-F", str(work / "fluidsynth-lazy.wav"), sf, str(mid)],
    }
    timed(peers["graphony engine (whole process)"], env)  # warm-up, and writes chamber.mid
    results = {name: [] for name in peers}
    inner = []
    for _ in range(a.runs):
        for name, cmd in peers.items():
            cpu, out = timed(cmd, env)
            results[name].append(cpu)
            if name.startswith("graphony"):
                inner.append(json.loads(out))
    print(f"score: {inner[0]['notes']} notes, 2 minutes, nine chamber instruments")
    med = {name: statistics.median(v) for name, v in results.items()}
    for name, v in results.items():
        print(f"  {name:44s} median {med[name]:6.2f} s CPU   runs {' '.join(f'{x:.2f}' for x in v)}")
    print(f"  graphony render only (inside the process)    median "
          f"{statistics.median(r['render_cpu_s'] for r in inner):6.2f} s CPU")
    for wav in ["graphony.wav", "fluidsynth.wav", "fluidsynth-lazy.wav"]:
        x = read_wav(work / wav)
        print(f"  {wav:22s} {len(x) / 48000:6.1f} s  RMS {20 * np.log10(np.sqrt(np.mean(x ** 2)) + 1e-12):6.1f} dBFS")
    g = med["graphony engine (whole process)"]
    print(f"fluidsynth(all samples)/graphony CPU ratio: {med['fluidsynth -F (default: all samples)'] / g:.2f}")
    print(f"fluidsynth/graphony CPU ratio: {med['fluidsynth -F (dynamic-sample-loading=1)'] / g:.2f}")


if __name__ == "__main__":
    main()
