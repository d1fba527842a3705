// What sounds in an image: the background is detected, and each cell's difference from it
// becomes its strength (0 = background, 1 = clearly painted).
#pragma once

#include <algorithm>
#include <vector>

#include "core/score.h"
#include "interpret/colour.h"
#include "interpret/resample.h"

namespace graphony::interpret {

struct Background {
  bool transparent = false;  // the border is mostly transparent: any opaque paint sounds
  LinearRgb linear{0, 0, 0};
  Lab lab;
};

// The dominant colour of the image's border (4-bit-per-channel histogram of every border
// pixel; the winning bin's pixels are averaged). White paper and black paintings both work.
Background DetectBackground(const Image& image);

// Colour differences below kNoiseDistance (OKLab) are paper texture or compression noise;
// from `full_distance` on a cell is fully painted. Black on white is 1.0. Notes mode uses
// kNotesFullDistance (any clear mark counts fully); scan mode uses the wider
// kScanFullDistance so brightness keeps a usable range of loudness.
inline constexpr float kNoiseDistance = 0.05f;
inline constexpr float kNotesFullDistance = 0.30f;
inline constexpr float kScanFullDistance = 0.60f;

// One cell's paint: its colour (unpremultiplied) and its strength.
struct CellPaint {
  LinearRgb linear{0, 0, 0};
  Lab lab;
  float strength = 0;
};
// Inline (with StrengthOf): the scan loops run them once per cell of grids of millions.
inline float StrengthFromDistance(float d, float full_distance) {
  return std::clamp((d - kNoiseDistance) / (full_distance - kNoiseDistance), 0.0f, 1.0f);
}
// A cell's strength, PaintOf(...).strength's number: where the paint's own colour is not
// needed, partly transparent cells skip its conversion.
inline float StrengthOf(const float* c, const Background& bg, float full_distance) {
  const float alpha = c[3];
  if (bg.transparent) return alpha;  // on a transparent sheet, coverage is what was painted
  if (alpha >= 0.999f) {
    const LinearRgb linear{c[0] / alpha, c[1] / alpha, c[2] / alpha};
    return StrengthFromDistance(LabDistance(LinearToOklab(linear), bg.lab), full_distance);
  }
  // Composite over the background first: partly transparent paint is partly background.
  LinearRgb over;
  for (size_t k = 0; k < 3; ++k) over[k] = c[k] + (1.0f - alpha) * bg.linear[k];
  return StrengthFromDistance(LabDistance(LinearToOklab(over), bg.lab), full_distance);
}

// A cell's paint: its own colour (unpremultiplied) and its strength against the background.
inline CellPaint PaintOf(const float* c, const Background& bg, float full_distance) {
  CellPaint paint;
  const float alpha = c[3];
  if (alpha > 1e-6f) paint.linear = {c[0] / alpha, c[1] / alpha, c[2] / alpha};
  paint.lab = LinearToOklab(paint.linear);
  // Opaque paint on a ground: the common case, one conversion (the colour just made).
  paint.strength = !bg.transparent && alpha >= 0.999f
                       ? StrengthFromDistance(LabDistance(paint.lab, bg.lab), full_distance)
                       : StrengthOf(c, bg, full_distance);
  return paint;
}

// Per-cell interpretation inputs derived from a resampled grid.
struct CellField {
  int width = 0;
  int height = 0;
  std::vector<float> strength;    // 0..1
  std::vector<Lab> lab;           // colour of the paint (unpremultiplied)
  std::vector<LinearRgb> linear;  // same, linear light
  size_t Index(int x, int y) const {
    return static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x);
  }
};

CellField MakeCellField(const LinearGrid& grid, const Background& background, float full_distance);

}  // namespace graphony::interpret
