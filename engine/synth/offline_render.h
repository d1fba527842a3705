// Offline render: Events -> float buffers or an audio file (WAV/FLAC/OGG via libsndfile),
// with a beat range, stems, progress and cancel. Uses the same SynthEngine as live playback.
// Thread: any thread (the editor calls it from a worker); the callbacks run on that thread.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "interpret/events.h"
#include "synth/engine.h"
#include "synth/sound_file.h"

namespace graphony {

struct RenderError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct RenderCancelled : RenderError {
  RenderCancelled() : RenderError("render cancelled") {}
};

struct OfflineOptions {
  EngineSettings engine;  // sample rate, reverb mix, gain, voices, samples
  double from_beat = 0;
  double to_beat = -1;       // < 0: to the end of the score
  double tail_seconds = -1;  // < 0: automatic (reverb and release tails)
  // EBU R128 loudness normalisation to `target_lufs` (the program is measured once when it is
  // prepared; engine.normalise_loudness does the same for live playback).
  bool normalise = false;
  double target_lufs = -16;
  int solo_instrument = -1;  // render one instrument only (stems)
  // A normalised render of the whole piece plays the loudness probe's mix through the limiter
  // at the measured gain: the same samples as rendering the score again, at about half the CPU
  // (false renders twice; tests compare).
  bool replay_probe = true;
};

// Fraction done 0..1 (called often, cheaply).
using ProgressFn = std::function<void(double)>;

struct RenderedAudio {
  double sample_rate = 48000;
  std::vector<float> left, right;
};

// Throws RenderError (bad options, sampler files) or RenderCancelled.
RenderedAudio RenderToBuffers(const Events& events, const OfflineOptions& options,
                              const ProgressFn& progress = {},
                              const std::atomic<bool>* cancel = nullptr);

// "x.wav" -> kWav, ".flac" -> kFlac, ".ogg"/".oga" -> kOgg; throws RenderError otherwise.
AudioFormat AudioFormatFromPath(const std::filesystem::path& path);

// Renders straight to `path` (streaming, constant memory unless normalising): writes a
// temporary file in the same directory and renames it over `path` only when complete, so
// an existing file is never damaged. Returns the frames written. Throws RenderError /
// RenderCancelled.
int64_t RenderToFile(const Events& events, const std::filesystem::path& path,
                     const OfflineOptions& options, const FileOptions& file,
                     const ProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

// One file per instrument that has events, named "<index>-<display name>.<ext>" in `dir`
// (created if needed). Returns the paths written.
std::vector<std::filesystem::path> RenderStems(const Events& events,
                                               const std::filesystem::path& dir,
                                               const OfflineOptions& options,
                                               const FileOptions& file,
                                               const ProgressFn& progress = {},
                                               const std::atomic<bool>* cancel = nullptr);

}  // namespace graphony
