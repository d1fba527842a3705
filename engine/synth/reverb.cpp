// Reverb: FDN with mutually prime-ish delays, per-line decay gains for the wanted RT60,
// one-pole damping in the loop (high frequencies die first, as in a real room).
#include "synth/reverb.h"

#include <algorithm>
#include <cmath>

#include "synth/dsp.h"

namespace graphony {

namespace {
constexpr double kDelayMs[8] = {29.7, 37.1, 41.1, 43.7, 53.0, 59.9, 67.7, 73.9};
constexpr double kPredelayMs = 18.0;
}  // namespace

void Reverb::Init(double sample_rate, double rt60_seconds) {
  for (int i = 0; i < kLines; ++i) {
    const int len = std::max(8, static_cast<int>(kDelayMs[i] * 0.001 * sample_rate));
    line_[i].assign(static_cast<size_t>(len), 0.0f);
    gain_[i] = static_cast<float>(std::pow(10.0, -3.0 * len / (rt60_seconds * sample_rate)));
  }
  predelay_.assign(static_cast<size_t>(std::max(1.0, kPredelayMs * 0.001 * sample_rate)), 0.0f);
  // Damping cutoff ~6 kHz whatever the rate; the input high-pass (~150 Hz) keeps bass dry
  // and the reverb from booming.
  damp_ = static_cast<float>(std::exp(-dsp::kTwoPi * 6000.0 / sample_rate));
  hp_coef_ = static_cast<float>(std::exp(-dsp::kTwoPi * 150.0 / sample_rate));
  Reset();
}

void Reverb::Reset() {
  for (int i = 0; i < kLines; ++i) {
    std::fill(line_[i].begin(), line_[i].end(), 0.0f);
    pos_[i] = 0;
    damp_state_[i] = 0;
  }
  std::fill(predelay_.begin(), predelay_.end(), 0.0f);
  pre_pos_ = 0;
  hp_state_ = 0;
}

void Reverb::Process(float* left, float* right, int frames, float mix_start, float mix_end) {
  if (mix_start <= 0 && mix_end <= 0) {
    return;  // dry: skip the work (the bench and stems without reverb rely on this)
  }
  float mix = mix_start;
  const float dmix = (mix_end - mix_start) / std::max(1, frames);
  const int pre_len = static_cast<int>(predelay_.size());
  for (int n = 0; n < frames; ++n) {
    // Mono send, high-passed, pre-delayed.
    const float in = 0.5f * (left[n] + right[n]);
    hp_state_ = in + hp_coef_ * (hp_state_ - in);
    const float send = in - hp_state_;
    const float pre = predelay_[pre_pos_];
    predelay_[pre_pos_] = send;
    if (++pre_pos_ >= pre_len) pre_pos_ = 0;

    float x[kLines];
    for (int i = 0; i < kLines; ++i) {
      const float out = line_[i][pos_[i]];
      damp_state_[i] = out + damp_ * (damp_state_[i] - out);
      x[i] = damp_state_[i] * gain_[i];
    }
    // Fast Walsh-Hadamard transform (orthogonal after the 1/sqrt(8) scale): full mixing.
    for (int h = 1; h < kLines; h *= 2)
      for (int i = 0; i < kLines; i += 2 * h)
        for (int j = i; j < i + h; ++j) {
          const float a = x[j], b = x[j + h];
          x[j] = a + b;
          x[j + h] = a - b;
        }
    const float norm = 0.35355339f;
    float wet_l = 0, wet_r = 0;
    for (int i = 0; i < kLines; ++i) {
      const float v = x[i] * norm;
      const float sign = (i & 1) ? -1.0f : 1.0f;
      line_[i][pos_[i]] = v + pre * sign * 0.5f;
      if (++pos_[i] >= static_cast<int>(line_[i].size())) pos_[i] = 0;
    }
    for (int i = 0; i < kLines; ++i) {
      if (i < kLines / 2)
        wet_l += damp_state_[i];
      else
        wet_r += damp_state_[i];
    }
    left[n] += mix * wet_l * 0.5f;
    right[n] += mix * wet_r * 0.5f;
    mix += dmix;
  }
}

}  // namespace graphony
