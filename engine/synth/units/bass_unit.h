// `bass`: a round sine bass with a touch of 2nd/3rd harmonic and gentle saturation,
// a quick attack and a slight decay to a full sustain.
#pragma once

#include "synth/units/envelope.h"

namespace graphony::dsp {

class BassUnit {
 public:
  void Init(double sample_rate) {
    env_.Init(sample_rate);
    env_.Set(0.006, 0.35, 0.65f, 0.08);
  }
  void Reset() {
    env_.Reset();
    phase_ = 0;
  }
  void Start(float velocity, uint32_t) {
    gain_ = velocity * 0.8f;
    env_.Start();
  }
  void Release() { env_.Release(); }
  bool Done() const { return env_.Done(); }
  float Level() const { return env_.Level() * gain_; }
  void Render(const UnitBlock& b, float* out) {
    float inc = b.inc_start;
    const float dinc = (b.inc_end - b.inc_start) / b.frames;
    for (int i = 0; i < b.frames; ++i) {
      const float p = phase_;
      float s = Sin2Pi(p);
      if (inc < 0.2f) s += 0.35f * Sin2Pi(2 * p);
      if (inc < 0.13f) s += 0.12f * Sin2Pi(3 * p);
      out[i] = SoftClip(1.3f * s) * 0.8f * env_.Next() * gain_;
      phase_ += inc;
      phase_ -= static_cast<float>(static_cast<int>(phase_));
      inc += dinc;
    }
  }

 private:
  Envelope env_;
  float phase_ = 0, gain_ = 0;
};

}  // namespace graphony::dsp
