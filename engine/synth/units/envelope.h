// Amplitude envelope for voices: linear attack, exponential decay to sustain, exponential
// release from wherever it is (so an early release never jumps).
#pragma once

#include "synth/dsp.h"

namespace graphony::dsp {

class Envelope {
 public:
  // Times in seconds; `decay` is the 1/e time towards `sustain`; `release` the 1/e time to 0.
  void Init(double sample_rate) { sample_rate_ = sample_rate; }
  void Set(double attack, double decay, float sustain, double release) {
    attack_step_ = attack > 0 ? static_cast<float>(1.0 / (attack * sample_rate_)) : 1.0f;
    decay_coef_ = OnePoleCoef(decay, sample_rate_);
    sustain_ = sustain;
    release_coef_ = OnePoleCoef(release, sample_rate_);
  }
  void Reset() {
    stage_ = Stage::kIdle;
    level_ = 0;
  }
  void Start() { stage_ = Stage::kAttack; }  // from the current level: retrigger never jumps
  void Release() {
    if (stage_ != Stage::kIdle) stage_ = Stage::kRelease;
  }
  bool Done() const { return stage_ == Stage::kIdle; }
  bool Releasing() const { return stage_ == Stage::kRelease; }
  float Level() const { return level_; }

  float Next() {
    switch (stage_) {
      case Stage::kIdle:
        return 0.0f;
      case Stage::kAttack:
        level_ += attack_step_;
        if (level_ >= 1.0f) {
          level_ = 1.0f;
          stage_ = Stage::kDecay;
        }
        break;
      case Stage::kDecay:
        level_ = sustain_ + (level_ - sustain_) * decay_coef_;
        break;
      case Stage::kRelease:
        level_ *= release_coef_;
        if (level_ < 1e-5f) {
          level_ = 0;
          stage_ = Stage::kIdle;
        }
        break;
    }
    return level_;
  }

 private:
  enum class Stage { kIdle, kAttack, kDecay, kRelease };
  double sample_rate_ = 48000;
  Stage stage_ = Stage::kIdle;
  float level_ = 0, attack_step_ = 1, decay_coef_ = 0, sustain_ = 1, release_coef_ = 0;
};

// What every unit's Render() gets for one block: the pitch as phase increments
// (cycles per sample) at the block's start and end, linearly interpolated in between so
// glides are smooth.
struct UnitBlock {
  float inc_start = 0;
  float inc_end = 0;
  int frames = 0;
};

}  // namespace graphony::dsp
