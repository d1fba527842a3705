// Atomic streaming WAV/FLAC writer on libsndfile (see sound_file_writer.h).
#include "realtime/sound_file_writer.h"

#include <fcntl.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <random>

namespace graphony {

namespace {

std::string Extension(const std::filesystem::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

// fsync a file or directory by path so the rename below survives a power cut.
void SyncPath(const std::filesystem::path& p, bool directory) {
  int fd = ::open(p.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

SoundFileWriter::~SoundFileWriter() { Discard(); }

void SoundFileWriter::Open(const std::filesystem::path& path, int channels, int sample_rate) {
  Discard();
  path_ = path;
  const std::string where = path.string();
  const std::string ext = Extension(path);
  int format = 0;
  if (ext == ".wav")
    format = SF_FORMAT_WAV | SF_FORMAT_PCM_24;
  else if (ext == ".flac")
    format = SF_FORMAT_FLAC | SF_FORMAT_PCM_24;
  else
    throw std::runtime_error(where + ": recordings are written as .wav or .flac");
  std::error_code ec;
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(dir, ec))
    throw std::runtime_error(where + ": folder does not exist");
  std::random_device rd;
  temp_path_ = path;
  temp_path_ += ".part-" + std::to_string(rd() % 1000000);
  SF_INFO info{};
  info.samplerate = sample_rate;
  info.channels = channels;
  info.format = format;
  file_ = sf_open(temp_path_.c_str(), SFM_WRITE, &info);
  if (!file_) throw std::runtime_error(where + ": cannot write: " + sf_strerror(nullptr));
  // Full-scale floats map to full-scale integers; out-of-range samples clip, not wrap.
  sf_command(file_, SFC_SET_CLIPPING, nullptr, SF_TRUE);
  channels_ = channels;
  frames_ = 0;
  error_.clear();
}

bool SoundFileWriter::Write(const float* interleaved, long frames) {
  if (!file_ || frames <= 0) return file_ != nullptr;
  const sf_count_t written = sf_writef_float(file_, interleaved, frames);
  frames_ += static_cast<long>(written);
  if (written != frames) {
    if (error_.empty()) error_ = sf_strerror(file_);
    return false;
  }
  return true;
}

void SoundFileWriter::Finish() {
  if (!file_) throw std::runtime_error(path_.string() + ": recording was not open");
  sf_write_sync(file_);
  const int rc = sf_close(file_);
  file_ = nullptr;
  const std::string where = path_.string();
  if (rc != 0 && error_.empty()) error_ = sf_error_number(rc);
  if (!error_.empty()) {
    std::error_code ec;
    std::filesystem::remove(temp_path_, ec);
    throw std::runtime_error(where + ": recording failed: " + error_);
  }
  SyncPath(temp_path_, false);
  std::error_code ec;
  std::filesystem::rename(temp_path_, path_, ec);
  if (ec) {
    std::filesystem::remove(temp_path_, ec);
    throw std::runtime_error(where + ": cannot save the recording: " + ec.message());
  }
  SyncPath(path_.has_parent_path() ? path_.parent_path() : ".", true);
}

void SoundFileWriter::Discard() {
  if (file_) {
    sf_close(file_);
    file_ = nullptr;
    std::error_code ec;
    std::filesystem::remove(temp_path_, ec);
  }
}

}  // namespace graphony
