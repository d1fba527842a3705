// `flute`: a nearly pure tone with a little 2nd/3rd harmonic, soft filtered breath noise
// (stronger at the onset) and a slow vibrato that fades in.
#pragma once

#include "synth/units/envelope.h"

namespace graphony::dsp {

class FluteUnit {
 public:
  void Init(double sample_rate) {
    sample_rate_ = sample_rate;
    env_.Init(sample_rate);
    env_.Set(0.07, 0.4, 0.85f, 0.09);
    // Breath noise: two one-pole low-passes (~1.8 kHz) keep it soft, never hissy.
    breath_lp_ = 1.0f - static_cast<float>(std::exp(-kTwoPi * 1800.0 / sample_rate));
    vib_inc_ = static_cast<float>(4.8 / sample_rate);
    vib_fade_ = static_cast<float>(1.0 / (0.45 * sample_rate));
  }
  void Reset() {
    env_.Reset();
    phase_ = vib_phase_ = vib_depth_ = n1_ = n2_ = 0;
    onset_ = 0;
  }
  void Start(float velocity, uint32_t seed) {
    gain_ = velocity * 0.8f;
    noise_.Seed(seed);
    onset_ = 1.0f;
    vib_depth_ = 0;
    env_.Start();
  }
  void Release() { env_.Release(); }
  bool Done() const { return env_.Done(); }
  float Level() const { return env_.Level() * gain_; }
  void Render(const UnitBlock& b, float* out) {
    float inc = b.inc_start;
    const float dinc = (b.inc_end - b.inc_start) / b.frames;
    const float onset_decay = static_cast<float>(std::exp(-1.0 / (0.06 * sample_rate_)));
    for (int i = 0; i < b.frames; ++i) {
      // Vibrato: +-0.15% (2.6 cents) so the perceived pitch stays exact.
      const float vib = 1.0f + 0.0015f * vib_depth_ * Sin2Pi(vib_phase_);
      vib_phase_ += vib_inc_;
      if (vib_phase_ >= 1) vib_phase_ -= 1;
      if (vib_depth_ < 1) vib_depth_ += vib_fade_;
      const float p = phase_;
      float tone = Sin2Pi(p);
      if (inc < 0.2f) tone += 0.18f * Sin2Pi(2 * p);
      if (inc < 0.13f) tone += 0.06f * Sin2Pi(3 * p);
      n1_ += breath_lp_ * (noise_.Next() - n1_);
      n2_ += breath_lp_ * (n1_ - n2_);
      const float breath = n2_ * (0.12f + 0.5f * onset_);
      onset_ *= onset_decay;
      out[i] = (tone + breath) * env_.Next() * gain_;
      phase_ += inc * vib;
      phase_ -= static_cast<float>(static_cast<int>(phase_));
      inc += dinc;
    }
  }

 private:
  Envelope env_;
  Noise noise_;
  double sample_rate_ = 48000;
  float phase_ = 0, gain_ = 0, onset_ = 0;
  float vib_phase_ = 0, vib_depth_ = 0, vib_inc_ = 0, vib_fade_ = 0;
  float breath_lp_ = 0, n1_ = 0, n2_ = 0;
};

}  // namespace graphony::dsp
