#!/usr/bin/python3
"""Synthesis benchmark: W(N) (../../../shared/bench/README.md: N sines, 60 s, 48 kHz stereo
float) through `graphony-cli render` and through scsynth NRT and Csound in the same run,
then a 4000x2000 image rendered to 30 s. Prints ns per voice-sample for each engine; the
last lines are `N=...: graphony/scsynth speed ratio: R` per N and then
`graphony/scsynth speed ratio: R` (CPU time, at the largest N). The load average is printed
before and after: the machine is shared, so only same-run ratios mean anything.

  bench_synth.py [--n 64,256,1024] [--runs 3] [--runs-big 3] [--warmup 1] [--build DIR]
                 [--engines scsynth,csound-oscili,graphony,graphony-direct]
                 [--workdir /tmp/perf-synth] [--shared /work/shared/bench] [--no-image]
                 [--baseline DIR]   # also time DIR/graphony-synth-bench (e.g. main's) on the image
                 [--baseline-cli PATH]  # also time another graphony-cli (e.g. before issue 20)
                 [--image-runs 5]   # Graphony's picture runs, interleaved; the median is reported
                 [--image-only]     # the picture alone; its last line is then
                                    # `4000x2000 image: graphony-cli/Csound speed ratio: R`

W(N) in Graphony: a scan-mode score whose image has N opaque white pixel rows on a transparent
sheet (a one-pixel transparent frame: on a transparent sheet coverage is loudness), read at
its own height (`--rows`, up to 4096: beyond that rows are averaged and W(N) cannot be made
from a picture), `--scale none --range 55Hz..7040Hz`, 60 beats at 60 bpm, rendered with
`--dry` (no reverb, no normalisation, each row at 1/N): the levels bench.py checks against
the analytic RMS. `graphony-direct` is the same bank built in C++
without score loading (tools/bench/synth/synth_bench.cpp), for reference.
Installs csound and supercollider-server with apt if they are missing (needs root).
"""
import argparse
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def ensure_peers():
    if shutil.which("csound") and shutil.which("scsynth"):
        return
    print("installing csound and supercollider-server (apt)...", file=sys.stderr)
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "csound", "supercollider-server"],
                   check=True, stdout=subprocess.DEVNULL)


def build(build_dir):
    subprocess.run(["cmake", "-S", str(REPO), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release"], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(build_dir), "-j2", "--target", "graphony-cli", "graphony-synth-bench"],
                   check=True, stdout=subprocess.DEVNULL)
    return build_dir / "graphony-cli", build_dir / "tools" / "bench" / "synth" / "graphony-synth-bench"


def write_png(path, width, height, pixel_row, channels=3):
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        raw.extend(pixel_row(y))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    colour_type = {3: 2, 4: 6}[channels]  # RGB or RGBA, 8 bits
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(raw), 6)) + chunk(b"IEND", b"")
    Path(path).write_bytes(png)


MAX_SCAN_ROWS = 4096  # an image layer's explicit rows, at most (docs/score-format.md)


def bright_rows_png(path, n, width=1024):
    """n opaque white rows on a transparent sheet (a one-pixel transparent frame).

    On a transparent sheet a cell's loudness is its coverage (docs/interpretation.md), so each
    row sounds at full strength whatever the rest of the picture is; a black frame would make
    the white block "a painting filling its canvas", whose level follows contrast (a uniform
    block is a quiet bed, -18 dB), not W(N)'s equal partials. Returns the scan rows to ask for:
    the picture's height, so that no two rows are averaged into one.
    """
    clear = bytes(4 * width)
    inner = bytes(4) + b"\xff" * (4 * (width - 2)) + bytes(4)
    write_png(path, width, n + 2, lambda y: clear if y in (0, n + 1) else inner, channels=4)
    return min(n + 2, MAX_SCAN_ROWS)


def cpu_run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {cmd}\n{err.decode(errors='replace')[-400:]}")
    return ru.ru_utime + ru.ru_stime, time.perf_counter() - t0


