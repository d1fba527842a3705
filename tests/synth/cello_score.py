"""write_cello_score: a bundle of two bars of a cello holding A3 (chromatic C3..C4 range,
height 0.75 -> A3), a General MIDI instrument that plays through the soundfont. Shared by the
soundfont tests (cli_soundfont_test.py, lazy_libs_test.py)."""
import json
import zipfile


def write_cello_score(path, title="Fonts"):
    score = {"format_version": 2, "title": title, "tempo_bpm": 60, "length_beats": 3,
             "mapping": {"scale": "chromatic", "root": 48, "lowest": 48, "highest": 60},
             "palette": [{"color": "#0072b2", "instrument": "cello", "name": "Cello"}],
             "layers": [{"kind": "strokes", "name": "line", "strokes": [
                 {"color": "#0072b2", "points": [{"beat": 0, "height": 0.75},
                                                 {"beat": 2.5, "height": 0.75}]}]}]}
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("score.json", json.dumps(score))
