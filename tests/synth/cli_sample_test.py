#!/usr/bin/python3
"""graphony-cli sample end to end: a sox-made voice take in a bundle becomes an instrument on
colour 1; info lists it with its players' consent; render plays it in tune (aubiopitch); MIDI
export names it with the GM fallback program (mido); bad requests and a corrupt sample entry are
one-line errors that leave the file byte-identical. Usage: cli_sample_test.py GRAPHONY_CLI"""
import json
import math
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import mido

sys.path.insert(0, str(Path(__file__).parent.parent))
from cli_run import one_line, run_cli  # noqa: E402

CLI = sys.argv[1]


def run(*args, expect=0):
    return run_cli(CLI, *args, expect=expect)


def one_line_error(r, *must_contain):
    one_line(r.stderr, *must_contain)


def sox_take(path):
    bends = ["0,15,0.05"] + [("0,-30,0.1" if i % 2 else "0,30,0.1") for i in range(1, 20)]
    subprocess.run(["sox", "-n", "-r", "48000", "-c", "1", str(path), "synth", "2.0", "sawtooth", "220",
                    "gain", "-10", "bend", *bends, "lowpass", "1800", "highpass", "120", "fade", "q", "0.08",
                    "2", "0.3", "pad", "0.25", "0.25", "channels", "2", "gain", "-n", "-6"],
                   check=True, capture_output=True)


def bundle(path, take_wav, group=True):
    score = {
        "format_version": 2, "title": "Voices", "tempo_bpm": 60, "length_beats": 4,
        "contributors": [{"id": "c1", "name": "Amira", "consent": (["group"] if group else []) + ["exhibition"]}],
        "mapping": {"scale": "chromatic", "root": 60, "lowest": 60, "highest": 72},
        "layers": [{"kind": "strokes", "name": "voice", "strokes": [
            {"color": "#0072b2", "points": [{"beat": 0, "height": 0.5}, {"beat": 3, "height": 0.5}]}]}],
        "takes": [{"file": "recordings/take-1.wav", "name": "Take 1", "players": ["c1"]}],
    }
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("score.json", json.dumps(score))
        z.write(take_wav, "recordings/take-1.wav")


def aubio_median_hz(wav, begin, end):
    r = subprocess.run(["aubiopitch", "-i", str(wav), "-p", "yinfft", "-u", "Hz"],
                       capture_output=True, text=True, check=True)
    hz = sorted(float(f) for t, f in (line.split() for line in r.stdout.splitlines() if line.strip())
                if begin <= float(t) < end and float(f) > 0)
    return hz[len(hz) // 2] if hz else 0.0


def main():
    with tempfile.TemporaryDirectory(prefix="graphony-cli-sample-") as tmp:
        tmp = Path(tmp)
        sox_take(tmp / "take.wav")
        score = tmp / "voices.graphony"
        bundle(score, tmp / "take.wav")

        print("== bad requests leave the file as it was")
        before = score.read_bytes()
        one_line_error(run("sample", str(score), "--take", "Take 9", expect=1), str(score), "no take called")
        one_line_error(run("sample", str(score), "--take", "Take 1", "--from", "3", "--to", "1", expect=1),
                       "--from/--to")
        one_line_error(run("sample", str(score), "--take", "Take 1", "--colour", "40", expect=1), "no colour 40")
        assert score.read_bytes() == before, "a failed sample changed the file"
        no_consent = tmp / "no-consent.graphony"
        bundle(no_consent, tmp / "take.wav", group=False)
        nc_before = no_consent.read_bytes()
        one_line_error(run("sample", str(no_consent), "--take", "Take 1", "--colour", "1", expect=1),
                       "not every player agreed")
        assert no_consent.read_bytes() == nc_before

        print("== the take becomes an instrument on colour 1")
        r = run("sample", str(score), "--take", "Take 1", "--colour", "1")
        print(" ", r.stdout.strip().replace("\n", "\n  "))
        with zipfile.ZipFile(score) as z:
            names = z.namelist()
            assert "samples/amiras-voice.wav" in names, names
            sj = json.loads(z.read("score.json"))
        si = sj["sampled_instruments"][0]
        assert si["name"] == "Amira's voice" and si["players"] == ["c1"], si
        assert abs(si["root_midi"] - 57) < 0.3, si
        assert sj["palette"][0]["instrument"] == "sampler" and sj["palette"][0]["sample"] == si["file"]
        info = run("info", str(score)).stdout
        print("  info:", [l for l in info.splitlines() if "voice" in l])
        assert "sampled instruments: 1" in info and "Amira's voice" in info
        assert "may be used for: group, exhibition" in info, info
        j = json.loads(run("info", str(score), "--json").stdout)
        assert j["sampled_instruments"][0]["consent"] == "group, exhibition"

        print("== it plays in tune: a held F#4 (height 0.5 of C4..C5, chromatic: 66) from an A3 voice")
        out = tmp / "out.wav"
        run("render", str(score), "-o", str(out), "--quiet")
        hz = aubio_median_hz(out, 0.3, 2.7)
        want = 440 * 2 ** ((66 - 69) / 12)
        cents = 1200 * math.log2(hz / want) if hz > 0 else 9999
        print(f"  aubiopitch {hz:.1f} Hz, wanted {want:.1f} Hz ({cents:+.1f} cents)")
        assert abs(cents) < 30, cents

        print("== MIDI export: the track is named after the sample, GM voice oohs")
        mid = tmp / "out.mid"
        run("export", str(score), "-o", str(mid))
        m = mido.MidiFile(str(mid))
        names = [msg.name for t in m.tracks for msg in t if msg.type == "track_name"]
        programs = [msg.program for t in m.tracks for msg in t if msg.type == "program_change"]
        print("  tracks", names, "programs", programs)
        assert any(n.startswith("Amira's voice") for n in names), names
        assert 53 in programs, programs

        print("== a corrupt sample entry: one line naming the score and the entry, the file untouched")
        corrupt = tmp / "corrupt.graphony"
        with zipfile.ZipFile(score) as zin, zipfile.ZipFile(corrupt, "w") as zout:
            for item in zin.namelist():
                data = zin.read(item)
                zout.writestr(item, b"\x5a" * 5000 if item == si["file"] else data)
        c_before = corrupt.read_bytes()
        one_line_error(run("render", str(corrupt), "-o", str(tmp / "c.wav"), "--quiet", expect=1),
                       str(corrupt), si["file"])
        assert corrupt.read_bytes() == c_before
        missing = tmp / "missing.graphony"
        with zipfile.ZipFile(score) as zin, zipfile.ZipFile(missing, "w") as zout:
            for item in zin.namelist():
                if item != si["file"]:
                    zout.writestr(item, zin.read(item))
        one_line_error(run("info", str(missing), expect=1), str(missing), si["file"], "missing")
    print("PASS")


if __name__ == "__main__":
    main()
