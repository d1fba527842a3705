// Streams audio frames into a WAV/FLAC file written atomically: frames go to a temporary
// file in the same folder, which replaces the target only when Finish() succeeds.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

typedef struct sf_private_tag SNDFILE;

namespace graphony {

// Thread rules: one thread at a time (the recorder's writer thread, or the control thread
// before/after it runs). Never used on the audio thread.
class SoundFileWriter {
 public:
  SoundFileWriter() = default;
  ~SoundFileWriter();  // an unfinished file is discarded (the target stays untouched)
  SoundFileWriter(const SoundFileWriter&) = delete;
  SoundFileWriter& operator=(const SoundFileWriter&) = delete;

  // Opens `path.part-XXXX` for writing 24-bit PCM; .wav or .flac by extension.
  // Throws std::runtime_error "OUT.wav: <reason>".
  void Open(const std::filesystem::path& path, int channels, int sample_rate);
  bool IsOpen() const { return file_ != nullptr; }
  // Appends interleaved frames. Returns false (and remembers why) on a write error.
  bool Write(const float* interleaved, long frames);
  // Closes, flushes to disk and renames over the target. Throws std::runtime_error.
  void Finish();
  // Closes and deletes the temporary file.
  void Discard();
  long Frames() const { return frames_; }
  const std::filesystem::path& Path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::filesystem::path temp_path_;
  SNDFILE* file_ = nullptr;
  int channels_ = 0;
  long frames_ = 0;
  std::string error_;
};

}  // namespace graphony
