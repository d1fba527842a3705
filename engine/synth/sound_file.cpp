// ReadSoundFile and SoundFileWriter on libsndfile (see sound_file.h).
#include "synth/sound_file.h"

#include <fcntl.h>
#include <sndfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

namespace graphony {

namespace {

constexpr sf_count_t kReadChunk = 4096;

struct MemoryFile {
  const std::vector<uint8_t>* bytes;
  sf_count_t pos = 0;
};

sf_count_t MemLength(void* user) {
  return static_cast<sf_count_t>(static_cast<MemoryFile*>(user)->bytes->size());
}
sf_count_t MemSeek(sf_count_t offset, int whence, void* user) {
  auto* m = static_cast<MemoryFile*>(user);
  const sf_count_t size = MemLength(user);
  const sf_count_t p = whence == SEEK_SET   ? offset
                       : whence == SEEK_CUR ? m->pos + offset
                                            : size + offset;
  m->pos = std::clamp<sf_count_t>(p, 0, size);
  return m->pos;
}
sf_count_t MemRead(void* ptr, sf_count_t count, void* user) {
  auto* m = static_cast<MemoryFile*>(user);
  const sf_count_t n = std::max<sf_count_t>(0, std::min(count, MemLength(user) - m->pos));
  if (n > 0) std::memcpy(ptr, m->bytes->data() + m->pos, static_cast<size_t>(n));
  m->pos += n;
  return n;
}
sf_count_t MemWrite(const void*, sf_count_t, void*) { return 0; }
sf_count_t MemTell(void* user) { return static_cast<MemoryFile*>(user)->pos; }

// Reads everything from an open file and closes it.
DecodedSound ReadAll(SNDFILE* file, const SF_INFO& info, const std::string& where,
                     double max_seconds) {
  struct Closer {
    SNDFILE* f;
    ~Closer() { sf_close(f); }
  } closer{file};
  if (info.channels < 1 || info.channels > 16 || info.samplerate < 1000 || info.samplerate > 768000)
    throw std::runtime_error(where + ": unsupported sound format");
  if (info.frames > static_cast<sf_count_t>(max_seconds * info.samplerate))
    throw std::runtime_error(where + ": longer than " +
                             std::to_string(static_cast<int>(max_seconds)) + " seconds");
  DecodedSound out;
  out.sample_rate = info.samplerate;
  out.channels = info.channels;
  out.samples.reserve(static_cast<size_t>(std::max<sf_count_t>(0, info.frames) * info.channels));
  std::vector<float> buf(static_cast<size_t>(kReadChunk * info.channels));
  // The header's frame count is untrusted: stop at the limit whatever it says.
  const auto limit =
      static_cast<size_t>(max_seconds * info.samplerate) * static_cast<size_t>(info.channels);
  for (;;) {
    const sf_count_t got = sf_readf_float(file, buf.data(), kReadChunk);
    if (got <= 0) break;
    for (sf_count_t i = 0; i < got * info.channels; ++i) {
      const float s = buf[static_cast<size_t>(i)];
      out.samples.push_back(std::isfinite(s) ? s : 0.0f);
    }
    if (out.samples.size() > limit)
      throw std::runtime_error(where + ": longer than " +
                               std::to_string(static_cast<int>(max_seconds)) + " seconds");
  }
  return out;
}

int SndFormat(const FileOptions& f, const std::string& where) {
  switch (f.format) {
    case AudioFormat::kOgg:
      return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case AudioFormat::kFlac:
      switch (f.sample_format) {
        case SampleFormat::kPcm16:
          return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
        case SampleFormat::kPcm24:
          return SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
        case SampleFormat::kFloat:
          throw std::runtime_error(where + ": FLAC cannot store float samples (use 16 or 24 bit)");
      }
      break;
    case AudioFormat::kWav:
      switch (f.sample_format) {
        case SampleFormat::kPcm16:
          return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
        case SampleFormat::kPcm24:
          return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
        case SampleFormat::kFloat:
          return SF_FORMAT_WAV | SF_FORMAT_FLOAT;
      }
      break;
  }
  return SF_FORMAT_WAV | SF_FORMAT_PCM_24;
}

int BytesPerSample(SampleFormat f) {
  switch (f) {
    case SampleFormat::kPcm16:
      return 2;
    case SampleFormat::kPcm24:
      return 3;
    case SampleFormat::kFloat:
      return 4;
  }
  return 4;
}

}  // namespace

DecodedSound ReadSoundFile(const std::vector<uint8_t>& bytes, const std::string& where,
                           double max_seconds) {
  SF_VIRTUAL_IO io{MemLength, MemSeek, MemRead, MemWrite, MemTell};
  MemoryFile mem{&bytes, 0};
  SF_INFO info{};
  SNDFILE* file = sf_open_virtual(&io, SFM_READ, &info, &mem);
  if (!file)
    throw std::runtime_error(where + ": not a readable audio file (" + sf_strerror(nullptr) + ")");
  return ReadAll(file, info, where, max_seconds);
}

DecodedSound ReadSoundFile(const std::filesystem::path& path, double max_seconds) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  if (!file)
    throw std::runtime_error(path.string() + ": cannot read it as sound (" + sf_strerror(nullptr) +
                             ")");
  return ReadAll(file, info, path.string(), max_seconds);
}

