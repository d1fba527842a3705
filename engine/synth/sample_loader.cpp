// Sampler sounds: bundle bytes or a plain file, decoded by the one sound-file reader and
// mixed to mono.
#include "synth/sample_loader.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "core/pitch.h"
#include "synth/sound_file.h"

namespace graphony {

namespace {

constexpr double kMaxSampleSeconds = 120;  // bounds memory for untrusted files

// Mixes a decoded file to mono for the sampler.
std::shared_ptr<const dsp::SampleData> ToSample(const DecodedSound& sound, const std::string& name,
                                                const std::string& where) {
  auto data = std::make_shared<dsp::SampleData>();
  data->sample_rate = sound.sample_rate;
  data->root_midi = RootPitchFromName(name);
  const int64_t frames = sound.Frames();
  data->frames.resize(static_cast<size_t>(frames));
  for (int64_t i = 0; i < frames; ++i) {
    float s = 0;
    for (int c = 0; c < sound.channels; ++c)
      s += sound.samples[static_cast<size_t>(i * sound.channels + c)];
    data->frames[static_cast<size_t>(i)] =
        std::clamp(s / static_cast<float>(sound.channels), -1.0f, 1.0f);
  }
  if (data->frames.size() < 16) throw std::runtime_error(where + ": sample is empty");
  return data;
}

}  // namespace

double RootPitchFromName(const std::string& file_name) {
  std::string stem = std::filesystem::path(file_name).stem().string();
  const size_t cut = stem.find_last_of("-_ ");
  const std::string tail = cut == std::string::npos ? stem : stem.substr(cut + 1);
  if (auto midi = ParseNoteName(tail)) return *midi;
  return 60;
}

std::filesystem::path DefaultSamplesDir() {
  std::error_code ec;
  if (const char* env = std::getenv("GRAPHONY_SAMPLES"); env && *env) return env;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / "share" / "graphony" / "samples";
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
#ifdef GRAPHONY_SOURCE_DIR
  const std::filesystem::path source = std::filesystem::path(GRAPHONY_SOURCE_DIR) / "samples";
  if (std::filesystem::is_directory(source, ec)) return source;
#endif
  return {};
}

std::shared_ptr<const dsp::SampleData> DecodeSample(const std::vector<uint8_t>& bytes,
                                                    const std::string& name,
                                                    const std::string& where) {
  return ToSample(ReadSoundFile(bytes, where, kMaxSampleSeconds), name, where);
}

std::shared_ptr<const dsp::SampleData> LoadSampleFile(const std::filesystem::path& path) {
  return ToSample(ReadSoundFile(path, kMaxSampleSeconds), path.filename().string(), path.string());
}

}  // namespace graphony
