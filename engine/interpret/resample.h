// Area-averaging resampler: any image -> a smaller grid of linear-light, premultiplied cells.
#pragma once

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

// True when the image's size and pixel buffer agree (untrusted data never indexes out of range).
bool ImageIsUsable(const Image& image);

// Box-filters `image` to out_width x out_height (each at most the image's own size). Every
// output cell is the exact area average of the source pixels it covers, fractional edges
// weighted, so thin lines fade instead of vanishing and the result does not alias.
// Large images are reduced on two threads (split_rows.h: the same cells bit for bit);
// `threads` 1 keeps it on the caller's thread.
LinearGrid AreaResample(const Image& image, int out_width, int out_height, int threads = 2);

}  // namespace graphony::interpret
