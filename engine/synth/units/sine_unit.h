// `sine`: a pure sine with a soft attack and release; the reference voice.
#pragma once

#include "synth/units/envelope.h"

namespace graphony::dsp {

class SineUnit {
 public:
  void Init(double sample_rate) {
    env_.Init(sample_rate);
    env_.Set(0.01, 1.0, 1.0f, 0.06);
  }
  void Reset() {
    env_.Reset();
    phase_ = 0;
  }
  void Start(float velocity, uint32_t) {
    gain_ = velocity;
    env_.Start();
  }
  void Release() { env_.Release(); }
  bool Done() const { return env_.Done(); }
  float Level() const { return env_.Level() * gain_; }
  void Render(const UnitBlock& b, float* out) {
    float inc = b.inc_start;
    const float dinc = (b.inc_end - b.inc_start) / b.frames;
    for (int i = 0; i < b.frames; ++i) {
      out[i] = Sin2Pi(phase_) * env_.Next() * gain_;
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
