// `soft-pad`: three slightly detuned soft oscillators (few harmonics, no filter needed), slow
// attack and long release: warm and never harsh.
#pragma once

#include "synth/units/envelope.h"

namespace graphony::dsp {

class PadUnit {
 public:
  void Init(double sample_rate) {
    sample_rate_ = sample_rate;
    env_.Init(sample_rate);
    env_.Set(0.35, 1.5, 0.85f, 0.35);
  }
  void Reset() {
    env_.Reset();
    for (float& p : phase_) p = 0;
    lfo_ = 0;
  }
  void Start(float velocity, uint32_t seed) {
    gain_ = velocity * 0.55f;
    // Different start phases per note: a chord of pads does not start phase-locked.
    for (int k = 0; k < 3; ++k) phase_[k] = static_cast<float>((seed * (k + 3) % 97) / 97.0);
    env_.Start();
  }
  void Release() { env_.Release(); }
  bool Done() const { return env_.Done(); }
  float Level() const { return env_.Level() * gain_; }
  void Render(const UnitBlock& b, float* out) {
    static constexpr float kDetune[3] = {0.99597f, 1.0f, 1.00404f};  // -7, 0, +7 cents
    float inc = b.inc_start;
    const float dinc = (b.inc_end - b.inc_start) / b.frames;
    const float lfo_inc = static_cast<float>(0.23 / sample_rate_);
    for (int i = 0; i < b.frames; ++i) {
      float s = 0;
      for (int k = 0; k < 3; ++k) {
        const float p = phase_[k];
        // Fundamental plus gently falling 2nd and 3rd harmonics (only if below Nyquist).
        s += Sin2Pi(p) + (inc < 0.2f ? 0.3f * Sin2Pi(2 * p) : 0.0f) +
             (inc < 0.13f ? 0.1f * Sin2Pi(3 * p) : 0.0f);
        phase_[k] = p + inc * kDetune[k];
        phase_[k] -= static_cast<float>(static_cast<int>(phase_[k]));
      }
      const float swell = 0.9f + 0.1f * Sin2Pi(lfo_);
      lfo_ += lfo_inc;
      if (lfo_ >= 1) lfo_ -= 1;
      out[i] = s * (1.0f / 3.0f) * swell * env_.Next() * gain_;
      inc += dinc;
    }
  }

 private:
  Envelope env_;
  double sample_rate_ = 48000;
  float phase_[3] = {0, 0, 0};
  float lfo_ = 0, gain_ = 0;
};

}  // namespace graphony::dsp
