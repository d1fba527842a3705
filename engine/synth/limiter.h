// Master soft limiter: a short look-ahead so gain reduction starts before a peak arrives
// (no clipping distortion), smooth release, and a final safety ceiling of -1 dBFS.
#pragma once

#include <vector>

namespace graphony {

class Limiter {
 public:
  static constexpr float kCeiling = 0.891f;   // -1 dBFS: never exceeded
  static constexpr float kThreshold = 0.84f;  // where gain reduction begins (~-1.5 dBFS)
  void Init(double sample_rate);
  void Reset();
  int LatencyFrames() const { return lookahead_ - 1; }
  // In place; stereo-linked gain.
  void Process(float* left, float* right, int frames);

 private:
  // One sample into the look-ahead delay and the oldest out, times `gain`, under the ceiling.
  // `out_*` may alias the input's slot (it is read before written).
  void DelayStep(float l, float r, float gain, float& out_l, float& out_r);
  int lookahead_ = 64;
  std::vector<float> delay_l_, delay_r_;  // look-ahead delay
  // Sliding-window minimum of the required gain: a monotonic queue in a fixed ring.
  std::vector<float> queue_gain_;
  std::vector<long long> queue_time_;
  int queue_head_ = 0, queue_size_ = 0;
  long long time_ = 0;
  std::vector<float> box_;  // box filter history of the held gain
  int pos_ = 0;
  double box_sum_ = 0;
  float held_ = 1;  // gain after hold + release
  float release_coef_ = 0;
};

}  // namespace graphony
