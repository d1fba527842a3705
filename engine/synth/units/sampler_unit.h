// `sampler`: plays a mono sample across pitches by resampling (cubic interpolation),
// with a short fade-in and a fade at the sample's end so nothing clicks.
#pragma once

#include <vector>

#include "synth/units/envelope.h"

namespace graphony::dsp {

// A decoded sample: mono float at its own rate, and the pitch it was recorded at.
struct SampleData {
  std::vector<float> frames;
  double sample_rate = 48000;
  double root_midi = 60;
};

class SamplerUnit {
 public:
  void Init(double sample_rate) {
    sample_rate_ = sample_rate;
    env_.Init(sample_rate);
    env_.Set(0.003, 1.0, 1.0f, 0.12);
  }
  void Reset() {
    env_.Reset();
    pos_ = 0;
    sample_ = nullptr;
  }
  // `sample` must outlive the note (it belongs to the RenderProgram).
  void Start(float velocity, const SampleData* sample) {
    gain_ = velocity;
    sample_ = sample;
    pos_ = 0;
    if (sample_) {
      const double root_hz = MidiToHz(sample_->root_midi);
      // Converts "cycles per output sample" into "sample frames per output sample".
      inc_to_rate_ = sample_->sample_rate / root_hz;
      fade_frames_ = std::max(1.0, 0.01 * sample_->sample_rate);
    }
    env_.Start();
  }
  void Release() { env_.Release(); }
  bool Done() const { return env_.Done() || !sample_; }
  float Level() const { return env_.Level() * gain_; }
  void Render(const UnitBlock& b, float* out) {
    if (!sample_) {
      for (int i = 0; i < b.frames; ++i) out[i] = 0;
      return;
    }
    const std::vector<float>& s = sample_->frames;
    const double n = static_cast<double>(s.size());
    double inc = b.inc_start * inc_to_rate_;
    const double dinc = (b.inc_end - b.inc_start) * inc_to_rate_ / b.frames;
    for (int i = 0; i < b.frames; ++i) {
      float v = 0;
      if (pos_ < n - 3) {
        const size_t k = static_cast<size_t>(pos_);
        const float t = static_cast<float>(pos_ - static_cast<double>(k));
        const float y0 = k > 0 ? s[k - 1] : s[k], y1 = s[k], y2 = s[k + 1], y3 = s[k + 2];
        // Catmull-Rom cubic: smooth, cheap, no audible interpolation noise.
        v = y1 +
            0.5f * t *
                (y2 - y0 + t * (2 * y0 - 5 * y1 + 4 * y2 - y3 + t * (3 * (y1 - y2) + y3 - y0)));
        const double left = n - 3 - pos_;
        if (left < fade_frames_) v *= static_cast<float>(left / fade_frames_);
      } else if (!env_.Releasing()) {
        env_.Release();
      }
      out[i] = v * env_.Next() * gain_;
      pos_ += inc;
      inc += dinc;
    }
    if (pos_ >= n - 3) {
      env_.Reset();
    }
  }

 private:
  Envelope env_;
  const SampleData* sample_ = nullptr;
  double sample_rate_ = 48000, pos_ = 0, inc_to_rate_ = 1, fade_frames_ = 1;
  float gain_ = 0;
};

}  // namespace graphony::dsp
