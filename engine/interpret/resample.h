// Area-averaging resampler: any image -> a smaller grid of linear-light, premultiplied cells.
#pragma once

#include <cstdint>
#include <vector>

#include "core/score.h"

namespace graphony::interpret {

// Row-major, top row first; 4 floats per cell: premultiplied linear r, g, b and alpha.
struct LinearGrid {
  int width = 0;
  int height = 0;
  std::vector<float> rgba;
  const float* At(int x, int y) const {
    return &rgba[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) *
                 4];
  }
};

// Premultiplied linear light of one pixel from an 8-bit sRGB alpha value and the
// SrgbToLinearTable(): what AreaResample makes of it, so at full size (each cell one pixel, all
// weights 1) a cell is LinearPixel of its pixel, bit for bit.
inline constexpr float kInv255 = 1.0f / 255.0f;
inline void LinearPixel(const uint8_t* p, const float* lut, float* out) {
  // Premultiply so transparent pixels contribute no colour, only missing coverage.
  const float a = static_cast<float>(p[3]) * kInv255;
  out[0] = lut[p[0]] * a;
  out[1] = lut[p[1]] * a;
  out[2] = lut[p[2]] * a;
  out[3] = a;
}

// True when the image's size and pixel buffer agree (untrusted data never indexes out of range).
bool ImageIsUsable(const Image& image);

// Box-filters `image` to out_width x out_height (each at most the image's own size). Every
// output cell is the exact area average of the source pixels it covers, fractional edges
// weighted, so thin lines fade instead of vanishing and the result does not alias.
// Large images are reduced on two threads (split_rows.h: the same cells bit for bit);
// `threads` 1 keeps it on the caller's thread.
LinearGrid AreaResample(const Image& image, int out_width, int out_height, int threads = 2);

}  // namespace graphony::interpret
