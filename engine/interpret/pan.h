// Gentle stereo placement: low sounds a little left, high a little right, never hard-panned.
#pragma once

#include <algorithm>

namespace graphony::interpret {

// At most 30% off centre, so a group playing along still hears every part from both speakers.
inline constexpr float kMaxPan = 0.3f;

inline float PanForHeight(double height) {
  return kMaxPan * static_cast<float>(2.0 * std::clamp(height, 0.0, 1.0) - 1.0);
}

}  // namespace graphony::interpret
