// A sound played as it is, beside the score (a recorded take listened back to): decoded and
// resampled to the player's rate off the audio thread, then published by pointer swap.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace graphony {

struct SoundClip {
  std::vector<float> stereo;  // interleaved left/right at the player's sample rate
  int64_t Frames() const { return static_cast<int64_t>(stereo.size() / 2); }
};

// [control] Decodes `bytes` (WAV/FLAC/OGG) with the one sound-file reader, mixes or copies it
// to stereo and resamples it (linear) to `sample_rate`. Throws std::runtime_error
// "<label>: <problem>" for anything unreadable or empty.
std::unique_ptr<SoundClip> PrepareSoundClip(const std::vector<uint8_t>& bytes, double sample_rate,
                                            const std::string& label);

}  // namespace graphony
