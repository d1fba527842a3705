// Plays a recorded take (bytes from the score bundle) back through the live player: the
// engine's renderer mixes it beside the score (no second sound stream).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "realtime/live_player.h"

namespace graphony::editor {

// Thread rules: [UI] only. Decoding and resampling happen in Play(), on the UI thread, before
// the clip is published to the audio thread by pointer swap.
class TakePlayer {
 public:
  // Decodes `bytes` (WAV/FLAC/OGG) and starts it on `player`. Returns "" or a one-line error.
  std::string Play(LivePlayer* player, const std::vector<uint8_t>& bytes, const std::string& label);
  void Stop(LivePlayer* player);
  // Each frame, with the player's latest status: notices the end of the take.
  void Update(const PlayerStatus& status, double now);
  bool Playing() const { return !label_.empty(); }
  const std::string& Label() const { return label_; }
  double Fraction() const { return fraction_; }  // 0..1 played

 private:
  std::string label_;
  bool seen_playing_ = false;  // the audio thread has adopted the clip (status lags Play)
  double started_at_ = -1;
  double fraction_ = 0;
};

}  // namespace graphony::editor
