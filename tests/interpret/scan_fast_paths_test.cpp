// The scan analysis's fast paths give the plain code's numbers bit for bit.
#include <doctest/doctest.h>

#include <cstring>
#include <vector>

#include "interpret/foreground.h"
#include "interpret/resample.h"
#include "interpret/strength_batch.h"

using namespace graphony;
using namespace graphony::interpret;

namespace {

uint32_t Next(uint32_t& state) { return state = state * 1664525u + 1013904223u; }

Background Opaque(float r, float g, float b) {
  Background bg;
  bg.linear = {r, g, b};
  bg.lab = LinearToOklab(bg.linear);
  return bg;
}

}  // namespace

TEST_CASE("scan strengths four cells at a time equal StrengthOf and PaintOf bit for bit") {
  // Every alpha with random colours (premultiplied, as the resampler gives them), plus
  // opaque black and white cells; 4097 cells so the scalar tail runs too.
  uint32_t state = 7;
  const size_t n = 4097;
  std::vector<float> cells(n * 4);
  for (size_t i = 0; i < n; ++i) {
    const float a = i % 5 == 0 ? 1.0f : static_cast<float>(i % 256) / 255.0f;
    for (int k = 0; k < 3; ++k)
      cells[i * 4 + k] = i % 7 == 0 ? static_cast<float>(i % 2) * a
                                    : static_cast<float>(Next(state) >> 8) / 16777216.0f * a;
    cells[i * 4 + 3] = a;
  }
  Background transparent;
  transparent.transparent = true;
  for (const Background& bg : {Opaque(1, 1, 1), Opaque(0, 0, 0), Opaque(0.2f, 0.2f, 0.2f),
                               Opaque(0.8f, 0.1f, 0.3f), transparent}) {
    std::vector<float> batch(n, -1.0f);
    StrengthsOf(cells.data(), n, bg, kScanFullDistance, batch.data());
    size_t differ = 0, painted = 0;
    for (size_t i = 0; i < n; ++i) {
      const float one = StrengthOf(&cells[i * 4], bg, kScanFullDistance);
      const float paint = PaintOf(&cells[i * 4], bg, kScanFullDistance).strength;
      if (std::memcmp(&one, &batch[i], sizeof one) != 0 ||
          std::memcmp(&paint, &batch[i], sizeof one) != 0)
        ++differ;
      if (batch[i] > 0.0f) ++painted;
    }
    CHECK(differ == 0);
    CHECK(painted > n / 4);  // the cells span the range, not all background
  }
}

TEST_CASE(
    "a full-size resample (each cell its pixel) equals the general path on a doubled picture") {
  // Doubling every pixel makes the general path's weights 0.5 + 0.5, which sum exactly to the
  // pixel: the full-size shortcut must give those same cells.
  const int w = 37, h = 23;
  Image image;
  image.width = w;
  image.height = h;
  image.rgba.resize(static_cast<size_t>(w) * h * 4);
  uint32_t state = 99;
  for (uint8_t& v : image.rgba) v = static_cast<uint8_t>(Next(state) >> 24);
  Image doubled;
  doubled.width = 2 * w;
  doubled.height = 2 * h;
  doubled.rgba.resize(static_cast<size_t>(4) * w * h * 4);
  for (int y = 0; y < 2 * h; ++y)
    for (int x = 0; x < 2 * w; ++x)
      std::memcpy(&doubled.rgba[(static_cast<size_t>(y) * 2 * w + x) * 4],
                  &image.rgba[(static_cast<size_t>(y / 2) * w + x / 2) * 4], 4);
  const LinearGrid full = AreaResample(image, w, h);
  const LinearGrid general = AreaResample(doubled, w, h);
  REQUIRE(full.rgba.size() == general.rgba.size());
  CHECK(full.rgba == general.rgba);
  // And LinearPixel, which the scan analysis uses instead of a full-size grid, is that cell.
  float cell[4];
  LinearPixel(&image.rgba[(5 * w + 3) * 4], SrgbToLinearTable(), cell);
  CHECK(std::memcmp(cell, full.At(3, 5), sizeof cell) == 0);
}
