// `sampler`: plays a mono sample across pitches by resampling (4-point Hermite interpolation),
// sustaining through a loop whose crossfade is baked into the data, with attack and release
// envelopes and a fade at the sample's end so nothing clicks.
#pragma once

#include <cstdint>
#include <vector>

#include "synth/units/envelope.h"

namespace graphony::dsp {

// A decoded sample: mono float at its own rate, and the pitch it was recorded at. Built off
// the audio thread (synth/sample_loader.h) and immutable once a RenderProgram holds it.
// With a loop (loop_end > loop_start), the `crossfade` frames before loop_end already hold a
// blend into the frames before loop_start, so jumping from loop_end to loop_start is seamless.
struct SampleData {
  std::vector<float> frames;
  double sample_rate = 48000;
  double root_midi = 60;
  int64_t loop_start = 0;
  int64_t loop_end = 0;
  bool Looped() const { return loop_end > loop_start + 3; }
};

class SamplerUnit {
 public:
  void Init(double sample_rate) {
    sample_rate_ = sample_rate;
    env_.Init(sample_rate);
    // 5 ms attack (a recorded voice brings its own onset), 0.12 s release (1/e).
    env_.Set(0.005, 1.0, 1.0f, 0.12);
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
    const float* s = sample_->frames.data();
    const int64_t size = static_cast<int64_t>(sample_->frames.size());
    const bool looped = sample_->Looped();
    const int64_t loop_start = sample_->loop_start, loop_end = sample_->loop_end;
    const double loop_len = static_cast<double>(loop_end - loop_start);
    // Without a loop the sample simply ends: the last 3 frames are the interpolator's margin.
    const double n = static_cast<double>(size - 3);
    // A tap index past the loop's end reads from just after its start (the sound that
    // follows in the loop), so interpolation across the jump is as smooth as anywhere.
    auto tap = [&](int64_t k) { return looped && k >= loop_end ? k - (loop_end - loop_start) : k; };
    double inc = b.inc_start * inc_to_rate_;
    const double dinc = (b.inc_end - b.inc_start) * inc_to_rate_ / b.frames;
    for (int i = 0; i < b.frames; ++i) {
      float v = 0;
      if (looped && pos_ >= static_cast<double>(loop_end)) pos_ -= loop_len;
      if (pos_ < n) {
        const int64_t k = static_cast<int64_t>(pos_);
        const float t = static_cast<float>(pos_ - static_cast<double>(k));
        const float y0 = s[k > 0 ? k - 1 : 0], y1 = s[k], y2 = s[tap(k + 1)], y3 = s[tap(k + 2)];
        // 4-point Hermite (Catmull-Rom): smooth, cheap, no audible interpolation noise.
        v = y1 +
            0.5f * t *
                (y2 - y0 + t * (2 * y0 - 5 * y1 + 4 * y2 - y3 + t * (3 * (y1 - y2) + y3 - y0)));
        if (!looped) {
          const double left = n - pos_;
          if (left < fade_frames_) v *= static_cast<float>(left / fade_frames_);
        }
      } else if (!env_.Releasing()) {
        env_.Release();
      }
      out[i] = v * env_.Next() * gain_;
      pos_ += inc;
      inc += dinc;
    }
    if (!looped && pos_ >= n) env_.Reset();
  }

 private:
  Envelope env_;
  const SampleData* sample_ = nullptr;
  double sample_rate_ = 48000, pos_ = 0, inc_to_rate_ = 1, fade_frames_ = 1;
  float gain_ = 0;
};

}  // namespace graphony::dsp
