#!/usr/bin/python3
"""A score's own soundfont end to end (graphony-cli soundfont, info, render): set, shown,
kept through save/reopen and through copying the folder elsewhere (a relative path is found
from the score's folder, not the working directory); the score really plays with it (a test
SF2 of a pure sine: no overtones, unlike the packaged cello); a missing or cut-short soundfont
renders with the default and one warning line naming the file; a bad file is refused without
touching the score. Usage: cli_soundfont_test.py GRAPHONY_CLI"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import wave
import zipfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from cello_score import write_cello_score  # noqa: E402
from sine_sf2 import write_sine_sf2  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent.parent))
from cli_run import one_line, run_cli  # noqa: E402

CLI = os.path.abspath(sys.argv[1])
ENV = {k: v for k, v in os.environ.items() if k != "GRAPHONY_SOUNDFONT"}
DEFAULT = "/usr/share/sounds/sf3/MuseScore_General_Lite.sf3"


def run(*args, expect=0, cwd=None):
    return run_cli(CLI, *args, expect=expect, cwd=cwd, env=ENV)


def set_in_json(path, soundfont):
    """Rewrites the bundle's score.json naming `soundfont` (as another program might)."""
    with zipfile.ZipFile(path) as z:
        score = json.loads(z.read("score.json"))
    score["soundfont"] = soundfont
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("score.json", json.dumps(score))


def render(score, out, cwd=None):
    r = run("render", score, "-o", out, "--bits", "16", "--dry", "--quiet", cwd=cwd)
    with wave.open(str(out)) as w:
        rate = w.getframerate()
        x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").reshape(-1, w.getnchannels())
    return x[:, 0].astype(float) / 32768, rate, r.stderr


def overtone_ratio(x, rate):
    """Energy of harmonics 2..8 over the fundamental's, in the held middle of the note."""
    seg = x[int(0.5 * rate):int(2.0 * rate)]
    spec = np.abs(np.fft.rfft(seg * np.hanning(len(seg)))) ** 2
    hz = np.fft.rfftfreq(len(seg), 1 / rate)
    peak = hz[np.argmax(spec * (hz > 80) * (hz < 1000))]

    def band(f):
        return spec[(hz > f * 0.97) & (hz < f * 1.03)].sum()
    return sum(band(peak * k) for k in range(2, 9)) / band(peak), peak


def main():
    if not Path(DEFAULT).is_file():
        print(f"SKIP: {DEFAULT} (musescore-general-soundfont-small) is not installed")
        sys.exit(77)
    with tempfile.TemporaryDirectory(prefix="graphony-cli-soundfont-") as tmp:
        tmp = Path(tmp)
        folder = tmp / "group"
        (folder / "fonts").mkdir(parents=True)
        write_sine_sf2(folder / "fonts" / "sine.sf2")
        score = folder / "fonts.graphony"
        write_cello_score(score)

        print("== a new score plays with the default soundfont")
        one_line(run("soundfont", score).stdout, "default soundfont", DEFAULT)
        assert "soundfont:    default" in run("info", score).stdout
        x, rate, err = render(score, tmp / "default.wav")
        assert not err.strip(), f"unexpected warning: {err}"
        default_ratio, default_hz = overtone_ratio(x, rate)
        print(f"  default cello: {default_hz:.1f} Hz, overtones/fundamental {default_ratio:.3f}")
        assert abs(1200 * math.log2(default_hz / 220)) < 30, "the cello should hold A3"
        # (the engine's own stand-in, the warm pad, measures about 0.2)
        assert default_ratio > 0.4, "the packaged cello should be rich in overtones"

        print("== a bad file is refused and the score is left as it was")
        (folder / "notes.sf2").write_text("not a soundfont\n")
        before = score.read_bytes()
        r = run("soundfont", score, folder / "notes.sf2", expect=1)
        one_line(r.stderr, "notes.sf2", "not a soundfont")
        r = run("soundfont", score, folder / "absent.sf2", expect=1)
        one_line(r.stderr, "absent.sf2", "not found")
        assert score.read_bytes() == before, "a refused soundfont changed the score"

        print("== set from inside the folder: kept relative to it, shown by info")
        run("soundfont", score.name, "fonts/sine.sf2", cwd=folder)
        info = json.loads(run("info", score, "--json").stdout)
        assert info["soundfont"] == "fonts/sine.sf2", info["soundfont"]
        assert "soundfont:    fonts/sine.sf2" in run("info", score).stdout
        one_line(run("soundfont", score).stdout, "plays with fonts/sine.sf2")

        print("== the folder copied elsewhere, rendered from another directory, plays the sine")
        moved = tmp / "elsewhere" / "copy"
        shutil.copytree(folder, moved)
        shutil.rmtree(folder)
        x, rate, err = render(moved / "fonts.graphony", tmp / "sine.wav", cwd=tmp)
        assert "soundfont" not in err, f"unexpected warning: {err}"
        ratio, hz = overtone_ratio(x, rate)
        cents = 1200 * math.log2(hz / 220)
        print(f"  sine soundfont: {hz:.1f} Hz ({cents:+.0f} cents), overtones {ratio:.4f} "
              f"(default cello {default_ratio:.3f})")
        assert abs(cents) < 30, "the sine soundfont plays the cello's note out of tune"
        assert ratio < 0.02, "not the sine soundfont: the render has overtones"

        print("== --soundfont for one run overrides the score's")
        subprocess.run([CLI, "render", str(moved / "fonts.graphony"), "-o", str(tmp / "o.wav"),
                            "--bits", "16", "--dry", "--quiet", "--soundfont", DEFAULT],
                           capture_output=True, text=True, env=ENV, check=True)
        with wave.open(str(tmp / "o.wav")) as w:
            o = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")[::2].astype(float) / 32768
        assert overtone_ratio(o, rate)[0] > 0.4, "--soundfont did not override the score's"

        print("== a missing or cut-short soundfont: one warning naming it, the default plays")
        for name, make in (("gone.sf2", None), ("cut.sf2", (moved / "fonts" / "sine.sf2").read_bytes()[:5000])):
            target = moved / name
            if make:
                target.write_bytes(make)
            set_in_json(moved / "fonts.graphony", name)
            x, rate, err = render(moved / "fonts.graphony", tmp / f"{name}.wav", cwd=tmp)
            one_line(err, str(target), "playing with the default")
            ratio, hz = overtone_ratio(x, rate)
            print(f"  {name}: {hz:.1f} Hz, overtones {ratio:.3f}")
            assert ratio > 0.4 and abs(1200 * math.log2(hz / 220)) < 30, "the default did not play"
            one_line(run("soundfont", moved / "fonts.graphony").stdout, name, "cannot be used here")

        print("== --default goes back")
        run("soundfont", moved / "fonts.graphony", "--default")
        assert json.loads(run("info", moved / "fonts.graphony", "--json").stdout)["soundfont"] == ""
        run("soundfont", moved / "fonts.graphony", "a.sf2", "--default", expect=2)
    print("PASS")


main()