def picture(a, cli, direct, work):
    """The 4000x2000 image to 30 s: graphony-cli (the whole path: decode, interpret, render,
    normalise, write) and the engine driven directly, each run a.image_runs times interleaved
    (median CPU), and Csound's oscillator bank once (it takes ~10 s). Last line: the ratio of
    Csound's CPU time to graphony-cli's median."""
    img = work / "img"
    img.mkdir(parents=True, exist_ok=True)
    pgm, png = img / "big.pgm", img / "big.png"
    subprocess.run([sys.executable, str(Path(a.shared) / "image_workload.py"), "make", "4000", "2000", str(pgm)],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["convert", str(pgm), str(png)], check=True)
    subprocess.run([str(cli), "new", str(img / "big.graphony"), "--image", str(png), "--mode", "scan",
                    "--scale", "none", "--range", "55Hz..12000Hz", "--tempo", "60", "--beats", "30",
                    "--instrument", "sine", "--force"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, str(Path(a.shared) / "image_workload.py"), "csd", str(pgm),
                    str(img / "big"), "30"], check=True, stdout=subprocess.DEVNULL)
    runs = max(1, a.image_runs)
    print(f"\n4000x2000 image -> 30 s of audio (CPU seconds; Graphony median of {runs} interleaved runs, "
          f"min..max; Csound one run):")
    commands = {"cli": f"{cli} render {img}/big.graphony -o {img}/g.wav --no-reverb --quiet",
                "direct": f"{direct} pgm {pgm} 30 {img}/d.wav"}
    if a.baseline:
        commands["baseline"] = f"{Path(a.baseline) / 'graphony-synth-bench'} pgm {pgm} 30 {img}/b.wav"
    if a.baseline_cli:
        commands["baseline-cli"] = f"{a.baseline_cli} render {img}/big.graphony -o {img}/gb.wav --no-reverb --quiet"
    times = {k: [] for k in commands}
    for _ in range(runs):
        for k, cmd in commands.items():
            times[k].append(cpu_run(cmd))

    def summary(k):
        cpu = sorted(c for c, _ in times[k])
        wall = statistics.median(w for _, w in times[k])
        return statistics.median(cpu), f"{statistics.median(cpu):.3f} s cpu ({cpu[0]:.3f}..{cpu[-1]:.3f}), {wall:.3f} s wall"

    cli_cpu, text = summary("cli")
    print(f"  graphony-cli render (scan mode, 55 Hz..12 kHz as MIDI ends at 127; interpretation caps "
          f"it at 1024 rows x 2048 columns): {text}")
    print(f"  graphony engine direct, every pixel row (2000 partials x 4000 columns, 55 Hz..16 kHz): "
          f"{summary('direct')[1]}")
    if a.baseline:
        print(f"  baseline {a.baseline}/graphony-synth-bench, same workload: {summary('baseline')[1]}")
    if a.baseline_cli:
        base_cpu, text = summary("baseline-cli")
        print(f"  baseline {a.baseline_cli} render, same score: {text} "
              f"(graphony-cli {base_cpu / cli_cpu:.2f}x faster)")
    c, w = cpu_run(f"cd {img} && csound -d -m0 --nodisplays -o c.wav big.csd")
    print(f"  Csound oscillator bank per pixel row (2000 rows): {c:.2f} s cpu, {w:.2f} s wall")
    print(f"4000x2000 image: graphony-cli/Csound speed ratio: {c / cli_cpu:.1f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", default="64,256,1024")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--runs-big", type=int, default=3)
    ap.add_argument("--build", default=str(REPO / "build-bench"))
    ap.add_argument("--workdir", default="/tmp/perf-synth")
    ap.add_argument("--shared", default="/work/shared/bench")
    ap.add_argument("--no-image", action="store_true")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--engines", default="scsynth,csound-oscili,graphony,graphony-direct")
    ap.add_argument("--baseline", default=None,
                    help="directory with another build's graphony-synth-bench, timed on the image")
    ap.add_argument("--reuse-wn", action="store_true",
                    help="skip the W(N) runs and report WORKDIR/results.json from an earlier run")
    ap.add_argument("--baseline-cli", default=None,
                    help="another build's graphony-cli, timed on the same picture score")
    ap.add_argument("--image-runs", type=int, default=5,
                    help="runs of each Graphony picture render (interleaved; median reported)")
    ap.add_argument("--image-only", action="store_true",
                    help="only the 4000x2000 picture; the last line is its ratio against Csound")
    a = ap.parse_args()

    print(f"load average at start: {os.getloadavg()}")
    ensure_peers()
    cli, direct = build(Path(a.build))
    work = Path(a.workdir)
    wl = work / "wl"
    wl.mkdir(parents=True, exist_ok=True)
    ns = [int(x) for x in a.n.split(",")]
    for n in ns:
        png = wl / f"w{n}.png"
        rows = bright_rows_png(png, n)
        subprocess.run([str(cli), "new", str(wl / f"w{n}.graphony"), "--image", str(png), "--mode", "scan",
                        "--rows", str(rows), "--scale", "none", "--range", "55Hz..7040Hz", "--tempo", "60",
                        "--beats", "60", "--instrument", "sine", "--force"], check=True, stdout=subprocess.DEVNULL)

    results_path = work / "results.json"
    if a.image_only:
        picture(a, cli, direct, work)
        return
    if not a.reuse_wn:
        cmd = [sys.executable, str(Path(a.shared) / "bench.py"), "--n", a.n, "--runs", str(a.runs),
               "--runs-big", str(a.runs_big), "--workdir", str(work),
               "--engines", a.engines, "--warmup", str(a.warmup),
               "--engine", f"graphony={cli} render {{wl}}.graphony -o {{out}} --dry --bits 32 --quiet",
               "--engine", f"graphony-direct={direct} wn {{n}} {{out}}",
               "--json", str(results_path)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    results = json.load(open(results_path))

    print("| engine | N | cpu s (median) | ns / voice-sample | output check |")
    print("|---|---|---|---|---|")
    for r in results:
        if "cpu_med" in r:
            print(f"| {r['engine']} | {r['n']} | {r['cpu_med']:.2f} | {r['ns_vs']:.3f} | {r['check'][:70]} |")
        else:
            print(f"| {r['engine']} | {r['n']} | - | - | {r['check'][:70]} |")

    if not a.no_image:
        picture(a, cli, direct, work)

    print(f"load average at end: {os.getloadavg()}")

    def pick(engine, n):
        return next((r for r in results if r["engine"] == engine and r["n"] == n and "cpu_med" in r), None)

    def graphony_at(n):
        # The score through graphony-cli when it ran and passed the output check, else the
        # engine driven directly (synth_bench.cpp: exactly W(N), no interpretation).
        g = pick("graphony", n)
        if g and g["check"].startswith("ok"):
            return g
        return pick("graphony-direct", n) or g

    ratio = None
    for n in ns:
        g, sc = graphony_at(n), pick("scsynth", n)
        if g and sc:
            ok = g["check"].startswith("ok") and sc["check"].startswith("ok")
            ratio = sc["cpu_med"] / g["cpu_med"]
            print(f"N={n}: {g['engine']}/scsynth speed ratio: {ratio:.1f}"
                  + ("" if ok else " (an output check failed: not comparable)"))
    nmax = max(ns)
    g, sc = graphony_at(nmax), pick("scsynth", nmax)
    if not g or not sc:
        sys.exit(f"graphony/scsynth speed ratio: unavailable (a run failed at N={nmax})")
    print(f"\nN={nmax}: {g['engine']} {g['ns_vs']:.3f} ns/voice-sample, scsynth {sc['ns_vs']:.3f}")
    print(f"graphony/scsynth speed ratio: {sc['cpu_med'] / g['cpu_med']:.1f}")

if __name__ == "__main__":
    main()
