// A gentle stereo reverb: 8-line feedback delay network with Hadamard mixing and damping.
// All delay memory is allocated in Init (scaled to the sample rate), none while rendering.
#pragma once

#include <vector>

namespace graphony {

class Reverb {
 public:
  void Init(double sample_rate, double rt60_seconds = 1.8);
  void Reset();
  // Processes a block in place: out = dry + mix * wet (the dry level is kept so turning the
  // reverb up never makes the music quieter).
  void Process(float* left, float* right, int frames, float mix_start, float mix_end);

 private:
  static constexpr int kLines = 8;
  std::vector<float> line_[kLines];
  int pos_[kLines] = {};
  float gain_[kLines] = {};
  float damp_state_[kLines] = {};
  float damp_ = 0.3f;
  std::vector<float> predelay_;
  int pre_pos_ = 0;
  float hp_state_ = 0, hp_coef_ = 0;
};

}  // namespace graphony
