// PrepareSoundClip: decode, to stereo, resample (see sound_clip.h).
#include "realtime/sound_clip.h"

#include <cmath>
#include <stdexcept>

#include "synth/sound_file.h"

namespace graphony {

namespace {
constexpr double kMaxClipSeconds = 3600;  // a take longer than an hour is not one we made
}

std::unique_ptr<SoundClip> PrepareSoundClip(const std::vector<uint8_t>& bytes, double sample_rate,
                                            const std::string& label) {
  const DecodedSound sound = ReadSoundFile(bytes, label, kMaxClipSeconds);
  const int64_t frames = sound.Frames();
  if (frames <= 0 || !(sample_rate > 0))
    throw std::runtime_error(label + ": the recording is empty or damaged");
  const int ch = sound.channels;
  auto at = [&](int64_t i, int c) {
    return sound.samples[static_cast<size_t>(i * ch + (ch > 1 ? c : 0))];
  };
  auto clip = std::make_unique<SoundClip>();
  const double step = sound.sample_rate / sample_rate;
  const auto out_frames = static_cast<int64_t>(std::floor((frames - 1) / step)) + 1;
  clip->stereo.resize(static_cast<size_t>(out_frames) * 2);
  for (int64_t j = 0; j < out_frames; ++j) {
    const double pos = j * step;
    const auto i = static_cast<int64_t>(pos);
    const auto t = static_cast<float>(pos - static_cast<double>(i));
    const int64_t k = i + 1 < frames ? i + 1 : i;
    for (int c = 0; c < 2; ++c)
      clip->stereo[static_cast<size_t>(2 * j + c)] = at(i, c) + (at(k, c) - at(i, c)) * t;
  }
  return clip;
}

}  // namespace graphony
