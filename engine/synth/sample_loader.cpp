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

// Takes a sampled instrument's root and loop. The `crossfade` frames before loop_end become a
// blend (equal-gain: the loop points were picked where both sounds match) from the sound there
// into the sound just before loop_start, so that when playback jumps from loop_end back to
// loop_start it continues exactly where the blend arrived: no step, no click.
void ApplyMade(dsp::SampleData& data, const SampledInstrument& made, const std::string& where) {
  data.root_midi = made.root_midi;
  if (made.loop_start == 0 && made.loop_end == 0) return;
  const int64_t size = static_cast<int64_t>(data.frames.size());
  const int64_t x = made.crossfade;
  if (!(x >= 0 && made.loop_start >= x && made.loop_start + 2 * x < made.loop_end &&
        made.loop_end <= size - 3))
    throw std::runtime_error(where + ": loop " + std::to_string(made.loop_start) + ".." +
                             std::to_string(made.loop_end) + " does not fit the sample's " +
                             std::to_string(size) + " frames");
  data.loop_start = made.loop_start;
  data.loop_end = made.loop_end;
  const std::vector<float> original = data.frames;
  for (int64_t i = 0; i < x; ++i) {
    const double w = (static_cast<double>(i) + 0.5) / static_cast<double>(x);
    const double fade_in = w, fade_out = 1.0 - w;
    const size_t at = static_cast<size_t>(made.loop_end - x + i);
    const size_t from = static_cast<size_t>(made.loop_start - x + i);
    data.frames[at] = static_cast<float>(fade_out * original[at] + fade_in * original[from]);
  }
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
                                                    const std::string& where,
                                                    const SampledInstrument* made) {
  auto sample = ToSample(ReadSoundFile(bytes, where, kMaxSampleSeconds), name, where);
  if (!made) return sample;
  auto data = std::make_shared<dsp::SampleData>(*sample);
  ApplyMade(*data, *made, where);
  return data;
}

std::shared_ptr<const dsp::SampleData> LoadSampleFile(const std::filesystem::path& path) {
  return ToSample(ReadSoundFile(path, kMaxSampleSeconds), path.filename().string(), path.string());
}

}  // namespace graphony
