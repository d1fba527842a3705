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
std::vector<RowResampler::Span> AxisSpans(int source, int out) {
  std::vector<RowResampler::Span> spans(static_cast<size_t>(out));
  const double scale = static_cast<double>(source) / out;
  for (int i = 0; i < out; ++i) {
    const double lo = i * scale, hi = (i + 1) * scale;
    const int first = static_cast<int>(std::floor(lo));
    const int last = std::min(source - 1, static_cast<int>(std::ceil(hi)) - 1);
    RowResampler::Span& s = spans[static_cast<size_t>(i)];
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

RowResampler::RowResampler(const Image& image, int out_width, int out_height)
    : image_(image),
      out_width_(std::clamp(out_width, 1, image.width)),
      out_height_(std::clamp(out_height, 1, image.height)),
      rows_(AxisSpans(image.height, out_height_)) {
  col_at_.push_back(0);
  for (const Span& span : AxisSpans(image.width, out_width_)) {
    col_first_.push_back(span.first);
    col_weights_.insert(col_weights_.end(), span.weights.begin(), span.weights.end());
    col_at_.push_back(col_weights_.size());
  }
}

// One source row, converted to linear light and reduced across into `into`.
void RowResampler::ReduceRow(int y, std::vector<float>& into, Scratch& scratch) const {
  const size_t w = static_cast<size_t>(image_.width);
  const float* lut = SrgbToLinearTable();
  std::vector<float>& line = scratch.line;
  const uint8_t* p = &image_.rgba[static_cast<size_t>(y) * w * 4];
  for (size_t x = 0; x < w; ++x, p += 4) LinearPixel(p, lut, &line[x * 4]);
  const float* weights = col_weights_.data();
  for (size_t ox = 0; ox < col_first_.size(); ++ox) {
    const float* l = &line[static_cast<size_t>(col_first_[ox]) * 4];
    const size_t end = col_at_[ox + 1];
#ifdef __SSE2__
    // The four channels of a cell in one register: the same products and sums, per lane.
    __m128 sum = _mm_setzero_ps();
    for (size_t k = col_at_[ox]; k < end; ++k, l += 4)
      sum = _mm_add_ps(sum, _mm_mul_ps(_mm_loadu_ps(l), _mm_set1_ps(weights[k])));
    _mm_storeu_ps(&into[ox * 4], sum);
#else
    float sum[4] = {0, 0, 0, 0};
    for (size_t k = col_at_[ox]; k < end; ++k, l += 4)
      for (int c = 0; c < 4; ++c) sum[c] += l[c] * weights[k];
    for (int c = 0; c < 4; ++c) into[ox * 4 + static_cast<size_t>(c)] = sum[c];
#endif
  }
}

void RowResampler::Row(int oy, float* out, Scratch& scratch) const {
  // Each source row is converted and reduced across once; neighbouring output rows share at
  // most one source row, so the last reduced row is kept (recomputing it gives the same
  // numbers).
  const size_t ow = static_cast<size_t>(out_width_);
  if (scratch.line.size() != static_cast<size_t>(image_.width) * 4) {
    scratch.line.assign(static_cast<size_t>(image_.width) * 4, 0.0f);
    scratch.reduced.assign(ow * 4, 0.0f);
    scratch.cached.assign(ow * 4, 0.0f);
    scratch.cached_row = -1;
  }
  std::fill(out, out + ow * 4, 0.0f);
  const Span& rs = rows_[static_cast<size_t>(oy)];
  for (size_t k = 0; k < rs.weights.size(); ++k) {
    const int y = rs.first + static_cast<int>(k);
    const bool is_last = k + 1 == rs.weights.size();
    const std::vector<float>* row = &scratch.cached;
    if (y != scratch.cached_row) {
      ReduceRow(y, scratch.reduced, scratch);
      row = &scratch.reduced;
    }
    const float wy = rs.weights[k];
    for (size_t i = 0; i < ow * 4; ++i) out[i] += (*row)[i] * wy;
    if (is_last && row == &scratch.reduced) {
      std::swap(scratch.reduced, scratch.cached);
      scratch.cached_row = y;
    }
  }
}

LinearGrid AreaResample(const Image& image, int out_width, int out_height, int threads) {
  LinearGrid grid;
  if (!ImageIsUsable(image)) return grid;
  out_width = std::clamp(out_width, 1, image.width);
  out_height = std::clamp(out_height, 1, image.height);
  grid.width = out_width;
  grid.height = out_height;
  grid.rgba.assign(static_cast<size_t>(out_width) * static_cast<size_t>(out_height) * 4, 0.0f);

  const size_t ow = static_cast<size_t>(out_width);
  const float* lut = SrgbToLinearTable();
  if (out_width == image.width && out_height == image.height) {
    // Full size: every weight is 1, so each cell is its pixel (the sums below add it to 0).
    const size_t n = static_cast<size_t>(out_width) * static_cast<size_t>(out_height);
    for (size_t i = 0; i < n; ++i) LinearPixel(&image.rgba[i * 4], lut, &grid.rgba[i * 4]);
    return grid;
  }

  // Output rows [first, last), with their own scratch (RowResampler: where a range starts
  // does not change any cell).
  const RowResampler resampler(image, out_width, out_height);
  auto rows_between = [&](int first, int last) {
    RowResampler::Scratch scratch;
    for (int oy = first; oy < last; ++oy)
      resampler.Row(oy, &grid.rgba[static_cast<size_t>(oy) * ow * 4], scratch);
  };
  SplitRows(out_height, static_cast<double>(image.width) * image.height, rows_between, threads);
  return grid;
}

}  // namespace graphony::interpret
