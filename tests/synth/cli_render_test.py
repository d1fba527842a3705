#!/usr/bin/python3
"""graphony-cli render through the real pipeline (new -> LoadScore -> Interpret -> render),
checked with third-party tools: aubiopitch (yin) for pitches, sox/soxi for lengths, rates,
formats and peaks. Usage: cli_render_test.py GRAPHONY_CLI"""
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from cli_run import run_cli  # noqa: E402

CLI = sys.argv[1]
STAIRS = [60, 62, 64, 65, 67, 69, 71, 72]


def write_png(path, width, height, pixel):
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixel(x, y))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    Path(path).write_bytes(png)


def run(*args, expect=0):
    return run_cli(CLI, *args, expect=expect, timeout=120)


def stats(path):
    err = subprocess.run(["sox", str(path), "-n", "stats"], capture_output=True, text=True).stderr
    out = {}
    for line in err.splitlines():
        if line.startswith("Pk lev dB"):
            out["peak_db"] = float(line.split()[3])
        if line.startswith("RMS lev dB"):
            out["rms_db"] = [float(x) for x in line.split()[3:6]]
    return out


def soxi(flag, path):
    return subprocess.run(["soxi", flag, str(path)], capture_output=True, text=True, check=True).stdout.strip()


def aubio_midi(path, seconds):
    """Median yin pitch per one-second window (middle 60%)."""
    out = subprocess.run(["aubiopitch", "-u", "midi", "-p", "yin", "-i", str(path)],
                         capture_output=True, text=True, check=True).stdout
    frames = [tuple(map(float, l.split())) for l in out.splitlines() if l.strip()]
    medians = []
    for i in range(seconds):
        vals = sorted(p for t, p in frames if i + 0.2 <= t < i + 0.8 and p > 0)
        medians.append(vals[len(vals) // 2] if vals else float("nan"))
    return medians


def main():
    work = Path(tempfile.mkdtemp(prefix="graphony-render-"))
    try:
        png = work / "stairs.png"
        write_png(png, 400, 300, lambda x, y: (255, 255, 255) if x * 8 // 400 == 7 - y * 8 // 300 else (0, 0, 0))
        for inst in ["sine", "flute"]:
            score = work / f"{inst}.graphony"
            run("new", str(score), "--image", str(png), "--scale", "major", "--root", "C4", "--range", "C4..C5",
                "--tempo", "60", "--beats", "8", "--mode", "notes", "--instrument", inst)
            wav = work / f"{inst}.wav"
            run("render", str(score), "-o", str(wav), "--no-reverb")
            got = aubio_midi(wav, 8)
            assert all(abs(g - w) < 0.05 for g, w in zip(got, STAIRS)), f"{inst}: pitches {got}"
            # 8 beats at 60 bpm + 2 s release tail, 24-bit 48 kHz stereo.
            assert soxi("-s", wav) == str(10 * 48000), soxi("-s", wav)
            assert soxi("-b", wav) == "24" and soxi("-r", wav) == "48000" and soxi("-c", wav) == "2"

        score = work / "flute.graphony"
        # Default: reverb on, 3 s tail, peak at or below -1 dBFS; identical bytes every time.
        a, b = work / "a.wav", work / "b.wav"
        run("render", str(score), "-o", str(a))
        run("render", str(score), "-o", str(b))
        assert a.read_bytes() == b.read_bytes(), "render is not deterministic"
        assert soxi("-s", a) == str(11 * 48000)
        s = stats(a)
        assert s["peak_db"] <= -1.0, s
        assert s["rms_db"][0] > -40, s

        for rate in [22050, 44100, 96000, 192000]:
            out = work / f"r{rate}.flac"
            run("render", str(score), "-o", str(out), "--rate", str(rate), "--to", "2", "--no-reverb")
            assert soxi("-r", out) == str(rate) and soxi("-s", out) == str(4 * rate), (rate, soxi("-s", out))
            assert soxi("-t", out) == "flac" and soxi("-b", out) == "24"
        ogg = work / "x.ogg"
        run("render", str(score), "-o", str(ogg), "--quality", "3", "--from", "2", "--to", "4")
        assert soxi("-t", ogg) == "vorbis", soxi("-t", ogg)

        # Stems: one file per instrument that plays.
        r = run("render", str(score), "--stems", str(work / "stems"))
        stems = sorted(os.listdir(work / "stems"))
        assert len(stems) == 1 and stems[0].startswith("1-") and stems[0].endswith(".wav"), stems
        assert soxi("-s", work / "stems" / stems[0]) == str(11 * 48000)
        assert str(work / "stems" / stems[0]) in r.stdout, r.stdout

        # Scan mode, dry: an all-bright 64-row image gives the analytic RMS of 64 sines at 1/64.
        n, w = 64, 400
        scan_png = work / "bright.png"
        # (the bright rows sit on a black ground two thirds of the picture, so they keep full
        # strength: inside a painting that fills the canvas the level would follow contrast)
        write_png(scan_png, w, 3 * n, lambda x, y: (255, 255, 255) if 0 < x < w - 1 and n <= y < 2 * n else (0, 0, 0))
        scan = work / "scan.graphony"
        run("new", str(scan), "--image", str(scan_png), "--mode", "scan", "--scale", "none",
            "--range", "55Hz..7040Hz", "--tempo", "60", "--beats", "10", "--instrument", "sine")
        scan_wav = work / "scan.wav"
        run("render", str(scan), "-o", str(scan_wav), "--dry", "--bits", "32")
        want = 20 * math.log10(math.sqrt(n / 2 * 0.5) / n)  # half the power per side (equal-power pan)
        got = stats(scan_wav)["rms_db"]
        # The last beat of ten fades out (about -0.2 dB on the whole file).
        assert abs(got[1] - want) < 0.45 and abs(got[2] - want) < 0.45, (got, want)
        assert soxi("-s", scan_wav) == str(10 * 48000)

        # Errors: unknown format (usage), unwritable output, bad score; existing output kept.
        r = run("render", str(score), "-o", str(work / "x.mp4"), expect=2)
        assert "unknown audio format '.mp4'" in r.stderr, r.stderr
        r = run("render", str(score), "-o", "/nonexistent-dir/x.wav", expect=1)
        assert "/nonexistent-dir/x.wav: cannot write here" in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr
        keep = work / "keep.wav"
        keep.write_bytes(b"an earlier render")
        bad = work / "bad.json"
        bad.write_text("{ not json")
        r = run("render", str(bad), "-o", str(keep), expect=1)
        assert keep.read_bytes() == b"an earlier render"
        assert str(bad) in r.stderr, r.stderr
        run("render", str(score), "-o", str(keep), "--rate", "1000", expect=2)
        run("render", str(score), expect=2)
        assert keep.read_bytes() == b"an earlier render"
        print("PASS")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
