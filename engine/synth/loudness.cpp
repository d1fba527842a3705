// Loudness: one probe render of the program (the engine's own mix and reverb, kept under its
// limiter), then cheap replays of the stored mix through a fresh limiter into libebur128 for
// each gain the search tries.
#include "synth/loudness.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "core/large_buffer.h"
#include "synth/limiter.h"
#include "synth/render_program.h"

namespace graphony {

namespace {

constexpr int kChunk = 4096;
constexpr double kTailSeconds = 1.5;
// The probe plays this much quieter, so that the engine's limiter never acts on it (peaks
// would have to pass +47 dBFS): what it returns is the linear mix before the limiter. A power
// of two, so scaling back is exact.
constexpr float kProbe = 1.0f / 256.0f;
// The mix kept for the limiter replays (stereo float): at most this many frames, 5 minutes at
// 48 kHz, about 110 MB whatever the rate. A longer piece is measured whole without the limiter,
// and the limiter's effect is taken from the start that was kept.
constexpr int64_t kKeptFrames = 300 * 48000;

using State = std::unique_ptr<ebur128_state, void (*)(ebur128_state*)>;

State NewState(double sample_rate) {
  return State(
      ebur128_init(2, static_cast<unsigned long>(std::lround(sample_rate)), EBUR128_MODE_I),
      [](ebur128_state* s) {
        if (s) ebur128_destroy(&s);
      });
}

double Global(ebur128_state* state) {
  double lufs = -std::numeric_limits<double>::infinity();
  if (!state || ebur128_loudness_global(state, &lufs) != EBUR128_SUCCESS)
    return -std::numeric_limits<double>::infinity();
  return lufs;
}

// The program's mix before the limiter at gain 1: its whole loudness, and the kept start.
struct Probe {
  double sample_rate = 48000;
  double open_lufs = -std::numeric_limits<double>::infinity();  // the whole piece, unlimited
  double kept_open_lufs = -std::numeric_limits<double>::infinity();
  bool kept_all = true;
  float kept_peak = 0;      // the kept mix's highest sample
  std::vector<float> kept;  // interleaved stereo
};

Probe Render(const RenderProgram& program, EngineSettings settings) {
  Probe probe;
  settings.normalise_loudness = false;
  const float master = std::isfinite(settings.master_gain) ? settings.master_gain : 1.0f;
  settings.master_gain = master * kProbe;
  settings.general_midi = program.UsesGeneralMidi();
  SynthEngine engine(settings);
  engine.SetProgram(&program);
  engine.Seek(0);
  engine.SetPlaying(true);
  probe.sample_rate = settings.sample_rate;
  const double seconds = program.EndBeat() * 60.0 / program.tempo_bpm + kTailSeconds;
  const int64_t frames = static_cast<int64_t>(std::min(seconds, 6 * 3600.0) * settings.sample_rate);
  const int64_t keep = std::min<int64_t>(frames, kKeptFrames);
  probe.kept_all = keep == frames;
  ReserveLarge(probe.kept, static_cast<size_t>(2 * keep));
  State whole = NewState(settings.sample_rate);
  State start =
      probe.kept_all ? State(nullptr, [](ebur128_state*) {}) : NewState(settings.sample_rate);
  std::vector<float> l(kChunk), r(kChunk), interleaved(2 * kChunk);
  for (int64_t done = 0; done < frames;) {
    const int n = static_cast<int>(std::min<int64_t>(kChunk, frames - done));
    engine.Render(l.data(), r.data(), n);
    for (int i = 0; i < n; ++i) {
      interleaved[static_cast<size_t>(2 * i)] = l[static_cast<size_t>(i)] / kProbe;
      interleaved[static_cast<size_t>(2 * i + 1)] = r[static_cast<size_t>(i)] / kProbe;
    }
    if (whole) ebur128_add_frames_float(whole.get(), interleaved.data(), static_cast<size_t>(n));
    const int64_t room = keep - done;
    if (room > 0) {
      const int k = static_cast<int>(std::min<int64_t>(room, n));
      probe.kept.insert(probe.kept.end(), interleaved.begin(), interleaved.begin() + 2 * k);
      for (int i = 0; i < 2 * k; ++i)
        probe.kept_peak = std::max(probe.kept_peak, std::fabs(interleaved[static_cast<size_t>(i)]));
      if (start) ebur128_add_frames_float(start.get(), interleaved.data(), static_cast<size_t>(k));
    }
    done += n;
  }
  probe.open_lufs = Global(whole.get());
  probe.kept_open_lufs = probe.kept_all ? probe.open_lufs : Global(start.get());
  return probe;
}

// Loudness of the kept mix at `gain` through a limiter like the engine's.
double Limited(const Probe& probe, float gain) {
  State state = NewState(probe.sample_rate);
  if (!state) return -std::numeric_limits<double>::infinity();
  Limiter limiter;
  limiter.Init(probe.sample_rate);
  std::vector<float> l(kChunk), r(kChunk), interleaved(2 * kChunk);
  const size_t frames = probe.kept.size() / 2;
  for (size_t done = 0; done < frames;) {
    const int n = static_cast<int>(std::min<size_t>(kChunk, frames - done));
    for (int i = 0; i < n; ++i) {
      l[static_cast<size_t>(i)] = probe.kept[2 * (done + static_cast<size_t>(i))] * gain;
      r[static_cast<size_t>(i)] = probe.kept[2 * (done + static_cast<size_t>(i)) + 1] * gain;
    }
    limiter.Process(l.data(), r.data(), n);
    for (int i = 0; i < n; ++i) {
      interleaved[static_cast<size_t>(2 * i)] = l[static_cast<size_t>(i)];
      interleaved[static_cast<size_t>(2 * i + 1)] = r[static_cast<size_t>(i)];
    }
    ebur128_add_frames_float(state.get(), interleaved.data(), static_cast<size_t>(n));
    done += static_cast<size_t>(n);
  }
  return Global(state.get());
}

// The whole piece's loudness at `gain` through the limiter: measured on the kept mix, or for a
// longer piece, its unlimited loudness less what the limiter took from its start.
double AtGain(const Probe& probe, float gain) {
  const double db = 20.0 * std::log10(gain);
  // Below the limiter's threshold the limiter passes the mix unchanged (only delayed): the
  // loudness is the unlimited one plus the gain, with no replay.
  if (probe.kept_all && probe.kept_peak * gain <= Limiter::kThreshold) return probe.open_lufs + db;
  const double limited = Limited(probe, gain);
  if (probe.kept_all || !std::isfinite(probe.kept_open_lufs)) return limited;
  return probe.open_lufs + db + (limited - (probe.kept_open_lufs + db));
}

}  // namespace

double IntegratedLoudness(const RenderProgram& program, const EngineSettings& settings) {
  const Probe probe = Render(program, settings);
  if (!std::isfinite(probe.open_lufs)) return probe.open_lufs;
  return AtGain(probe, 1.0f);
}

float LoudnessGain(const RenderProgram& program, const EngineSettings& settings) {
  return LoudnessGain(program, settings, nullptr, nullptr);
}

float LoudnessGain(const RenderProgram& program, const EngineSettings& settings,
                   std::vector<float>* mix, int* latency) {
  if (!program.HasVoices() && program.banks.empty()) return 1.0f;
  const double target =
      std::isfinite(settings.target_lufs) ? std::clamp(settings.target_lufs, -40.0, -6.0) : -16.0;
  Probe probe = Render(program, settings);
  const double open = probe.open_lufs;
  if (!std::isfinite(open) || open < -70) return 1.0f;  // silence stays silence
  // Start from the unlimited loudness; the limiter bends the scale (raised peaks are held
  // back), so the gain is corrected up to four times, each measured through the limiter on the
  // kept mix (a cheap replay, not a new render).
  float gain = static_cast<float>(std::clamp(std::pow(10.0, (target - open) / 20.0), 0.05, 16.0));
  for (int step = 0; step < 4; ++step) {
    const double now = AtGain(probe, gain);
    if (!std::isfinite(now) || std::abs(now - target) <= 0.2) break;
    gain = static_cast<float>(std::clamp(gain * std::pow(10.0, (target - now) / 20.0), 0.05, 16.0));
  }
  if (mix && probe.kept_all) {
    *mix = std::move(probe.kept);
    Limiter probe_limiter;
    probe_limiter.Init(probe.sample_rate);
    *latency = probe_limiter.LatencyFrames();
  }
  return gain;
}

}  // namespace graphony
