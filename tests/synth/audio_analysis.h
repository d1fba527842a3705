// Signal measurements for synth tests: RMS, peak, spectral centroid, DFT magnitude (pitch:
// support/pitch_estimate.h).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "support/pitch_estimate.h"

namespace graphony::test {

inline double Rms(const std::vector<float>& x, size_t begin = 0, size_t end = SIZE_MAX) {
  end = std::min(end, x.size());
  double acc = 0;
  for (size_t i = begin; i < end; ++i) acc += static_cast<double>(x[i]) * x[i];
  return end > begin ? std::sqrt(acc / static_cast<double>(end - begin)) : 0.0;
}

inline double Peak(const std::vector<float>& x) {
  double p = 0;
  for (float v : x) p = std::max(p, static_cast<double>(std::fabs(v)));
  return p;
}

inline bool AllFinite(const std::vector<float>& x) {
  for (float v : x)
    if (!std::isfinite(v)) return false;
  return true;
}

// |DFT| at one frequency over a Hann-windowed span (Goertzel-like, direct sum).
inline double MagnitudeAt(const std::vector<float>& x, size_t begin, size_t len, double sr,
                          double hz) {
  double re = 0, im = 0;
  for (size_t i = 0; i < len && begin + i < x.size(); ++i) {
    const double w = 0.5 - 0.5 * std::cos(2 * M_PI * i / (len - 1));
    const double ph = 2 * M_PI * hz * i / sr;
    re += w * x[begin + i] * std::cos(ph);
    im -= w * x[begin + i] * std::sin(ph);
  }
  return std::sqrt(re * re + im * im) * 4.0 / len;  // ~ sine amplitude
}

// Spectral centroid (Hz) over a span, from a direct DFT on `bins` bins up to `max_hz`.
inline double SpectralCentroid(const std::vector<float>& x, size_t begin, size_t len, double sr,
                               double max_hz = 8000, int bins = 160) {
  double num = 0, den = 0;
  for (int b = 1; b <= bins; ++b) {
    const double hz = max_hz * b / bins;
    const double m = MagnitudeAt(x, begin, len, sr, hz);
    num += hz * m;
    den += m;
  }
  return den > 0 ? num / den : 0.0;
}

}  // namespace graphony::test
