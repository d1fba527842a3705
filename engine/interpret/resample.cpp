// Separable area averaging in linear light: one pass down the rows, one across the columns.
#include "interpret/resample.h"

#include <algorithm>
#include <cmath>

#include "interpret/colour.h"

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
         image.rgba.size() == static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4;
}

LinearGrid AreaResample(const Image& image, int out_width, int out_height) {
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
  std::vector<float> line(w * 4);  // one output row, still at full horizontal resolution
  const float* lut = SrgbToLinearTable();
  constexpr float kInv255 = 1.0f / 255.0f;

  for (int oy = 0; oy < out_height; ++oy) {
    std::fill(line.begin(), line.end(), 0.0f);
    const Span& rs = rows[static_cast<size_t>(oy)];
    for (size_t k = 0; k < rs.weights.size(); ++k) {
      const float wy = rs.weights[k];
      const uint8_t* p = &image.rgba[static_cast<size_t>(rs.first + static_cast<int>(k)) * w * 4];
      for (size_t x = 0; x < w; ++x, p += 4) {
        // Premultiply so transparent pixels contribute no colour, only missing coverage.
        const float a = static_cast<float>(p[3]) * kInv255 * wy;
        float* l = &line[x * 4];
        l[0] += lut[p[0]] * a;
        l[1] += lut[p[1]] * a;
        l[2] += lut[p[2]] * a;
        l[3] += a;
      }
    }
    float* out = &grid.rgba[static_cast<size_t>(oy) * static_cast<size_t>(out_width) * 4];
    for (int ox = 0; ox < out_width; ++ox, out += 4) {
      const Span& cs = cols[static_cast<size_t>(ox)];
      for (size_t k = 0; k < cs.weights.size(); ++k) {
        const float* l = &line[static_cast<size_t>(cs.first + static_cast<int>(k)) * 4];
        const float wx = cs.weights[k];
        out[0] += l[0] * wx;
        out[1] += l[1] * wx;
        out[2] += l[2] * wx;
        out[3] += l[3] * wx;
      }
    }
  }
  return grid;
}

}  // namespace graphony::interpret
