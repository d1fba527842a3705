// Pitch estimators (see pitch_estimate.h).
#include "support/pitch_estimate.h"

#include <algorithm>
#include <cmath>

namespace graphony::test {

double EstimatePitchHz(const std::vector<float>& x, size_t begin, size_t len, double sr,
                       double fmin, double fmax) {
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
    const double a = r[static_cast<size_t>(lag - 1)], b = r[static_cast<size_t>(lag)],
                 c = r[static_cast<size_t>(lag + 1)];
    if (b >= 0.9 * best && b >= a && b >= c) {
      const double d = a - 2 * b + c;
      const double shift = d != 0 ? 0.5 * (a - c) / d : 0.0;
      return sr / (lag + shift);
    }
  }
  return 0;
}

double ZeroCrossingHz(const std::vector<float>& x, size_t begin, size_t end, double rate) {
  double first = -1, last = -1;
  int crossings = 0;
  for (size_t i = begin + 1; i < end && i < x.size(); ++i) {
    if (x[i - 1] < 0 && x[i] >= 0) {
      const double t = static_cast<double>(i - 1) + x[i - 1] / (x[i - 1] - x[i]);
      if (first < 0)
        first = t;
      else
        ++crossings;
      last = t;
    }
  }
  return crossings > 0 ? crossings * rate / (last - first) : 0;
}

double MidiToHz(double midi) { return 440.0 * std::pow(2.0, (midi - 69.0) / 12.0); }

double Cents(double hz, double want_hz) { return 1200.0 * std::log2(hz / want_hz); }

double Semitones(double hz, double midi) {
  return hz > 0 ? 12.0 * std::log2(hz / MidiToHz(midi)) : 99;
}

}  // namespace graphony::test
