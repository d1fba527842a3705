// Separable area averaging in linear light: one pass down the rows, one across the columns.
#include "interpret/resample.h"

#include <algorithm>
#include <cmath>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "interpret/colour.h"
#include "interpret/split_rows.h"

namespace graphony::interpret {

namespace {

// For one axis: which source indices feed output index i, with what weight. Output cell i
// covers source [i*scale, (i+1)*scale).
struct Span {
  int first = 0;
  std::vector<float> weights;
};

std::vector<Span> AxisSpans(int source, int out) {
  std::vector<Span> spans(static_cast<size_t>(out));
  const double scale = static_cast<double>(source) / out;
  for (int i = 0; i < out; ++i) {
    const double lo = i * scale, hi = (i + 1) * scale;
    const int first = static_cast<int>(std::floor(lo));
    const int last = std::min(source - 1, static_cast<int>(std::ceil(hi)) - 1);
    Span& s = spans[static_cast<size_t>(i)];
    s.first = first;
    for (int k = first; k <= last; ++k) {
      const double covered = std::min(hi, k + 1.0) - std::max(lo, static_cast<double>(k));
      s.weights.push_back(static_cast<float>(covered / scale));
    }
  }
  return spans;
}

}  // namespace

bool ImageIsUsable(const Image& image) {
  return image.width > 0 && image.height > 0 && image.width <= kMaxImageSide &&
         image.height <= kMaxImageSide &&
         image.rgba.size() ==
             static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4;
}

LinearGrid AreaResample(const Image& image, int out_width, int out_height, int threads) {
  LinearGrid grid;
  if (!ImageIsUsable(image)) return grid;
  out_width = std::clamp(out_width, 1, image.width);
  out_height = std::clamp(out_height, 1, image.height);
  grid.width = out_width;
  grid.height = out_height;
  grid.rgba.assign(static_cast<size_t>(out_width) * static_cast<size_t>(out_height) * 4, 0.0f);

  const std::vector<Span> rows = AxisSpans(image.height, out_height);
  const std::vector<Span> cols = AxisSpans(image.width, out_width);
  const size_t w = static_cast<size_t>(image.width);
  const size_t ow = static_cast<size_t>(out_width);
  const float* lut = SrgbToLinearTable();
  if (out_width == image.width && out_height == image.height) {
    // Full size: every weight is 1, so each cell is its pixel (the sums below add it to 0).
    const size_t n = static_cast<size_t>(out_width) * static_cast<size_t>(out_height);
    for (size_t i = 0; i < n; ++i) LinearPixel(&image.rgba[i * 4], lut, &grid.rgba[i * 4]);
    return grid;
  }

  // Output rows [first, last), with their own scratch: each source row is converted and
  // reduced across once; neighbouring output rows share at most one source row, so the last
  // reduced row is kept (recomputing it gives the same numbers, so where a range starts does
  // not change any cell).
  auto rows_between = [&](int first, int last) {
    std::vector<float> line(w * 4);  // one source row in linear light, premultiplied
    std::vector<float> reduced(ow * 4), cached(ow * 4);
    int cached_row = -1;
    auto reduce_row = [&](int y, std::vector<float>& into) {
      const uint8_t* p = &image.rgba[static_cast<size_t>(y) * w * 4];
      for (size_t x = 0; x < w; ++x, p += 4) LinearPixel(p, lut, &line[x * 4]);
      for (size_t ox = 0; ox < ow; ++ox) {
        const Span& cs = cols[ox];
        const float* l = &line[static_cast<size_t>(cs.first) * 4];
#ifdef __SSE2__
        // The four channels of a cell in one register: the same products and sums, per lane.
        __m128 sum = _mm_setzero_ps();
        for (size_t k = 0; k < cs.weights.size(); ++k, l += 4)
          sum = _mm_add_ps(sum, _mm_mul_ps(_mm_loadu_ps(l), _mm_set1_ps(cs.weights[k])));
        _mm_storeu_ps(&into[ox * 4], sum);
#else
        float sum[4] = {0, 0, 0, 0};
        for (size_t k = 0; k < cs.weights.size(); ++k, l += 4)
          for (int c = 0; c < 4; ++c) sum[c] += l[c] * cs.weights[k];
        for (int c = 0; c < 4; ++c) into[ox * 4 + static_cast<size_t>(c)] = sum[c];
#endif
      }
    };
    for (int oy = first; oy < last; ++oy) {
      const Span& rs = rows[static_cast<size_t>(oy)];
      float* out = &grid.rgba[static_cast<size_t>(oy) * ow * 4];
      for (size_t k = 0; k < rs.weights.size(); ++k) {
        const int y = rs.first + static_cast<int>(k);
        const bool is_last = k + 1 == rs.weights.size();
        const std::vector<float>* row = &cached;
        if (y != cached_row) {
          reduce_row(y, reduced);
          row = &reduced;
        }
        const float wy = rs.weights[k];
        for (size_t i = 0; i < ow * 4; ++i) out[i] += (*row)[i] * wy;
        if (is_last && row == &reduced) {
          std::swap(reduced, cached);
          cached_row = y;
        }
      }
    }
  };
  SplitRows(out_height, static_cast<double>(image.width) * image.height, rows_between, threads);
  return grid;
}

}  // namespace graphony::interpret
