// Sampler sounds: libsndfile virtual I/O over bundle bytes, or a plain file; mixed to mono.
#include "synth/sample_loader.h"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "core/pitch.h"

namespace graphony {

namespace {

constexpr double kMaxSampleSeconds = 120;  // bounds memory for untrusted files

struct MemoryFile {
  const std::vector<uint8_t>* bytes;
  sf_count_t pos = 0;
};

sf_count_t MemLength(void* user) { return static_cast<sf_count_t>(static_cast<MemoryFile*>(user)->bytes->size()); }
sf_count_t MemSeek(sf_count_t offset, int whence, void* user) {
  auto* m = static_cast<MemoryFile*>(user);
  const sf_count_t size = static_cast<sf_count_t>(m->bytes->size());
  sf_count_t p = whence == SEEK_SET ? offset : whence == SEEK_CUR ? m->pos + offset : size + offset;
  m->pos = std::clamp<sf_count_t>(p, 0, size);
  return m->pos;
}
sf_count_t MemRead(void* ptr, sf_count_t count, void* user) {
  auto* m = static_cast<MemoryFile*>(user);
  const sf_count_t size = static_cast<sf_count_t>(m->bytes->size());
  const sf_count_t n = std::max<sf_count_t>(0, std::min(count, size - m->pos));
  if (n > 0) std::memcpy(ptr, m->bytes->data() + m->pos, static_cast<size_t>(n));
  m->pos += n;
  return n;
}
sf_count_t MemWrite(const void*, sf_count_t, void*) { return 0; }
sf_count_t MemTell(void* user) { return static_cast<MemoryFile*>(user)->pos; }

std::shared_ptr<const dsp::SampleData> ReadAll(SNDFILE* file, const SF_INFO& info,
                                               const std::string& name, const std::string& where) {
  if (info.channels < 1 || info.channels > 16 || info.samplerate < 1000 || info.samplerate > 768000) {
    sf_close(file);
    throw std::runtime_error(where + ": unsupported sample format");
  }
  if (info.frames > static_cast<sf_count_t>(kMaxSampleSeconds * info.samplerate)) {
    sf_close(file);
    throw std::runtime_error(where + ": sample longer than 120 seconds");
  }
  auto data = std::make_shared<dsp::SampleData>();
  data->sample_rate = info.samplerate;
  data->root_midi = RootPitchFromName(name);
  std::vector<float> buf(4096 * static_cast<size_t>(info.channels));
  data->frames.reserve(static_cast<size_t>(std::max<sf_count_t>(0, info.frames)));
  for (;;) {
    const sf_count_t got = sf_readf_float(file, buf.data(), 4096);
    if (got <= 0) break;
    for (sf_count_t i = 0; i < got; ++i) {
      float s = 0;
      for (int c = 0; c < info.channels; ++c) s += buf[static_cast<size_t>(i * info.channels + c)];
      s /= static_cast<float>(info.channels);
      data->frames.push_back(std::isfinite(s) ? std::clamp(s, -1.0f, 1.0f) : 0.0f);
    }
  }
  sf_close(file);
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
  SF_VIRTUAL_IO io{MemLength, MemSeek, MemRead, MemWrite, MemTell};
  MemoryFile mem{&bytes, 0};
  SF_INFO info{};
  SNDFILE* file = sf_open_virtual(&io, SFM_READ, &info, &mem);
  if (!file) throw std::runtime_error(where + ": not a readable audio file (" + sf_strerror(nullptr) + ")");
  return ReadAll(file, info, name, where);
}

std::shared_ptr<const dsp::SampleData> LoadSampleFile(const std::filesystem::path& path) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  if (!file)
    throw std::runtime_error(path.string() + ": cannot read sample (" + sf_strerror(nullptr) + ")");
  return ReadAll(file, info, path.filename().string(), path.string());
}

}  // namespace graphony
