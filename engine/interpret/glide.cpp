// Scale-magnet pitch curve for strokes.
#include "interpret/glide.h"

#include <algorithm>
#include <cmath>

#include "core/pitch.h"

namespace graphony::interpret {

double GlidePitch(const Mapping& mapping, const std::vector<int>& notes, double height) {
  if (notes.empty()) return HeightToContinuousPitch(mapping, height);
  height = std::clamp(height, 0.0, 1.0);
  const double n = static_cast<double>(notes.size());
  const double u = height * n - 0.5;  // band coordinate: u == i at band i's centre
  if (u <= 0) return notes.front();
  if (u >= n - 1) return notes.back();
  const size_t i = static_cast<size_t>(std::floor(u));
  const double f = u - static_cast<double>(i);
  const double t = std::clamp((f - 0.25) / 0.5, 0.0, 1.0);
  const double smooth = t * t * (3.0 - 2.0 * t);
  return notes[i] + (notes[i + 1] - notes[i]) * smooth;
}

}  // namespace graphony::interpret
