// Sound-file read-back (see sound_readback.h).
#include "support/sound_readback.h"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace graphony::test {

std::vector<float> ReadBackSound::Channel(int channel) const {
  std::vector<float> out;
  if (channel < 0 || channel >= channels) return out;
  out.reserve(static_cast<size_t>(frames));
  for (size_t i = static_cast<size_t>(channel); i < samples.size();
       i += static_cast<size_t>(channels))
    out.push_back(samples[i]);
  return out;
}

float ReadBackSound::Peak() const {
  float p = 0;
  for (float v : samples) p = std::max(p, std::fabs(v));
  return p;
}

ReadBackSound ReadBack(const std::filesystem::path& path) {
  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  if (!f) throw std::runtime_error(path.string() + ": " + sf_strerror(nullptr));
  ReadBackSound s;
  s.sample_rate = info.samplerate;
  s.channels = info.channels;
  s.format = info.format;
  s.frames = info.frames;
  s.samples.resize(static_cast<size_t>(info.frames * info.channels));
  sf_readf_float(f, s.samples.data(), info.frames);  // a short read leaves silence at the end
  sf_close(f);
  return s;
}

int64_t FramesIn(const std::filesystem::path& path, int* channels) {
  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  if (!f) return -1;
  sf_close(f);
  if (channels) *channels = info.channels;
  return info.frames;
}

}  // namespace graphony::test
