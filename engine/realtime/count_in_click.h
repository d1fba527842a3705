// The count-in click: a short wood-block-like burst (a decaying sine with a noise transient),
// scheduled at exact frames by the transport. A metronome sound, not a score instrument, so
// it is the same whatever the palette holds.
#pragma once

#include <cmath>
#include <cstdint>

namespace graphony {

// Thread rules: Init() on any thread before use; Schedule/Cancel/Render on the audio thread
// only. Fixed storage, no allocation.
class CountInClick {
 public:
  static constexpr int kMaxPending = 16;       // a count-in is at most 16 beats
  static constexpr double kSeconds = 0.035;    // the sound is over after this long
  static constexpr float kAccentLevel = 0.5f;  // the downbeat, about -6 dBFS at its peak
  static constexpr float kBeatLevel = 0.35f;   // the other beats, about -9 dBFS

  void Init(double sample_rate) {
    sample_rate_ = sample_rate;
    length_ = static_cast<int>(kSeconds * sample_rate);
    // About 5 ms to fall by 1/e: gone (-60 dB) well inside kSeconds.
    decay_ = static_cast<float>(std::exp(-1.0 / (0.005 * sample_rate)));
    Cancel();
  }

  // [audio] A click starting at absolute frame `at` (the renderer's frame count).
  void Schedule(int64_t at, bool accent) {
    if (pending_ == kMaxPending) return;
    at_[pending_] = at;
    accent_[pending_] = accent;
    ++pending_;
  }
  // [audio] Drops clicks not yet started (a pause during the count-in); one sounding now
  // finishes its few milliseconds.
  void Cancel() { pending_ = 0; }
  bool Busy() const { return pending_ > 0 || left_ > 0; }

  // [audio] Adds `frames` frames starting at absolute frame `first` into left/right.
  void Render(float* left, float* right, int frames, int64_t first, float gain) {
    if (!Busy()) return;
    for (int i = 0; i < frames; ++i) {
      const int64_t now = first + i;
      for (int k = 0; k < pending_; ++k) {
        if (at_[k] != now) continue;
        Start(accent_[k]);
        at_[k] = at_[--pending_];
        accent_[k] = accent_[pending_];
        break;
      }
      if (left_ <= 0) continue;
      // Wood block: a sine near 1.6 kHz (2.4 kHz on the downbeat) plus a brighter noise
      // transient that dies in about a millisecond.
      noise_state_ = noise_state_ * 1664525u + 1013904223u;
      const float noise =
          static_cast<float>(static_cast<int32_t>(noise_state_)) * (1.0f / 2147483648.0f);
      const float s = std::sin(phase_) * env_ + noise * noise_env_;
      phase_ += phase_step_;
      if (phase_ > kTwoPi) phase_ -= kTwoPi;
      env_ *= decay_;
      noise_env_ *= noise_decay_;
      --left_;
      const float v = s * gain;
      left[i] += v;
      right[i] += v;
    }
  }

 private:
  static constexpr float kTwoPi = 6.28318530718f;
  void Start(bool accent) {
    const float level = accent ? kAccentLevel : kBeatLevel;
    phase_ = 0;
    phase_step_ = static_cast<float>(kTwoPi * (accent ? 2400.0 : 1600.0) / sample_rate_);
    env_ = level * 0.8f;
    noise_env_ = level * 0.4f;
    noise_decay_ = static_cast<float>(std::exp(-1.0 / (0.0008 * sample_rate_)));
    left_ = length_;
  }

  double sample_rate_ = 48000;
  int length_ = 0;
  float decay_ = 0, noise_decay_ = 0;
  int64_t at_[kMaxPending] = {};
  bool accent_[kMaxPending] = {};
  int pending_ = 0;
  int left_ = 0;  // frames of the sounding click still to come
  float phase_ = 0, phase_step_ = 0, env_ = 0, noise_env_ = 0;
  uint32_t noise_state_ = 22222u;
};

}  // namespace graphony
