// Limiter: required gain -> minimum over the look-ahead window -> slow release -> box
// filter of the window length (so the gain has fully come down when the peak leaves the
// delay line) -> safety ceiling.
#include "synth/limiter.h"

#include <algorithm>
#include <cmath>

#include "synth/dsp.h"

namespace graphony {

void Limiter::Init(double sample_rate) {
  lookahead_ = std::max(8, static_cast<int>(0.0015 * sample_rate));  // 1.5 ms
  delay_l_.assign(static_cast<size_t>(lookahead_), 0.0f);
  delay_r_.assign(static_cast<size_t>(lookahead_), 0.0f);
  queue_gain_.assign(static_cast<size_t>(lookahead_), 1.0f);
  queue_time_.assign(static_cast<size_t>(lookahead_), 0);
  box_.assign(static_cast<size_t>(lookahead_), 1.0f);
  release_coef_ = dsp::OnePoleCoef(0.12, sample_rate);
  Reset();
}

void Limiter::Reset() {
  std::fill(delay_l_.begin(), delay_l_.end(), 0.0f);
  std::fill(delay_r_.begin(), delay_r_.end(), 0.0f);
  queue_head_ = queue_size_ = 0;
  time_ = 0;
  std::fill(box_.begin(), box_.end(), 1.0f);
  box_sum_ = lookahead_;
  held_ = 1;
  pos_ = 0;
}

void Limiter::DelayStep(float l, float r, float gain, float& out_l, float& out_r) {
  // Write, then read the oldest sample (L-1 frames old): every gain in the box window was
  // computed with that sample already in view, so the average is at most its need.
  delay_l_[pos_] = l;
  delay_r_[pos_] = r;
  if (++pos_ >= lookahead_) pos_ = 0;
  out_l = std::clamp(delay_l_[pos_] * gain, -kCeiling, kCeiling);
  out_r = std::clamp(delay_r_[pos_] * gain, -kCeiling, kCeiling);
}

void Limiter::Process(float* left, float* right, int frames) {
  // At rest (no reduction held, the minimum queue all unity) and with the whole block below
  // the threshold, every step would push want = 1 and leave held_ at exactly 1: only the
  // delay line and the box filter move. Same arithmetic as below, a fifth of the time.
  const bool rest =
      held_ == 1.0f && (queue_size_ == 0 || queue_gain_[static_cast<size_t>(queue_head_)] == 1.0f);
  if (rest && frames > 0) {
    float peak = 0;
    bool finite = true;
    for (int n = 0; n < frames; ++n) {
      finite &= std::isfinite(left[n]) & std::isfinite(right[n]);
      peak = std::max(peak, std::max(std::fabs(left[n]), std::fabs(right[n])));
    }
    if (finite && peak <= kThreshold) {
      // After a window of quiet the box is all unity: each step adds 1 - 1 = 0 to its sum,
      // so the gain is one number for the block and the per-sample division goes.
      const bool box_unity =
          std::all_of(box_.begin(), box_.end(), [](float b) { return b == 1.0f; });
      if (box_unity) {
        const float gain = static_cast<float>(std::min(1.0, box_sum_ / lookahead_));
        for (int n = 0; n < frames; ++n) DelayStep(left[n], right[n], gain, left[n], right[n]);
      } else {
        for (int n = 0; n < frames; ++n) {
          box_sum_ += 1.0f - box_[pos_];
          box_[pos_] = 1.0f;
          const float gain = static_cast<float>(std::min(1.0, box_sum_ / lookahead_));
          DelayStep(left[n], right[n], gain, left[n], right[n]);
        }
      }
      // The queue ends as the slow path leaves it: one unity entry, the newest.
      queue_head_ = 0;
      queue_size_ = 1;
      queue_gain_[0] = 1.0f;
      time_ += frames;
      queue_time_[0] = time_ - 1;
      return;
    }
  }
  for (int n = 0; n < frames; ++n) {
    float l = left[n], r = right[n];
    if (!std::isfinite(l)) l = 0;  // a NaN must never reach a file or a speaker
    if (!std::isfinite(r)) r = 0;
    const float peak = std::max(std::fabs(l), std::fabs(r));
    const float want = peak > kThreshold ? kThreshold / peak : 1.0f;
    // Minimum over the last `lookahead_` samples: drop expired entries at the front and
    // entries the new one dominates at the back; the front is then the minimum.
    const int cap = lookahead_;
    if (queue_size_ > 0 && queue_time_[static_cast<size_t>(queue_head_)] <= time_ - cap) {
      queue_head_ = (queue_head_ + 1) % cap;
      --queue_size_;
    }
    while (queue_size_ > 0) {
      const int back = (queue_head_ + queue_size_ - 1) % cap;
      if (queue_gain_[static_cast<size_t>(back)] < want) break;
      --queue_size_;
    }
    const int slot = (queue_head_ + queue_size_) % cap;
    queue_gain_[static_cast<size_t>(slot)] = want;
    queue_time_[static_cast<size_t>(slot)] = time_++;
    ++queue_size_;
    const float m = queue_gain_[static_cast<size_t>(queue_head_)];
    held_ = m < held_ ? m : m + (held_ - m) * release_coef_;
    box_sum_ += held_ - box_[pos_];
    box_[pos_] = held_;
    const float gain = static_cast<float>(std::min(1.0, box_sum_ / lookahead_));
    DelayStep(l, r, gain, left[n], right[n]);
  }
}

}  // namespace graphony
