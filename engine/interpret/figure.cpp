// Figure field: box-filter centre-surround contrast in OKLab (summed-area tables), a fine-scale
// texture measure, and the blend between "marks on paper" and "painting" figure rules.
#include "interpret/figure.h"

#include <algorithm>
#include <cmath>

namespace graphony::interpret {

namespace {

// Summed-area table of one channel, (w+1) x (h+1).
struct Integral {
  int w = 0, h = 0;
  std::vector<double> s;
  Integral(const std::vector<float>& v, int width, int height) : w(width), h(height) {
    s.assign(static_cast<size_t>(w + 1) * static_cast<size_t>(h + 1), 0.0);
    for (int y = 0; y < h; ++y) {
      double row = 0;
      for (int x = 0; x < w; ++x) {
        row += v[static_cast<size_t>(y) * w + x];
        s[static_cast<size_t>(y + 1) * (w + 1) + x + 1] =
            s[static_cast<size_t>(y) * (w + 1) + x + 1] + row;
      }
    }
  }
  // Mean over the box of radii (rx, ry) around (x, y), clipped to the grid.
  float Mean(int x, int y, int rx, int ry) const {
    const int x0 = std::max(0, x - rx), x1 = std::min(w, x + rx + 1);
    const int y0 = std::max(0, y - ry), y1 = std::min(h, y + ry + 1);
    const size_t W = static_cast<size_t>(w + 1);
    const double sum = s[y1 * W + x1] - s[y0 * W + x1] - s[y1 * W + x0] + s[y0 * W + x0];
    return static_cast<float>(sum / ((x1 - x0) * (y1 - y0)));
  }
};

// Summed-area table of three channels at once (OKLab L, a, b interleaved), so that a box's
// corners and area are found once for all three.
struct Integral3 {
  int w = 0, h = 0;
  std::vector<double> s;
  Integral3(const std::vector<float>& c0, const std::vector<float>& c1,
            const std::vector<float>& c2, int width, int height)
      : w(width), h(height) {
    s.assign(3 * static_cast<size_t>(w + 1) * static_cast<size_t>(h + 1), 0.0);
    inverse_square.resize(static_cast<size_t>(std::max(w, h) / 2 + 2));
    for (size_t r = 0; r < inverse_square.size(); ++r)
      inverse_square[r] = 1.0 / static_cast<double>((2 * r + 1) * (2 * r + 1));
    const size_t W = static_cast<size_t>(w + 1);
    for (int y = 0; y < h; ++y) {
      double r0 = 0, r1 = 0, r2 = 0;
      const double* above = &s[3 * (static_cast<size_t>(y) * W + 1)];
      double* here = &s[3 * (static_cast<size_t>(y + 1) * W + 1)];
      for (int x = 0; x < w; ++x) {
        const size_t i = static_cast<size_t>(y) * w + x;
        r0 += c0[i];
        r1 += c1[i];
        r2 += c2[i];
        here[3 * x] = above[3 * x] + r0;
        here[3 * x + 1] = above[3 * x + 1] + r1;
        here[3 * x + 2] = above[3 * x + 2] + r2;
      }
    }
  }
  // 1 / the full area of a square box of radius r (r up to half the grid's larger side).
  std::vector<double> inverse_square;
  double Inverse(int rx, int ry) const {
    if (rx == ry && rx < static_cast<int>(inverse_square.size()))
      return inverse_square[static_cast<size_t>(rx)];
    return 1.0 / ((2 * rx + 1) * (2 * ry + 1));
  }
  // Means over the box of radii (rx, ry) around (x, y), clipped to the grid.
  void Mean(int x, int y, int rx, int ry, float out[3]) const {
    const int x0 = std::max(0, x - rx), x1 = std::min(w, x + rx + 1);
    const int y0 = std::max(0, y - ry), y1 = std::min(h, y + ry + 1);
    const size_t W = static_cast<size_t>(w + 1);
    const double* a = &s[3 * (y1 * W + x1)];
    const double* b = &s[3 * (y0 * W + x1)];
    const double* c = &s[3 * (y1 * W + x0)];
    const double* d = &s[3 * (y0 * W + x0)];
    // Boxes inside the grid (nearly all) have the full area: no division for them.
    const int area = (x1 - x0) * (y1 - y0);
    const double inv = area == (2 * rx + 1) * (2 * ry + 1) ? Inverse(rx, ry) : 1.0 / area;
    for (int k = 0; k < 3; ++k) out[k] = static_cast<float>((a[k] - b[k] - c[k] + d[k]) * inv);
  }
};

// Contrast below this (OKLab) is paint texture or noise; salience is full from this much more.
constexpr float kSalienceFloor = 0.035f, kSalienceSpan = 0.12f;
constexpr float kTextureFloor = 0.008f, kTextureSpan = 0.03f;

}  // namespace

FigureField MakeFigureField(const LinearGrid& grid, const CellField& cells, const Background& bg,
                            double cells_per_beat) {
  FigureField f;
  f.width = grid.width;
  f.height = grid.height;
  const int w = grid.width, h = grid.height;
  const size_t n = static_cast<size_t>(w) * static_cast<size_t>(h);
  f.figure.assign(n, 0.0f);
  f.salience.assign(n, 0.0f);
  f.texture.assign(n, 0.0f);
  f.alpha.assign(n, 0.0f);
  if (n == 0) return f;

  // The picture as seen: paint composited over the background colour (black for a transparent
  // sheet), in OKLab.
  std::vector<float> L(n), A(n), B(n);
  double ground = 0;
  for (size_t i = 0; i < n; ++i) {
    const float* c = &grid.rgba[i * 4];
    f.alpha[i] = c[3];
    // Opaque paint is seen as it is: its OKLab is already in the cell field (the conversion's
    // cube roots are the costliest part of this pass).
    Lab lab = cells.lab[i];
    if (c[3] != 1.0f) {
      LinearRgb over;
      for (size_t k = 0; k < 3; ++k) over[k] = c[k] + (1.0f - c[3]) * bg.linear[k];
      lab = LinearToOklab(over);
    }
    L[i] = lab.L;
    A[i] = lab.a;
    B[i] = lab.b;
  }

  const Integral3 lab3(L, A, B, w, h);
  // Scales: a cell, a small patch and a larger patch against surrounds up to about a beat
  // wide (and as tall, in rows of similar size).
  const int reach = std::max(2, static_cast<int>(std::lround(std::min(cells_per_beat, w / 8.0))));
  const int kCentre[3] = {0, std::max(1, reach / 6), std::max(1, reach / 3)};
  const int kSurround[3] = {std::max(2, reach / 3), std::max(3, reach * 2 / 3), reach};
  std::vector<float> raw(n), fine(n);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const size_t i = static_cast<size_t>(y) * w + x;
      float best = 0;
      const float self[3] = {L[i], A[i], B[i]};
      for (int s = 0; s < 3; ++s) {
        float centre[3], surround[3];
        if (kCentre[s] == 0)
          std::copy(self, self + 3, centre);
        else
          lab3.Mean(x, y, kCentre[s], kCentre[s], centre);
        lab3.Mean(x, y, kSurround[s], kSurround[s], surround);
        const float dl = centre[0] - surround[0], da = centre[1] - surround[1],
                    db = centre[2] - surround[2];
        // Brighter than its surround stands out more than darker (the moon, stars, a lit face).
        const float c = std::sqrt(dl * dl + 2.0f * (da * da + db * db)) + 0.5f * std::max(0.0f, dl);
        best = std::max(best, c);
      }
      raw[i] = best;
      float near[3];
      lab3.Mean(x, y, 1, 1, near);
      const float dl = L[i] - near[0], da = A[i] - near[1], db = B[i] - near[2];
      fine[i] = std::sqrt(dl * dl + da * da + db * db);
    }
  // A calm painting still has figures: the floor rises with the picture's typical contrast
  // (the median, which one new shape barely moves).
  std::vector<float> sorted = raw;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(n / 2), sorted.end());
  const float floor = std::max(kSalienceFloor, 1.4f * sorted[n / 2]);
  const Integral iF(fine, w, h);
  // Paper is flat: a cell is ground when it looks like the border's colour and is not busy.
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const size_t i = static_cast<size_t>(y) * w + x;
      f.texture[i] = std::clamp((iF.Mean(x, y, 2, 2) - kTextureFloor) / kTextureSpan, 0.0f, 1.0f);
      // Paper-likeness counts by degree (1 - strength on flat cells), so that blurring a drawing,
      // which spreads its ink into a soft halo, does not turn it into a painting.
      if (cells.strength[i] <= 0.0f)
        ground += 1.0;
      else if (f.texture[i] < 0.25f)
        ground += 1.0 - cells.strength[i];
    }
  // Only a blank ground is paper: white or near-white, black, or transparent. Any other ground
  // (a calm sky meeting the border, a coloured wash) is painted, and what sounds in it is what
  // stands out.
  const bool blank =
      bg.transparent || bg.lab.L < 0.12f || (bg.lab.L > 0.85f && Chroma(bg.lab) < 0.035f);
  f.paper = blank ? std::clamp((static_cast<float>(ground) / static_cast<float>(n) - 0.35f) / 0.25f,
                               0.0f, 1.0f)
                  : 0.0f;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const size_t i = static_cast<size_t>(y) * w + x;
      f.salience[i] = std::clamp((raw[i] - floor) / kSalienceSpan, 0.0f, 1.0f) * f.alpha[i];
      // Marks on paper sound where they differ from the paper; inside a painting, where they
      // stand out from their surroundings or where the brushwork is busy.
      // The paper itself never sounds: the more the picture is a drawing, the more a cell of the
      // paper's colour is kept out, however much it contrasts with the ink beside it.
      const float paint = 1.0f - f.paper * (1.0f - std::min(1.0f, cells.strength[i] / 0.12f));
      f.figure[i] = f.paper * cells.strength[i] +
                    (1.0f - f.paper) * paint * std::max(f.salience[i], 0.5f * f.texture[i]);
    }
  return f;
}

}  // namespace graphony::interpret
