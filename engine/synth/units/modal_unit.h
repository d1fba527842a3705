// Decaying partials at fixed frequency ratios: the body of `pluck` (harmonic string modes,
// higher ones dying faster) and `marimba` (a struck bar's inharmonic modes).
#pragma once

#include <algorithm>

#include "core/instrument_traits.h"
#include "synth/units/envelope.h"

namespace graphony::dsp {

struct ModalShape {
  int count = 0;
  float ratio[8] = {};
  float amp[8] = {};
  float t60[8] = {};      // seconds at 220 Hz; scaled by pitch at note start
  double attack = 0.002;  // seconds: a soft onset instead of a click
  double release = 0.12;  // 1/e seconds once the note ends
};

class ModalUnit {
 public:
  void Init(double sample_rate, const ModalShape& shape) {
    sample_rate_ = sample_rate;
    shape_ = shape;
    env_.Init(sample_rate);
    env_.Set(shape.attack, 1.0, 1.0f, shape.release);
  }
  void Reset() {
    env_.Reset();
    for (int k = 0; k < 8; ++k) {
      phase_[k] = 0;
      level_[k] = 0;
    }
  }
  void Start(float velocity, uint32_t, float freq_hz) {
    gain_ = velocity;
    // Higher notes ring shorter, as real strings and bars do.
    const double scale = std::clamp(std::sqrt(220.0 / std::max(20.0f, freq_hz)), 0.35, 2.0);
    for (int k = 0; k < shape_.count; ++k) {
      level_[k] = shape_.amp[k];
      decay_[k] = DecayT60(shape_.t60[k] * scale, sample_rate_);
      phase_[k] = 0;
    }
    env_.Start();
  }
  void Release() { env_.Release(); }
  bool Done() const { return env_.Done() || level_[0] < 1e-5f; }
  float Level() const { return env_.Level() * gain_ * level_[0]; }
  void Render(const UnitBlock& b, float* out) {
    float inc = b.inc_start;
    const float dinc = (b.inc_end - b.inc_start) / b.frames;
    for (int i = 0; i < b.frames; ++i) {
      float s = 0;
      for (int k = 0; k < shape_.count; ++k) {
        const float step = inc * shape_.ratio[k];
        if (step < 0.45f) s += Sin2Pi(phase_[k]) * level_[k];  // skip modes above Nyquist
        phase_[k] += step;
        phase_[k] -= static_cast<float>(static_cast<int>(phase_[k]));
        level_[k] *= decay_[k];
      }
      out[i] = s * env_.Next() * gain_;
      inc += dinc;
    }
  }

 private:
  ModalShape shape_;
  Envelope env_;
  double sample_rate_ = 48000;
  float phase_[8] = {}, level_[8] = {}, decay_[8] = {};
  float gain_ = 0;
};

// A plucked string: harmonics 1..8, brighter at the start, upper ones fading first.
inline ModalShape PluckShape() {
  const float fundamental_t60 = static_cast<float>(TraitsOf(InstrumentKind::kPluck).decay_seconds);
  ModalShape s;
  s.count = 8;
  for (int k = 0; k < 8; ++k) {
    const float n = static_cast<float>(k + 1);
    s.ratio[k] = n;
    s.amp[k] = 0.55f / std::pow(n, 1.4f);
    s.t60[k] = fundamental_t60 / (1.0f + 0.5f * (n - 1) * (n - 1) * 0.5f);
  }
  s.attack = 0.0015;
  s.release = 0.08;
  return s;
}

// A marimba bar: fundamental, the tuned 4th harmonic and an inharmonic high mode.
inline ModalShape MarimbaShape() {
  ModalShape s;
  s.count = 3;
  const float ratio[3] = {1.0f, 3.984f, 10.72f};
  const float amp[3] = {0.7f, 0.22f, 0.06f};
  const float t60[3] = {static_cast<float>(TraitsOf(InstrumentKind::kMarimba).decay_seconds), 0.35f,
                        0.08f};
  for (int k = 0; k < 3; ++k) {
    s.ratio[k] = ratio[k];
    s.amp[k] = amp[k];
    s.t60[k] = t60[k];
  }
  s.attack = 0.001;
  s.release = 0.1;
  return s;
}

}  // namespace graphony::dsp
