// Background recording: the audio thread pushes what it plays (and, optionally, what an
// input device hears) into lock-free rings; a writer thread drains them into files.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>

#include "realtime/spsc_ring.h"
#include "synth/sound_file.h"

namespace graphony {

struct RecordingOptions {
  std::filesystem::path output_path;  // the mix as heard (.wav or .flac)
  std::filesystem::path input_path;   // the input device's track; empty = no input track
  bool when_playing_starts = false;   // start on the frame the transport starts (after a
                                      // count-in), not at once
};

struct RecordingSummary {
  std::filesystem::path output_path, input_path;
  int64_t frames = 0;          // frames written to output_path
  int64_t input_frames = 0;    // frames written to input_path
  int64_t dropped_frames = 0;  // frames lost because the writer fell behind (should be 0)
  double start_beat = 0;       // playhead when the first recorded frame was played
  double seconds = 0;
};

// Thread rules: Begin/Finish/Abort on the control thread; Push* on the audio thread only
// (between the audio thread's start and stop of recording); the writer thread is private.
class Recorder {
 public:
  // [control] Allocates rings holding `ring_seconds` of audio for each track.
  Recorder(double sample_rate, int input_channels, double ring_seconds = 8);
  ~Recorder();  // aborts an unfinished recording (temporary files removed)
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // [control] Opens the files and starts the writer thread. `input_skip_frames` input
  // frames are dropped first so the input track lines up with what was heard (the
  // stream's input + output latency). Throws std::runtime_error naming the file.
  void Begin(const RecordingOptions& options, int64_t input_skip_frames);
  // [control] Call once the audio thread no longer pushes: writes what is left, closes
  // and renames the files. Throws std::runtime_error naming the file on failure.
  RecordingSummary Finish(double start_beat);
  // [control] Stops the writer and deletes the unfinished files.
  void Abort();
  // [control] True between Begin and Finish/Abort.
  bool Active() const { return writer_.joinable(); }

  // [audio] Queue interleaved stereo output / input frames. Never blocks; a block that
  // does not fit is dropped whole and counted.
  void PushOutput(const float* interleaved_stereo, int frames);
  void PushInput(const float* interleaved, int frames);
  int InputChannels() const { return input_channels_; }
  bool RecordsInput() const { return records_input_.load(std::memory_order_acquire); }

 private:
  void WriterLoop();
  void StopWriter();

  double sample_rate_;
  int input_channels_;
  SpscRing<float> output_ring_;
  SpscRing<float> input_ring_;
  SoundFileWriter output_file_;
  SoundFileWriter input_file_;
  std::thread writer_;
  std::atomic<bool> stop_writer_{false};
  std::atomic<bool> records_input_{false};
  std::atomic<int64_t> dropped_frames_{0};
  int64_t input_skip_frames_ = 0;  // writer thread only
};

}  // namespace graphony
