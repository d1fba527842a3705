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

// AreaResample one output row at a time, for loops that use each row once (scan mode) and
// need not keep the whole grid. Rows come out bit for bit as AreaResample's.
class RowResampler {
 public:
  struct Span {  // source indices [first, first + weights.size()) feed one output index
    int first = 0;
    std::vector<float> weights;
  };
  // One caller's working rows: each thread has its own. Keeps the last reduced source row,
  // which the next output row usually shares.
  struct Scratch {
    std::vector<float> line, reduced, cached;
    int cached_row = -1;
  };
  // Sizes clamped to 1..the image's own, as AreaResample does; `image` must be usable.
  RowResampler(const Image& image, int out_width, int out_height);
  int width() const { return out_width_; }
  int height() const { return out_height_; }
  // Output row `oy` (width() cells of 4 floats) into `out`.
  void Row(int oy, float* out, Scratch& scratch) const;

 private:
  void ReduceRow(int y, std::vector<float>& into, Scratch& scratch) const;
  const Image& image_;
  int out_width_ = 0, out_height_ = 0;
  std::vector<Span> rows_;
  // The column spans flattened (no pointer per span in the innermost loop): span ox reads
  // source columns from col_first_[ox], with weights col_weights_[col_at_[ox] ..
  // col_at_[ox + 1]).
  std::vector<int> col_first_;
  std::vector<size_t> col_at_;
  std::vector<float> col_weights_;
};

// Box-filters `image` to out_width x out_height (each at most the image's own size). Every
// output cell is the exact area average of the source pixels it covers, fractional edges
// weighted, so thin lines fade instead of vanishing and the result does not alias.
// Large images are reduced on two threads (split_rows.h: the same cells bit for bit);
// `threads` 1 keeps it on the caller's thread.
LinearGrid AreaResample(const Image& image, int out_width, int out_height, int threads = 2);

}  // namespace graphony::interpret
