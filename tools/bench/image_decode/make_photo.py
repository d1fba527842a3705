#!/usr/bin/python3
"""Writes a photo-like 24-megapixel (6000x4000) JPEG: soft colour fields, edges and sensor
grain from a fixed seed, quality 90, 4:2:0 like a camera. usage: make_photo.py OUT.jpg"""
import sys

import numpy as np
from PIL import Image

WIDTH, HEIGHT = 6000, 4000
rng = np.random.default_rng(24)
# Low-frequency colour fields: a 40x60 random grid blown up smoothly.
field = Image.fromarray(rng.integers(30, 225, (40, 60, 3), dtype=np.uint8)).resize(
    (WIDTH, HEIGHT), Image.BICUBIC)
pixels = np.asarray(field, dtype=np.int16)
# Hard-edged shapes (what a painting or a scene has), then grain.
for _ in range(300):
    x, y = rng.integers(0, WIDTH), rng.integers(0, HEIGHT)
    w, h = rng.integers(20, 600), rng.integers(20, 400)
    pixels[y:y + h, x:x + w] = rng.integers(0, 255, 3)
for y in range(0, HEIGHT, 500):  # in bands: one float array of the whole photo is 576 MB
    band = pixels[y:y + 500]
    band += (rng.standard_normal(band.shape, dtype=np.float32) * 6).astype(np.int16)
Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(sys.argv[1], "JPEG", quality=90,
                                                                 subsampling=2)
