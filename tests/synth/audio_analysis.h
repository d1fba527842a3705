// Signal measurements for synth tests: pitch, RMS, peak, spectral centroid, DFT magnitude.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

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

// Fundamental frequency of x[begin, begin+len) by normalised autocorrelation: the first
// lag whose correlation is within 90% of the best (avoids octave errors), refined by a
// parabola through its neighbours. Returns Hz (0 when nothing periodic is found).
inline double EstimatePitchHz(const std::vector<float>& x, size_t begin, size_t len, double sr,
                              double fmin = 50, double fmax = 2000) {
  if (begin + len > x.size()) return 0;
  const int lo = static_cast<int>(sr / fmax), hi = static_cast<int>(sr / fmin);
  const int n = static_cast<int>(len) - hi;
  if (n <= 0) return 0;
  const float* s = x.data() + begin;
  std::vector<double> r(static_cast<size_t>(hi + 2), 0.0);
  double e0 = 0;
  for (int i = 0; i < n; ++i) e0 += static_cast<double>(s[i]) * s[i];
  if (e0 <= 0) return 0;
  double best = 0;
  for (int lag = lo; lag <= hi + 1; ++lag) {
    double acc = 0, e1 = 0;
    for (int i = 0; i < n; ++i) {
      acc += static_cast<double>(s[i]) * s[i + lag];
      e1 += static_cast<double>(s[i + lag]) * s[i + lag];
    }
    r[static_cast<size_t>(lag)] = acc / std::sqrt(e0 * e1 + 1e-30);
    if (lag <= hi) best = std::max(best, r[static_cast<size_t>(lag)]);
  }
  for (int lag = lo + 1; lag < hi; ++lag) {
    const double a = r[static_cast<size_t>(lag - 1)], b = r[static_cast<size_t>(lag)], c = r[static_cast<size_t>(lag + 1)];
    if (b >= 0.9 * best && b >= a && b >= c) {
      const double d = a - 2 * b + c;
      const double shift = d != 0 ? 0.5 * (a - c) / d : 0.0;
      return sr / (lag + shift);
    }
  }
  return 0;
}

inline double Cents(double hz, double want_hz) { return 1200.0 * std::log2(hz / want_hz); }

// |DFT| at one frequency over a Hann-windowed span (Goertzel-like, direct sum).
inline double MagnitudeAt(const std::vector<float>& x, size_t begin, size_t len, double sr, double hz) {
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
