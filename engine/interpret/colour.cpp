// sRGB transfer, OKLab (Björn Ottosson, 2020) and palette matching.
#include "interpret/colour.h"

#include <cmath>
#include <limits>

namespace graphony::interpret {

namespace {

struct SrgbTable {
  float value[256];
  SrgbTable() {
    for (int i = 0; i < 256; ++i) {
      const double c = i / 255.0;
      value[i] = static_cast<float>(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
    }
  }
};

}  // namespace

const float* SrgbToLinearTable() {
  static const SrgbTable kTable;
  return kTable.value;
}

float SrgbToLinear(uint8_t value) { return SrgbToLinearTable()[value]; }

LinearRgb ToLinear(Color c) { return {SrgbToLinear(c.r), SrgbToLinear(c.g), SrgbToLinear(c.b)}; }

Lab ColorToOklab(Color c) { return LinearToOklab(ToLinear(c)); }

PaletteMatcher::PaletteMatcher(const std::vector<PaletteEntry>& palette) {
  for (const PaletteEntry& entry : palette) {
    linear_.push_back(ToLinear(entry.color));
    lab_.push_back(ColorToOklab(entry.color));
  }
}

int PaletteMatcher::Nearest(const Lab& lab) const {
  int best = 0;
  float best_distance = std::numeric_limits<float>::max();
  for (size_t i = 0; i < lab_.size(); ++i) {
    const float d = LabDistance(lab, lab_[i]);
    if (d < best_distance) {  // strict: ties go to the earlier entry, deterministically
      best_distance = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

int PaletteMatcher::Unmixed(const LinearRgb& rgb, const Lab& lab, const LinearRgb& bg) const {
  // For each entry P find the coverage alpha in [0,1] that makes bg + alpha (P - bg) closest to
  // the pixel; the residual says how well "P painted over the background" explains it. A small
  // preference for high coverage breaks ties between dark and mid-grey inks.
  constexpr float kCoveragePreference = 0.05f;
  int best = -1;
  float best_cost = std::numeric_limits<float>::max();
  for (size_t i = 0; i < linear_.size(); ++i) {
    const LinearRgb& p = linear_[i];
    const float dx[3] = {p[0] - bg[0], p[1] - bg[1], p[2] - bg[2]};
    const float len2 = dx[0] * dx[0] + dx[1] * dx[1] + dx[2] * dx[2];
    if (len2 < 1e-6f) continue;  // this entry is the background colour: explains nothing
    const float px[3] = {rgb[0] - bg[0], rgb[1] - bg[1], rgb[2] - bg[2]};
    float alpha = (px[0] * dx[0] + px[1] * dx[1] + px[2] * dx[2]) / len2;
    alpha = alpha < 0 ? 0 : (alpha > 1 ? 1 : alpha);
    float residual2 = 0;
    for (int k = 0; k < 3; ++k) {
      const float r = px[k] - alpha * dx[k];
      residual2 += r * r;
    }
    const float cost = std::sqrt(residual2) + kCoveragePreference * (1.0f - alpha);
    if (cost < best_cost) {
      best_cost = cost;
      best = static_cast<int>(i);
    }
  }
  return best >= 0 ? best : Nearest(lab);
}

}  // namespace graphony::interpret
