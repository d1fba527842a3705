// The one sound-file reader and the one sound-file writer (libsndfile): sampler sounds,
// recorded takes, offline renders and live recordings all go through these two.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/temp_files.h"

typedef struct sf_private_tag SNDFILE;

namespace graphony {

// A whole decoded file, interleaved float frames as stored (no mixing, no resampling).
struct DecodedSound {
  int sample_rate = 0;
  int channels = 0;
  std::vector<float> samples;  // frames * channels, non-finite values replaced by 0
  int64_t Frames() const {
    return channels > 0 ? static_cast<int64_t>(samples.size()) / channels : 0;
  }
};

// Decodes WAV/FLAC/OGG bytes (a bundle entry). `where` names the source in errors, which are
// std::runtime_error "<where>: <problem>"; files longer than `max_seconds` are refused
// (untrusted input must not exhaust memory).
DecodedSound ReadSoundFile(const std::vector<uint8_t>& bytes, const std::string& where,
                           double max_seconds);
// The same for a file on disk.
DecodedSound ReadSoundFile(const std::filesystem::path& path, double max_seconds);

enum class AudioFormat { kWav, kFlac, kOgg };
enum class SampleFormat { kPcm16, kPcm24, kFloat };

struct FileOptions {
  AudioFormat format = AudioFormat::kWav;
  SampleFormat sample_format = SampleFormat::kPcm24;  // WAV/FLAC (FLAC has no float)
  double quality = 0.6;                               // OGG Vorbis 0..1
};

// Streams float frames into a sound file that replaces its target only when complete: the
// frames go to an AtomicFile (engine/core/temp_files.h: a hidden temp file in the same folder,
// mode 0644 or the replaced file's), which Finish() commits over the target; leftovers of a
// killed render are removed by the next one. An existing file is never
// damaged. Errors are std::runtime_error "<target>: <problem>".
// Thread rules: one thread at a time; never the audio thread.
class SoundFileWriter {
 public:
  SoundFileWriter() = default;
  ~SoundFileWriter();  // an unfinished file is discarded (the target stays untouched)
  SoundFileWriter(const SoundFileWriter&) = delete;
  SoundFileWriter& operator=(const SoundFileWriter&) = delete;

  // `expected_frames` (0 = unknown) switches long WAV files to RF64 (plain WAV stops at 4 GB).
  void Open(const std::filesystem::path& path, int channels, double sample_rate,
            const FileOptions& options, int64_t expected_frames = 0);
  bool IsOpen() const { return file_ != nullptr; }
  // Appends interleaved frames. Returns false (and remembers why) on a write error.
  bool Write(const float* interleaved, int64_t frames);
  // Closes, flushes to disk and renames over the target. Throws on any earlier write error.
  void Finish();
  // Closes and deletes the temporary file.
  void Discard();
  int64_t Frames() const { return frames_; }
  const std::filesystem::path& Path() const { return path_; }
  const std::string& Error() const { return error_; }

 private:
  std::filesystem::path path_;
  AtomicFile out_;  // the one atomic writer: temp file, fsync, rename, stale clean-up
  SNDFILE* file_ = nullptr;
  int64_t frames_ = 0;
  std::string error_;
};

}  // namespace graphony
