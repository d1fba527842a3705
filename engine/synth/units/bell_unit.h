// `bell`: two-operator FM (modulator at 1.4x, Chowning's bell ratio) whose index decays
// with the sound, so it starts shimmering and ends nearly pure. The index is lowered for
// high notes so sidebands stay below Nyquist (no aliasing grit).
#pragma once

#include <algorithm>

#include "core/instrument_traits.h"
#include "synth/units/envelope.h"

namespace graphony::dsp {

class BellUnit {
 public:
  void Init(double sample_rate) {
    sample_rate_ = sample_rate;
    env_.Init(sample_rate);
    env_.Set(0.002, 1.0, 1.0f, 0.35);
  }
  void Reset() {
    env_.Reset();
    car_ = mod_ = 0;
    index_ = amp_ = 0;
  }
  void Start(float velocity, uint32_t, float freq_hz) {
    gain_ = velocity * 0.6f;
    const float limit =
        static_cast<float>(std::clamp(0.12 * sample_rate_ / (freq_hz * 4.0), 0.0, 1.0));
    index_ = 2.2f * limit;
    index_decay_ = DecayT60(1.6, sample_rate_);
    amp_ = 1.0f;
    amp_decay_ =
        DecayT60(std::clamp(t60_at_a4_ * std::sqrt(440.0 / std::max(20.0f, freq_hz)), 1.2, 7.0),
                 sample_rate_);
    car_ = mod_ = 0;
    env_.Start();
  }
  void Release() { env_.Release(); }
  bool Done() const { return env_.Done() || amp_ < 1e-5f; }
  float Level() const { return env_.Level() * gain_ * amp_; }
  void Render(const UnitBlock& b, float* out) {
    float inc = b.inc_start;
    const float dinc = (b.inc_end - b.inc_start) / b.frames;
    for (int i = 0; i < b.frames; ++i) {
      const float m = Sin2Pi(mod_) * index_;
      out[i] = Sin2Pi(car_ + m * 0.159155f) * amp_ * env_.Next() * gain_;
      car_ += inc;
      car_ -= static_cast<float>(static_cast<int>(car_));
      mod_ += inc * 1.4f;
      mod_ -= static_cast<float>(static_cast<int>(mod_));
      index_ *= index_decay_;
      amp_ *= amp_decay_;
      inc += dinc;
    }
  }

 private:
  Envelope env_;
  double sample_rate_ = 48000;
  double t60_at_a4_ = TraitsOf(InstrumentKind::kBell).decay_seconds;  // the table's decay
  float car_ = 0, mod_ = 0, index_ = 0, index_decay_ = 1, amp_ = 0, amp_decay_ = 1, gain_ = 0;
};

}  // namespace graphony::dsp
