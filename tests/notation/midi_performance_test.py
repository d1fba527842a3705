#!/usr/bin/python3
"""The MIDI export is the performance: read back with mido it equals `events --csv` note for note.

usage: midi_performance_test.py GRAPHONY_CLI DEMO.graphony
Checks the demo (image notes and stroke gestures) and a scan-mode score made from a picture.
"""
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

import mido
from PIL import Image, ImageDraw


def run(*args):
    r = subprocess.run([str(a) for a in args], capture_output=True, text=True)
    assert r.returncode == 0, f"{args}: {r.stderr}"
    return r.stdout


def midi_notes(path):
    mf = mido.MidiFile(path)
    tpq = mf.ticks_per_beat
    notes, tracks = [], []
    for tr in mf.tracks:
        t, on, info = 0, {}, {"name": "", "program": None, "bends": 0, "notes": 0}
        for msg in tr:
            t += msg.time
            if msg.type == "track_name":
                info["name"] = msg.name
            elif msg.type == "program_change":
                info["program"] = msg.program
            elif msg.type == "pitchwheel":
                info["bends"] += 1
            elif msg.type == "note_on" and msg.velocity > 0:
                on.setdefault((msg.channel, msg.note), []).append((t, msg.velocity))
            elif msg.type in ("note_off", "note_on"):
                s, v = on[(msg.channel, msg.note)].pop(0)
                notes.append((msg.note, s / tpq, (t - s) / tpq, v, info["name"]))
                info["notes"] += 1
        tracks.append(info)
    return notes, tracks


def check(cli, score, work, want_gestures):
    rows = list(csv.DictReader(run(cli, "events", score, "--csv").splitlines()))
    mid = work / (score.stem + ".mid")
    run(cli, "export", score, "-o", mid)
    notes, tracks = midi_notes(mid)
    sounding = [x for x in rows if x["sounding"] == "yes" and x["gesture"] == "-1"]
    unused = list(notes)
    for x in sounding:
        want = (int(x["quantised_pitch"]), float(x["start_beat"]), float(x["duration_beat"]),
                max(1, min(127, round(float(x["velocity"]) * 127))))
        hit = next((n for n in unused if n[0] == want[0] and abs(n[1] - want[1]) <= 1 / 480
                    and abs(n[2] - want[2]) <= 1 / 480 and n[3] == want[3]
                    and n[4].startswith(x["instrument_name"])), None)
        assert hit is not None, f"{score.name}: note {want} {x['instrument_name']} not in the MIDI"
        unused.remove(hit)
    image_tracks = [t for t in tracks if t["notes"] and "gesture" not in t["name"] and "(scan)" not in t["name"]]
    assert all(t["program"] is not None for t in image_tracks), tracks
    leftover = [n for n in unused if "gesture" not in n[4] and "(scan)" not in n[4]]
    assert not leftover, f"{score.name}: MIDI notes that do not play: {leftover[:5]}"
    gestures = {x["gesture"] for x in rows if x["gesture"] != "-1"}
    gesture_tracks = [t for t in tracks if "gesture" in t["name"]]
    if want_gestures:
        assert gestures, f"{score.name}: expected strokes with gestures"
        assert len(gesture_tracks) >= len(gestures), (gestures, gesture_tracks)
        assert all(t["notes"] > 0 and t["bends"] > 0 for t in gesture_tracks), gesture_tracks
    return len(sounding), len(notes)


def main():
    cli, demo = Path(sys.argv[1]), Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        print("demo", check(cli, demo, work, True))
        im = Image.new("RGB", (200, 100), (250, 250, 250))
        ImageDraw.Draw(im).rectangle([20, 30, 180, 60], fill=(200, 40, 40))
        im.save(work / "band.png")
        scan = work / "scan.graphony"
        run(cli, "new", scan, "--image", work / "band.png", "--mode", "scan", "--force")
        n_events, n_midi = check(cli, scan, work, False)
        _, tracks = midi_notes(work / "scan.mid")
        assert any("(scan)" in t["name"] and t["notes"] > 0 for t in tracks), tracks
        print("scan", n_events, n_midi)
    print("ok")


if __name__ == "__main__":
    main()
