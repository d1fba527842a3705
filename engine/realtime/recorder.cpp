// Background recording: rings from the audio thread to a libsndfile writer thread.
#include "realtime/recorder.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <stdexcept>
#include <vector>

namespace graphony {

namespace {
constexpr int kOutputChannels = 2;
constexpr size_t kWriteChunkFrames = 4096;
// How often the writer looks for new audio: a 8 s ring drained every 10 ms cannot overflow
// unless the disk stalls for seconds.
constexpr auto kWriterSleep = std::chrono::milliseconds(10);

// Takes are 24-bit WAV or FLAC: lossless, and what the editor and sox read back.
FileOptions RecordingFormat(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  FileOptions f;
  f.sample_format = SampleFormat::kPcm24;
  if (ext == ".wav")
    f.format = AudioFormat::kWav;
  else if (ext == ".flac")
    f.format = AudioFormat::kFlac;
  else
    throw std::runtime_error(path.string() + ": recordings are written as .wav or .flac");
  return f;
}
}  // namespace

Recorder::Recorder(double sample_rate, int input_channels, double ring_seconds)
    : sample_rate_(sample_rate),
      input_channels_(std::max(0, input_channels)),
      output_ring_(static_cast<size_t>(sample_rate * ring_seconds) * kOutputChannels),
      input_ring_(input_channels > 0
                      ? static_cast<size_t>(sample_rate * ring_seconds) * input_channels
                      : 2) {}

Recorder::~Recorder() { Abort(); }

void Recorder::Begin(const RecordingOptions& options, int64_t input_skip_frames) {
  Abort();
  // Leftovers from an earlier take (pushed after it finished) must not start this one.
  std::vector<float> scratch(4096);
  while (output_ring_.PopMany(scratch.data(), scratch.size()) > 0) {
  }
  while (input_ring_.PopMany(scratch.data(), scratch.size()) > 0) {
  }
  const int rate = static_cast<int>(sample_rate_ + 0.5);
  output_file_.Open(options.output_path, kOutputChannels, rate,
                    RecordingFormat(options.output_path));
  const bool with_input = !options.input_path.empty() && input_channels_ > 0;
  if (with_input) {
    try {
      input_file_.Open(options.input_path, input_channels_, rate,
                       RecordingFormat(options.input_path));
    } catch (...) {
      output_file_.Discard();
      throw;
    }
  }
  input_skip_frames_ = std::max<int64_t>(0, input_skip_frames);
  dropped_frames_.store(0);
  records_input_.store(with_input, std::memory_order_release);
  stop_writer_.store(false);
  writer_ = std::thread([this] { WriterLoop(); });
}

void Recorder::PushOutput(const float* interleaved_stereo, int frames) {
  const size_t samples = static_cast<size_t>(frames) * kOutputChannels;
  if (output_ring_.WriteAvailable() < samples) {
    dropped_frames_.fetch_add(frames, std::memory_order_relaxed);
    return;
  }
  output_ring_.PushMany(interleaved_stereo, samples);
}

void Recorder::PushInput(const float* interleaved, int frames) {
  if (!records_input_.load(std::memory_order_relaxed) || input_channels_ == 0) return;
  const size_t samples = static_cast<size_t>(frames) * input_channels_;
  if (input_ring_.WriteAvailable() < samples) {
    dropped_frames_.fetch_add(frames, std::memory_order_relaxed);
    return;
  }
  input_ring_.PushMany(interleaved, samples);
}

void Recorder::WriterLoop() {
  std::vector<float> buffer(kWriteChunkFrames * std::max(kOutputChannels, input_channels_));
  // Moves whole frames from a ring to a file; returns how many frames moved.
  auto drain = [&](SpscRing<float>& ring, SoundFileWriter& file, int channels, int64_t* skip) {
    size_t moved = 0;
    for (;;) {
      size_t frames = std::min(ring.ReadAvailable() / channels, kWriteChunkFrames);
      if (frames == 0) break;
      ring.PopMany(buffer.data(), frames * channels);
      moved += frames;
      const float* start = buffer.data();
      if (skip && *skip > 0) {
        const size_t skipped = std::min<size_t>(frames, static_cast<size_t>(*skip));
        *skip -= static_cast<int64_t>(skipped);
        start += skipped * channels;
        frames -= skipped;
      }
      file.Write(start, static_cast<long>(frames));
    }
    return moved;
  };
  for (;;) {
    const bool stopping = stop_writer_.load(std::memory_order_acquire);
    size_t moved = drain(output_ring_, output_file_, kOutputChannels, nullptr);
    if (input_file_.IsOpen())
      moved += drain(input_ring_, input_file_, input_channels_, &input_skip_frames_);
    if (stopping) break;  // one full drain after the stop request: nothing is left behind
    if (moved == 0) std::this_thread::sleep_for(kWriterSleep);
  }
}

void Recorder::StopWriter() {
  if (!writer_.joinable()) return;
  stop_writer_.store(true, std::memory_order_release);
  writer_.join();
  records_input_.store(false, std::memory_order_release);
}

RecordingSummary Recorder::Finish(double start_beat) {
  StopWriter();
  RecordingSummary s;
  s.output_path = output_file_.Path();
  s.frames = output_file_.Frames();
  s.dropped_frames = dropped_frames_.load();
  s.start_beat = start_beat;
  s.seconds = static_cast<double>(s.frames) / sample_rate_;
  const bool with_input = input_file_.IsOpen();
  if (with_input) {
    s.input_path = input_file_.Path();
    s.input_frames = input_file_.Frames();
  }
  try {
    output_file_.Finish();
  } catch (...) {
    input_file_.Discard();
    throw;
  }
  if (with_input) input_file_.Finish();
  return s;
}

void Recorder::Abort() {
  StopWriter();
  output_file_.Discard();
  input_file_.Discard();
}

}  // namespace graphony