SoundFileWriter::~SoundFileWriter() { Discard(); }

void SoundFileWriter::Open(const std::filesystem::path& path, int channels, double sample_rate,
                           const FileOptions& options, int64_t expected_frames) {
  Discard();
  path_ = path;
  error_.clear();
  frames_ = 0;
  const std::string where = path.string();
  auto fail = [&](const std::string& why) { throw std::runtime_error(where + ": " + why); };
  SF_INFO info{};
  info.samplerate = static_cast<int>(std::lround(sample_rate));
  info.channels = channels;
  info.format = SndFormat(options, where);
  // Plain WAV stops at 4 GB (hours at high rates): switch to RF64, WAV's 64-bit form.
  const int64_t bytes = expected_frames * channels * BytesPerSample(options.sample_format);
  if (options.format == AudioFormat::kWav && bytes > 4000000000LL)
    info.format = SF_FORMAT_RF64 | (info.format & SF_FORMAT_SUBMASK);
  if (!sf_format_check(&info)) fail("this audio format is not supported");

  std::error_code ec;
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  if (!std::filesystem::is_directory(dir, ec))
    fail("cannot write here (the folder does not exist)");
  std::string why;
  if (!out_.Open(path, why)) fail("cannot write here (" + why + ")");
  // libsndfile streams into the AtomicFile's descriptor and leaves it open (SF_FALSE).
  file_ = sf_open_fd(out_.Fd(), SFM_WRITE, &info, SF_FALSE);
  if (!file_) {
    const std::string why =
        std::string("cannot start the audio file (") + sf_strerror(nullptr) + ")";
    Discard();
    fail(why);
  }
  // Full-scale floats map to full-scale integers; out-of-range samples clip, not wrap.
  sf_command(file_, SFC_SET_CLIPPING, nullptr, SF_TRUE);
  if (options.format == AudioFormat::kOgg) {
    double q = std::isfinite(options.quality) ? std::clamp(options.quality, 0.0, 1.0) : 0.6;
    sf_command(file_, SFC_SET_VBR_ENCODING_QUALITY, &q, sizeof q);
  }
}

bool SoundFileWriter::Write(const float* interleaved, int64_t frames) {
  if (!file_ || frames <= 0) return file_ != nullptr;
  const sf_count_t written = sf_writef_float(file_, interleaved, frames);
  frames_ += written;
  if (written != frames) {
    if (error_.empty())
      error_ = std::string("write failed (") + sf_strerror(file_) + "; is the disk full?)";
    return false;
  }
  return true;
}

void SoundFileWriter::Finish() {
  const std::string where = path_.string();
  if (!file_) throw std::runtime_error(where + ": the file was not open");
  const int rc = sf_close(file_);
  file_ = nullptr;
  if (rc != 0 && error_.empty())
    error_ = std::string("could not finish the file (") + sf_error_number(rc) + ")";
  std::string why;
  if (error_.empty() && !out_.Commit(why)) error_ = "cannot replace the file (" + why + ")";
  out_.Discard();  // no-op after a successful Commit()
  if (!error_.empty()) throw std::runtime_error(where + ": " + error_);
}

void SoundFileWriter::Discard() {
  if (file_) sf_close(file_);
  file_ = nullptr;
  out_.Discard();
}

}  // namespace graphony
