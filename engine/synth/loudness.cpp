// Loudness: drive a private SynthEngine over the whole program into libebur128.
#include "synth/loudness.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "synth/render_program.h"

namespace graphony {

namespace {

constexpr int kChunk = 4096;
constexpr double kTailSeconds = 1.5;

double Measure(const RenderProgram& program, EngineSettings settings, float gain) {
  settings.normalise_loudness = false;
  settings.master_gain = std::isfinite(settings.master_gain) ? settings.master_gain * gain : gain;
  SynthEngine engine(settings);
  engine.SetProgram(&program);
  engine.Seek(0);
  engine.SetPlaying(true);
  const double seconds = program.EndBeat() * 60.0 / program.tempo_bpm + kTailSeconds;
  const int64_t frames = static_cast<int64_t>(std::min(seconds, 6 * 3600.0) * settings.sample_rate);
  std::unique_ptr<ebur128_state, void (*)(ebur128_state*)> state(
      ebur128_init(2, static_cast<unsigned long>(std::lround(settings.sample_rate)),
                   EBUR128_MODE_I),
      [](ebur128_state* s) { ebur128_destroy(&s); });
  if (!state) return -std::numeric_limits<double>::infinity();
  std::vector<float> l(kChunk), r(kChunk), interleaved(2 * kChunk);
  for (int64_t done = 0; done < frames;) {
    const int n = static_cast<int>(std::min<int64_t>(kChunk, frames - done));
    engine.Render(l.data(), r.data(), n);
    for (int i = 0; i < n; ++i) {
      interleaved[static_cast<size_t>(2 * i)] = l[static_cast<size_t>(i)];
      interleaved[static_cast<size_t>(2 * i + 1)] = r[static_cast<size_t>(i)];
    }
    ebur128_add_frames_float(state.get(), interleaved.data(), static_cast<size_t>(n));
    done += n;
  }
  double lufs = -std::numeric_limits<double>::infinity();
  if (ebur128_loudness_global(state.get(), &lufs) != EBUR128_SUCCESS)
    return -std::numeric_limits<double>::infinity();
  return lufs;
}

}  // namespace

double IntegratedLoudness(const RenderProgram& program, const EngineSettings& settings) {
  return Measure(program, settings, 1.0f);
}

float LoudnessGain(const RenderProgram& program, const EngineSettings& settings) {
  if (!program.HasVoices() && program.banks.empty()) return 1.0f;
  const double target =
      std::isfinite(settings.target_lufs) ? std::clamp(settings.target_lufs, -40.0, -6.0) : -16.0;
  const double first = Measure(program, settings, 1.0f);
  if (!std::isfinite(first) || first < -70) return 1.0f;  // silence stays silence
  float gain = static_cast<float>(std::clamp(std::pow(10.0, (target - first) / 20.0), 0.05, 16.0));
  // The limiter bends the scale: raised peaks are held back, and a score that was limited at
  // unity gain comes out louder once lowered. Up to three correction steps measured through it.
  for (int step = 0; step < 3 && std::abs(gain - 1.0f) > 0.06f; ++step) {
    const double again = Measure(program, settings, gain);
    if (!std::isfinite(again) || std::abs(again - target) <= 0.4) break;
    gain =
        static_cast<float>(std::clamp(gain * std::pow(10.0, (target - again) / 20.0), 0.05, 16.0));
  }
  return gain;
}

}  // namespace graphony
