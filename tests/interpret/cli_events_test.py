#!/usr/bin/python3
"""The issue's acceptance example through the real CLI: a staircase PNG made into a score with
`graphony-cli new`, then `graphony-cli events --csv` must list exactly C4 D4 E4 F4 G4 A4 B4 C5,
one beat each, at beats 0..7. Also: the table form, a blank picture, and bad input."""
import csv
import io
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from cli_run import run_cli  # noqa: E402


def write_png(path, width, height, pixel):
    """RGB PNG with stdlib only; pixel(x, y) -> (r, g, b), y = 0 is the top row."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)  # filter: none
        for x in range(width):
            raw.extend(pixel(x, y))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    Path(path).write_bytes(png)


def staircase(width, height, bright=(255, 255, 255)):
    def pixel(x, y):
        band = 7 - y * 8 // height  # band 0 at the bottom
        return bright if x * 8 // width == band else (0, 0, 0)
    return pixel


def run(cli, *args, expect=0):
    return run_cli(cli, *args, expect=expect, timeout=60)


def main():
    cli = sys.argv[1]
    work = Path(tempfile.mkdtemp(prefix="graphony-events-"))
    try:
        expected = [60, 62, 64, 65, 67, 69, 71, 72]
        names = ["C4", "D4", "E4", "F4", "G4", "A4", "B4", "C5"]
        # The example size, plus sizes whose block edges fall between pixels once resampled.
        for width, height, colour in [(800, 600, (255, 255, 255)), (1000, 1000, (240, 200, 40)), (203, 77, (255, 255, 255))]:
            png = work / f"stairs-{width}x{height}.png"
            score = work / f"s-{width}x{height}.graphony"
            write_png(png, width, height, staircase(width, height, colour))
            run(cli, "new", str(score), "--image", str(png), "--scale", "major", "--root", "C4",
                "--range", "C4..C5", "--tempo", "60", "--beats", "8", "--mode", "notes")
            out = run(cli, "events", str(score), "--csv").stdout
            rows = list(csv.DictReader(io.StringIO(out)))
            header = out.splitlines()[0].split(",")
            for column in ["start_beat", "duration_beat", "pitch", "velocity", "instrument", "layer",
                           "quantised_pitch", "note", "contributor", "sounding"]:
                assert column in header, f"missing column {column} in {header}"
            got = [(float(r["start_beat"]), float(r["duration_beat"]), float(r["pitch"]), r["note"]) for r in rows]
            want = [(float(i), 1.0, float(p), n) for i, (p, n) in enumerate(zip(expected, names))]
            assert got == want, f"{width}x{height}: got {got}\nwant {want}"
            assert all(r["sounding"] == "yes" and r["layer"] == "0" for r in rows), rows
            assert len({r["instrument"] for r in rows}) == 1, rows
            assert all(0 < float(r["velocity"]) <= 1 for r in rows), rows

        # Without --csv: an aligned table a facilitator can read.
        table = run(cli, "events", str(work / "s-800x600.graphony")).stdout
        lines = table.splitlines()
        assert lines[0].split()[:6] == ["start_beat", "duration_beat", "pitch", "velocity", "instrument", "layer"], lines[0]
        assert len(lines) >= 9 and all(n in table for n in names), table
        assert "8 notes" in table, table

        # A blank picture is silence: just the header.
        blank = work / "blank.png"
        write_png(blank, 64, 48, lambda x, y: (255, 255, 255))
        run(cli, "new", str(work / "blank.graphony"), "--image", str(blank), "--beats", "8")
        out = run(cli, "events", str(work / "blank.graphony"), "--csv").stdout
        assert len(out.splitlines()) == 1, out

        # Bad input: one line naming the file, exit 1; usage mistakes exit 2.
        missing = work / "nope.graphony"
        err = run(cli, "events", str(missing), expect=1).stderr
        assert "nope.graphony" in err and len(err.strip().splitlines()) == 1, err
        garbage = work / "garbage.graphony"
        garbage.write_bytes(b"PK\x03\x04 not really a zip")
        err = run(cli, "events", str(garbage), expect=1).stderr
        assert "garbage.graphony" in err and len(err.strip().splitlines()) == 1, err
        run(cli, "events", expect=2)
        run(cli, "events", str(missing), "--bogus", expect=2)
        print("ok: staircase through graphony-cli new + events")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
