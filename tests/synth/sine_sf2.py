"""Writes the smallest useful SoundFont 2 file: one preset (bank 0, program 0) playing a looped
pure sine recorded at A4, so a render that used it is told apart from any real instrument by
its spectrum (no overtones). Used by cli_soundfont_test.py; layout from the SoundFont 2.01
specification (RIFF 'sfbk': INFO, sdta, pdta lists)."""
import math
import struct

RATE = 44000  # 100 frames a cycle at 440 Hz: the loop holds whole cycles, so it never clicks


def _chunk(tag, data):
    pad = b"\0" if len(data) % 2 else b""
    return tag + struct.pack("<I", len(data)) + data + pad


def _list(kind, *chunks):
    return _chunk(b"LIST", kind + b"".join(chunks))


def _zstr(text):
    """A zero-terminated INFO string padded to an even size, as the specification requires."""
    data = text.encode() + b"\0"
    return data + (b"\0" if len(data) % 2 else b"")


def _name(text):
    return text.encode()[:19].ljust(20, b"\0")


def write_sine_sf2(path):
    frames = RATE  # one second; the loop covers the middle
    pcm = b"".join(struct.pack("<h", int(12000 * math.sin(2 * math.pi * 440 * i / RATE)))
                   for i in range(frames)) + b"\0" * 2 * 46  # 46 zero frames after each sample
    info = _list(b"INFO", _chunk(b"ifil", struct.pack("<HH", 2, 1)),
                 _chunk(b"isng", _zstr("EMU8000")), _chunk(b"INAM", _zstr("Graphony test sine")))
    sdta = _list(b"sdta", _chunk(b"smpl", pcm))
    phdr = (_name("Sine") + struct.pack("<HHHIII", 0, 0, 0, 0, 0, 0) +
            _name("EOP") + struct.pack("<HHHIII", 0, 0, 1, 0, 0, 0))
    pbag = struct.pack("<HH", 0, 0) + struct.pack("<HH", 1, 0)
    pmod = b"\0" * 10
    pgen = struct.pack("<HH", 41, 0) + struct.pack("<HH", 0, 0)  # 41 instrument = 0
    inst = _name("Sine") + struct.pack("<H", 0) + _name("EOI") + struct.pack("<H", 1)
    ibag = struct.pack("<HH", 0, 0) + struct.pack("<HH", 2, 0)
    imod = b"\0" * 10
    # 54 sampleModes = 1 (loop while held), then 53 sampleID = 0 (always last in a zone).
    igen = struct.pack("<HH", 54, 1) + struct.pack("<HH", 53, 0) + struct.pack("<HH", 0, 0)
    shdr = (_name("Sine") + struct.pack("<IIIII", 0, frames, 1000, frames - 1000, RATE) +
            struct.pack("<BbHH", 69, 0, 0, 1) +
            _name("EOS") + struct.pack("<IIIII", 0, 0, 0, 0, 0) + struct.pack("<BbHH", 0, 0, 0, 0))
    pdta = _list(b"pdta", _chunk(b"phdr", phdr), _chunk(b"pbag", pbag), _chunk(b"pmod", pmod),
                 _chunk(b"pgen", pgen), _chunk(b"inst", inst), _chunk(b"ibag", ibag),
                 _chunk(b"imod", imod), _chunk(b"igen", igen), _chunk(b"shdr", shdr))
    body = b"sfbk" + info + sdta + pdta
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", len(body)) + body)
