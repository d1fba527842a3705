// HeightToPitch / SnapToScale for one mapping without rebuilding the scale on every call
// (the pitch.h functions recompute ScaleNotesInRange each time; inner loops call these).
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/pitch.h"
#include "core/score.h"

namespace graphony::interpret {

class ScaleLookup {
 public:
  explicit ScaleLookup(const Mapping& mapping)
      : mapping_(mapping), notes_(ScaleNotesInRange(mapping)), continuous_(mapping.scale == "none") {}

  const std::vector<int>& notes() const { return notes_; }

  // Same result as HeightToPitch(mapping, height).
  double Pitch(double height) const {
    if (continuous_) return HeightToContinuousPitch(mapping_, height);
    if (notes_.empty()) return std::round(HeightToContinuousPitch(mapping_, height));
    height = std::clamp(height, 0.0, 1.0);
    const size_t band = static_cast<size_t>(height * static_cast<double>(notes_.size()));
    return notes_[std::min(band, notes_.size() - 1)];
  }

  // Same result as SnapToScale(mapping, HeightToPitch(mapping, height)): the printed pitch.
  int Printed(double height) const {
    const double pitch = Pitch(height);
    return static_cast<int>(std::lround(pitch));  // a scale note already, or rounded
  }

 private:
  Mapping mapping_;
  std::vector<int> notes_;
  bool continuous_;
};

}  // namespace graphony::interpret
