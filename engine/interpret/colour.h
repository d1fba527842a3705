// Colour science for interpretation: sRGB <-> linear light, OKLab, and palette matching.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/score.h"

namespace graphony::interpret {

// Linear-light RGB, 0..1 per channel.
using LinearRgb = std::array<float, 3>;

// A colour in OKLab: L is lightness 0..1, a/b are the green-red and blue-yellow axes.
struct Lab {
  float L = 0, a = 0, b = 0;
};

float SrgbToLinear(uint8_t value);  // table lookup, exact for all 256 inputs
// The 256-entry table itself, for inner loops (index with the 8-bit sRGB value).
const float* SrgbToLinearTable();
LinearRgb ToLinear(Color color);
// Cube root by bit trick plus two Newton steps: several times cheaper than std::cbrt, relative
// error < 1e-5 (far below any colour threshold used here), and just as deterministic.
inline float FastCbrt(float x) {
  if (x <= 0.0f) return 0.0f;
  uint32_t bits;
  static_assert(sizeof(bits) == sizeof(x));
  __builtin_memcpy(&bits, &x, sizeof(bits));
  bits = bits / 3 + 709921077u;
  float y;
  __builtin_memcpy(&y, &bits, sizeof(y));
  for (int i = 0; i < 2; ++i) y = y - (y * y * y - x) / (3.0f * y * y);
  return y;
}

// OKLab (Björn Ottosson, 2020). Inline: it runs once per cell in the inner loops.
inline Lab LinearToOklab(const LinearRgb& c) {
  const float l = 0.4122214708f * c[0] + 0.5363325363f * c[1] + 0.0514459929f * c[2];
  const float m = 0.2119034982f * c[0] + 0.6806995451f * c[1] + 0.1073969566f * c[2];
  const float s = 0.0883024619f * c[0] + 0.2817188376f * c[1] + 0.6299787005f * c[2];
  const float l_ = FastCbrt(l), m_ = FastCbrt(m), s_ = FastCbrt(s);
  return Lab{0.2104542553f * l_ + 0.7936177850f * m_ - 0.0040720468f * s_,
             1.9779984951f * l_ - 2.4285922050f * m_ + 0.4505937099f * s_,
             0.0259040371f * l_ + 0.7827717662f * m_ - 0.8086757660f * s_};
}
Lab ColorToOklab(Color color);
// Inline, like LinearToOklab: the scan loops call these once per cell.
inline float LabDistance(const Lab& x, const Lab& y) {
  const float dl = x.L - y.L, da = x.a - y.a, db = x.b - y.b;
  return std::sqrt(dl * dl + da * da + db * db);
}
// Colourfulness: 0 for greys, ~0.32 for the most vivid sRGB.
inline float Chroma(const Lab& lab) { return std::sqrt(lab.a * lab.a + lab.b * lab.b); }

// Matches colours to the score's palette. Instrument index == palette index; an empty palette
// behaves as one entry (the default instrument, index 0).
class PaletteMatcher {
 public:
  explicit PaletteMatcher(const std::vector<PaletteEntry>& palette);

  // Nearest palette entry in OKLab: for strokes, which are painted with palette colours.
  int Nearest(const Lab& lab) const;

  // For image pixels on a known background: the entry that best explains `rgb` as a mix of
  // that entry's colour and the background (a faint or thin black line on white paper averages
  // to light grey, yet it was painted black). Falls back to Nearest() when every entry equals
  // the background. `lab` is the OKLab form of `rgb`.
  int Unmixed(const LinearRgb& rgb, const Lab& lab, const LinearRgb& background) const;

  int size() const { return static_cast<int>(linear_.size()); }

 private:
  std::vector<LinearRgb> linear_;
  std::vector<Lab> lab_;
};

}  // namespace graphony::interpret
