// Small DSP helpers shared by the synth units: block size, fast sine, smoothing, noise, pan.
#pragma once

#include <cmath>
#include <cstdint>

namespace graphony::dsp {

// The engine always renders in blocks of this many frames (the adapter in SynthEngine
// lets callers ask for any count), so output never depends on the caller's block size.
inline constexpr int kBlock = 64;
inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kTwoPi = 2 * kPi;

// sin(2*pi*x) for any x, max error ~2e-6: range-reduced to [-0.5, 0.5) then an odd
// polynomial. Used per sample by voices, where std::sin would cost too much.
inline float Sin2Pi(float x) {
  x -= std::floor(x + 0.5f);  // [-0.5, 0.5)
  // Fold to [-0.25, 0.25] using sin(pi - a) = sin(a).
  if (x > 0.25f)
    x = 0.5f - x;
  else if (x < -0.25f)
    x = -0.5f - x;
  const float t = x * x;
  // Taylor-like minimax for sin(2*pi*x) on [-0.25, 0.25].
  return x * (6.28318531f +
              t * (-41.3417016f + t * (81.6052492f + t * (-76.7058597f + t * 42.0586939f))));
}

inline double MidiToHz(double midi) { return 440.0 * std::exp2((midi - 69.0) / 12.0); }

// Equal-power pan: pan -1 (left) .. +1 (right).
inline void PanGains(float pan, float& left, float& right) {
  const double p = (std::fmin(1.0, std::fmax(-1.0, pan)) + 1.0) * 0.25 * kPi;
  left = static_cast<float>(std::cos(p));
  right = static_cast<float>(std::sin(p));
}

// Seconds -> one-pole coefficient for exponential decay to 1/e.
inline float OnePoleCoef(double seconds, double sample_rate) {
  if (seconds <= 0) return 0.0f;
  return static_cast<float>(std::exp(-1.0 / (seconds * sample_rate)));
}

// Per-sample decay factor for a 60 dB fall in `t60` seconds.
inline float DecayT60(double t60, double sample_rate) {
  if (t60 <= 0) return 0.0f;
  return static_cast<float>(std::pow(10.0, -3.0 / (t60 * sample_rate)));
}

// Deterministic white noise in [-1, 1) (xorshift32); seeded per note so renders repeat.
struct Noise {
  uint32_t state = 0x12345678u;
  void Seed(uint32_t seed) {
    state = seed * 2654435761u + 0x9E3779B9u;
    if (!state) state = 1;
  }
  float Next() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return static_cast<float>(static_cast<int32_t>(state)) * (1.0f / 2147483648.0f);
  }
};

// Gentle saturation (odd, monotonic, |y| < 1): rounds off bass peaks without buzz.
inline float SoftClip(float x) { return x / std::sqrt(1.0f + x * x); }

}  // namespace graphony::dsp
