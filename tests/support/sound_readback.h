// Sound-file read-back for tests: a written file opened again with libsndfile, format included.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace graphony::test {

struct ReadBackSound {
  int sample_rate = 0;
  int channels = 0;
  int format = 0;              // libsndfile SF_FORMAT_* (major | subtype), as stored in the file
  int64_t frames = 0;          // as the file header states
  std::vector<float> samples;  // interleaved, frames * channels
  std::vector<float> Channel(int channel) const;
  float Peak() const;  // largest |sample| over all channels
};

// Reads the whole file; throws std::runtime_error "<path>: <problem>" if it does not open.
// (Not the engine's ReadSoundFile: tests must also see the stored format and the raw frames
// without its length cap, to check what the writer produced.)
ReadBackSound ReadBack(const std::filesystem::path& path);
// Frames in the file, and its channels if asked, or -1 if it does not open.
int64_t FramesIn(const std::filesystem::path& path, int* channels = nullptr);

}  // namespace graphony::test
