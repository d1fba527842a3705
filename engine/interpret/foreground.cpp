// Background detection and per-cell strength.
#include "interpret/foreground.h"

#include <algorithm>
#include <array>

namespace graphony::interpret {

Background DetectBackground(const Image& image) {
  Background bg;
  if (!ImageIsUsable(image)) return bg;
  constexpr int kTransparentBin = 4096;
  std::vector<int> counts(kTransparentBin + 1, 0);
  auto bin_of = [&](int x, int y) {
    const Color c = image.At(x, y);
    if (c.a < 128) return kTransparentBin;
    return (c.r >> 4) << 8 | (c.g >> 4) << 4 | (c.b >> 4);
  };
  // Visit each border pixel once (a 1-pixel-tall image is all border).
  auto visit = [&](auto&& fn) {
    const int w = image.width, h = image.height;
    for (int x = 0; x < w; ++x) {
      fn(x, 0);
      if (h > 1) fn(x, h - 1);
    }
    for (int y = 1; y < h - 1; ++y) {
      fn(0, y);
      if (w > 1) fn(w - 1, y);
    }
  };
  visit([&](int x, int y) { ++counts[static_cast<size_t>(bin_of(x, y))]; });
  // Lowest bin index wins ties, so the result never depends on anything but the pixels.
  const int winner =
      static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin());
  if (winner == kTransparentBin) {
    bg.transparent = true;
    return bg;
  }
  std::array<double, 3> sum{0, 0, 0};
  int n = 0;
  visit([&](int x, int y) {
    if (bin_of(x, y) != winner) return;
    const LinearRgb lin = ToLinear(image.At(x, y));
    for (int k = 0; k < 3; ++k) sum[static_cast<size_t>(k)] += lin[static_cast<size_t>(k)];
    ++n;
  });
  for (int k = 0; k < 3; ++k)
    bg.linear[static_cast<size_t>(k)] = static_cast<float>(sum[static_cast<size_t>(k)] / n);
  bg.lab = LinearToOklab(bg.linear);
  return bg;
}

CellField MakeCellField(const LinearGrid& grid, const Background& bg, float full_distance) {
  CellField field;
  field.width = grid.width;
  field.height = grid.height;
  const size_t n = static_cast<size_t>(grid.width) * static_cast<size_t>(grid.height);
  field.strength.resize(n);
  field.lab.resize(n);
  field.linear.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const CellPaint paint = PaintOf(&grid.rgba[i * 4], bg, full_distance);
    field.strength[i] = paint.strength;
    field.lab[i] = paint.lab;
    field.linear[i] = paint.linear;
  }
  return field;
}

}  // namespace graphony::interpret
