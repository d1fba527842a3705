// `drum`: a soft, unpitched hand-drum: a low body whose pitch falls quickly plus a short
// breath of low-passed noise. The note's pitch only tints it (higher notes = smaller drum).
#pragma once

#include <algorithm>

#include "core/instrument_traits.h"
#include "synth/units/envelope.h"

namespace graphony::dsp {

class DrumUnit {
 public:
  void Init(double sample_rate) {
    sample_rate_ = sample_rate;
    env_.Init(sample_rate);
    env_.Set(0.001, 1.0, 1.0f, 0.05);
    noise_lp_ = 1.0f - static_cast<float>(std::exp(-kTwoPi * 1200.0 / sample_rate));
  }
  void Reset() {
    env_.Reset();
    phase_ = body_ = hiss_ = lp1_ = lp2_ = sweep_ = 0;
  }
  void Start(float velocity, uint32_t seed, float midi_pitch) {
    gain_ = velocity * 0.9f;
    noise_.Seed(seed);
    // Pitch 36..84 -> body 55..160 Hz: a tint, not a melody.
    base_inc_ = static_cast<float>(
        (55.0 + std::clamp((midi_pitch - 36.0f) / 48.0f, 0.0f, 1.0f) * 105.0) / sample_rate_);
    sweep_ = 1.5f;  // starts 2.5x the body pitch and falls to it
    sweep_decay_ = DecayT60(0.25, sample_rate_);
    body_ = 1.0f;
    body_decay_ = DecayT60(body_t60_, sample_rate_);
    hiss_ = 0.35f;
    hiss_decay_ = DecayT60(0.12, sample_rate_);
    phase_ = 0;
    env_.Start();
  }
  void Release() {}  // a drum rings out its own short decay
  bool Done() const { return env_.Done() || body_ < 1e-5f; }
  float Level() const { return env_.Level() * gain_ * body_; }
  void Render(const UnitBlock& b, float* out) {
    for (int i = 0; i < b.frames; ++i) {
      lp1_ += noise_lp_ * (noise_.Next() - lp1_);
      lp2_ += noise_lp_ * (lp1_ - lp2_);
      out[i] = (Sin2Pi(phase_) * body_ + lp2_ * hiss_) * env_.Next() * gain_;
      phase_ += base_inc_ * (1.0f + sweep_);
      phase_ -= static_cast<float>(static_cast<int>(phase_));
      sweep_ *= sweep_decay_;
      body_ *= body_decay_;
      hiss_ *= hiss_decay_;
    }
  }

 private:
  Envelope env_;
  Noise noise_;
  double sample_rate_ = 48000;
  double body_t60_ = TraitsOf(InstrumentKind::kDrum).decay_seconds;  // the table's decay
  float phase_ = 0, base_inc_ = 0, sweep_ = 0, sweep_decay_ = 1, body_ = 0, body_decay_ = 1;
  float hiss_ = 0, hiss_decay_ = 1, noise_lp_ = 0, lp1_ = 0, lp2_ = 0, gain_ = 0;
};

}  // namespace graphony::dsp
