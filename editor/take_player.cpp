// TakePlayer: hands a take to LivePlayer::PlayClip and follows the published clip state.
#include "take_player.h"

#include <exception>

#include "core/i18n.h"

namespace graphony::editor {

namespace {
// A clip the audio thread has not adopted by then never will be (the device went away).
constexpr double kAdoptTimeoutSeconds = 2.0;
}  // namespace

std::string TakePlayer::Play(LivePlayer* player, const std::vector<uint8_t>& bytes,
                             const std::string& label) {
  Stop(player);
  if (!player) return label + i18n::Translate(N_(": no sound device to play it on"));
  try {
    player->PlayClip(bytes, label);
  } catch (const std::exception& e) {
    return e.what();
  }
  label_ = label;
  seen_playing_ = false;
  started_at_ = -1;
  fraction_ = 0;
  return {};
}

void TakePlayer::Stop(LivePlayer* player) {
  if (player && !label_.empty()) player->StopClip();
  label_.clear();
  fraction_ = 0;
}

void TakePlayer::Update(const PlayerStatus& status, double now) {
  if (label_.empty()) return;
  if (started_at_ < 0) started_at_ = now;
  if (status.clip_playing) {
    seen_playing_ = true;
    fraction_ = status.clip_fraction;
    return;
  }
  if (seen_playing_ || now - started_at_ > kAdoptTimeoutSeconds) {
    label_.clear();
    fraction_ = 0;
  }
}

}  // namespace graphony::editor
