// Colour science for interpretation: sRGB <-> linear light, OKLab, and palette matching.
#pragma once

#include <array>
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
Lab LinearToOklab(const LinearRgb& rgb);
Lab ColorToOklab(Color color);
float LabDistance(const Lab& x, const Lab& y);
float Chroma(const Lab& lab);  // colourfulness: 0 for greys, ~0.32 for the most vivid sRGB

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
