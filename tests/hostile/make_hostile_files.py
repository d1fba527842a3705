#!/usr/bin/python3
"""Writes the hostile pictures of issue 13 into a folder, crafted here (nothing downloaded).

  huffman-oversized.jpg  a DHT segment declaring 272 symbols (the most a table may hold is 256)
  huffman-undefined.jpg  a baseline scan whose component uses Huffman table 1, never defined
  huffman-undefined-later.jpg  three sequential scans (jpegtran -scans); the second and third
                               use tables 1, which the file never defines (its second DHT pair
                               defines tables 3): libjpeg-turbo alone would substitute its
                               standard tables and decode garbage
  huffman-table-number.jpg     a scan naming DC table 13 (the scan header allows 0..15; only
                               0..3 exist), found by the fuzz_image target
  truncated.jpg          a good JPEG cut off in the middle of its scan data
  empty-idat.png         a PNG whose only IDAT chunk is empty
  good.jpg / good.png    the untouched pictures the above were made from (controls)

usage: make_hostile_files.py FOLDER
"""
import io
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from PIL import Image


def segments(jpeg: bytes):
    """(offset, marker, length) of each marker segment up to and including SOS."""
    at = 2
    while at < len(jpeg):
        assert jpeg[at] == 0xFF, f"no marker at {at}"
        marker = jpeg[at + 1]
        length = struct.unpack(">H", jpeg[at + 2:at + 4])[0]
        yield at, marker, length
        if marker == 0xDA:
            return
        at += 2 + length


def painting(mode: str, size=(64, 48)) -> Image.Image:
    image = Image.new("RGB", size, (250, 248, 240))
    for x in range(size[0]):
        for y in range(size[1]):
            if (x // 8 + y // 8) % 2:
                image.putpixel((x, y), (200, 40, 30) if x < size[0] // 2 else (30, 60, 200))
    return image.convert(mode)


def jpeg_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, optimize=False, progressive=False)
    return out.getvalue()


def oversized_huffman(good: bytes) -> bytes:
    # Replace the first DHT with one whose code-length counts add up to 272 symbols.
    for at, marker, length in segments(good):
        if marker == 0xC4:
            counts = bytes([0] * 8 + [34] * 8)  # 272 symbols in all
            symbols = bytes(range(256)) + bytes(range(16))
            body = bytes([0x00]) + counts + symbols
            dht = b"\xff\xc4" + struct.pack(">H", 2 + len(body)) + body
            return good[:at] + dht + good[at + 2 + length:]
    raise SystemExit("no DHT in the JPEG")


def undefined_huffman(good_grey: bytes) -> bytes:
    # A greyscale JPEG defines only tables 0; point its scan's component at tables 1.
    for at, marker, length in segments(good_grey):
        if marker == 0xDA:
            data = bytearray(good_grey)
            assert data[at + 4] == 1, "expected a one-component scan"
            data[at + 6] = 0x11  # Td = 1, Ta = 1
            return bytes(data)
    raise SystemExit("no SOS in the JPEG")


def all_segments(jpeg: bytes):
    """(offset, marker, length) of every marker segment, stepping over entropy-coded data."""
    at = 2
    while at + 4 <= len(jpeg):
        marker = jpeg[at + 1]
        if marker == 0xD9:
            return
        length = struct.unpack(">H", jpeg[at + 2:at + 4])[0]
        yield at, marker, length
        at += 2 + length
        if marker == 0xDA:  # scan data runs to the next marker that is not 0xFF00 or RSTn
            while at + 1 < len(jpeg) and not (jpeg[at] == 0xFF and jpeg[at + 1] not in
                                              (0x00, *range(0xD0, 0xD8))):
                at += 1


def undefined_huffman_later(good: bytes) -> bytes:
    script = b"0: 0 63 0 0;\n1: 0 63 0 0;\n2: 0 63 0 0;\n"  # one full scan per component
    with tempfile.NamedTemporaryFile(suffix=".txt") as scans:
        scans.write(script)
        scans.flush()
        multi = subprocess.run(["jpegtran", "-scans", scans.name], input=good, check=True,
                               stdout=subprocess.PIPE).stdout
    data = bytearray(multi)
    first_scan = min(at for at, marker, _ in all_segments(multi) if marker == 0xDA)
    later = [at for at, marker, _ in all_segments(multi) if marker == 0xC4 and at > first_scan]
    assert later, "expected the chroma tables to be defined after the first scan"
    for at in later:
        assert data[at + 4] & 0x0F == 1, "expected a DHT for tables 1"
        data[at + 4] = (data[at + 4] & 0xF0) | 0x03
    return bytes(data)


def huffman_table_number(good: bytes) -> bytes:
    for at, marker, length in segments(good):
        if marker == 0xDA:
            data = bytearray(good)
            data[at + 6] = 0xD0  # first component: Td = 13, Ta = 0
            return bytes(data)
    raise SystemExit("no SOS in the JPEG")


def truncated(good: bytes) -> bytes:
    sos = [at for at, marker, _ in segments(good) if marker == 0xDA][0]
    return good[:sos + (len(good) - sos) // 2]


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(width: int, height: int, idat: bytes) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, not interlaced
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def main() -> None:
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    good = jpeg_bytes(painting("RGB"))
    grey = jpeg_bytes(painting("L"))
    rows = b"".join(b"\x00" + bytes([(x * 4) % 256, y * 5, 200][c] for x in range(64) for c in range(3))
                    for y in range(48))  # filter byte 0, then 64 RGB pixels per row
    files = {
        "good.jpg": good,
        "good.png": png_bytes(64, 48, zlib.compress(rows)),
        "huffman-oversized.jpg": oversized_huffman(good),
        "huffman-undefined.jpg": undefined_huffman(grey),
        "huffman-undefined-later.jpg": undefined_huffman_later(good),
        "huffman-table-number.jpg": huffman_table_number(good),
        "truncated.jpg": truncated(good),
        "empty-idat.png": png_bytes(64, 48, b""),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)


if __name__ == "__main__":
    main()
