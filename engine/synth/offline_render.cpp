// Offline render: drives SynthEngine in chunks, measures loudness, streams into the one
// sound-file writer (synth/sound_file.h), which replaces the output only when complete.
#include "synth/offline_render.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "synth/dsp.h"
#include "synth/limiter.h"
#include "synth/render_program.h"

namespace graphony {

namespace {

constexpr int kChunk = 4096;
constexpr double kReverbTailSeconds = 3.0;
constexpr double kReleaseTailSeconds = 2.0;

using Sink = std::function<void(const float*, const float*, int)>;

struct Plan {
  std::shared_ptr<const RenderProgram> program;
  double from_beat = 0;
  int64_t frames = 0;
};

Plan MakePlan(const Events& events, const OfflineOptions& o) {
  Plan plan;
  try {
    EngineSettings settings = o.engine;
    settings.normalise_loudness = o.normalise;  // offline, the render's own choice decides
    settings.target_lufs = o.target_lufs;
    // The whole piece, normalised: its loudness probe already is the render (ReplayProbe).
    settings.keep_loudness_probe = o.normalise && o.replay_probe && o.from_beat == 0 &&
                                   o.to_beat < 0 && o.engine.master_gain == 1.0f;
    plan.program = PrepareProgram(events, settings);
  } catch (const std::exception& e) {
    throw RenderError(e.what());
  }
  const RenderProgram& p = *plan.program;
  const double end_beat = o.to_beat >= 0 ? o.to_beat : p.EndBeat();
  if (!std::isfinite(o.from_beat) || o.from_beat < 0)
    throw RenderError("--from must be a beat >= 0");
  if (!std::isfinite(end_beat) ||
      (!(end_beat > o.from_beat) && !(o.to_beat < 0 && end_beat == o.from_beat)))
    throw RenderError("the end beat must be after the start beat");
  double tail = o.tail_seconds;
  if (tail < 0) {
    tail = o.engine.reverb_mix > 0 ? kReverbTailSeconds : p.HasVoices() ? kReleaseTailSeconds : 0.0;
  }
  const double seconds = (end_beat - o.from_beat) * 60.0 / p.tempo_bpm + tail;
  plan.from_beat = o.from_beat;
  if (!(seconds >= 0 && seconds <= 6 * 3600.0)) throw RenderError("render longer than 6 hours");
  plan.frames = static_cast<int64_t>(std::llround(seconds * o.engine.sample_rate));
  return plan;
}

void CheckCancel(const std::atomic<bool>* cancel) {
  if (cancel && cancel->load(std::memory_order_relaxed)) throw RenderCancelled();
}

// The normalised whole piece from the loudness probe's mix (the engine's mix before its gain
// and limiter, at gain 1): the engine's own steps from there, the loudness gain and a limiter
// fed in the engine's 64-frame blocks, with the same first blocks dropped, so the samples are
// those of rendering the score again. False (nothing sent) when the probe cannot stand in.
bool ReplayProbe(const Plan& plan, const OfflineOptions& o, float gain, const Sink& sink,
                 const ProgressFn& progress, double p0, double p1,
                 const std::atomic<bool>* cancel) {
  const RenderProgram& p = *plan.program;
  if (!p.probe_mix || o.solo_instrument >= 0 || plan.from_beat != 0 ||
      o.engine.master_gain * gain != 1.0f)
    return false;
  constexpr int kB = dsp::kBlock;
  Limiter limiter;
  limiter.Init(std::clamp(o.engine.sample_rate, 8000.0, 384000.0));
  const int latency = limiter.LatencyFrames();
  const int64_t preroll = kB + latency;  // as RunEngine drops them
  const int64_t total = preroll + plan.frames;
  const int64_t blocks = (total + kB - 1) / kB;
  const std::vector<float>& mix = *p.probe_mix;
  if (latency != p.probe_latency ||
      static_cast<int64_t>(mix.size() / 2) < blocks * kB + p.probe_latency)
    return false;
  // The engine's gain: its master gain (1 here) times the program's loudness gain.
  const float g = 1.0f * p.loudness_gain;
  std::vector<float> out_l, out_r;
  out_l.reserve(kChunk);
  out_r.reserve(kChunk);
  int64_t sent = 0;
  float l[kB], r[kB];
  for (int64_t b = 0; b < blocks; ++b) {
    const size_t at = static_cast<size_t>((b * kB + p.probe_latency) * 2);
    for (int i = 0; i < kB; ++i) {
      l[i] = mix[at + 2 * static_cast<size_t>(i)] * g;
      r[i] = mix[at + 2 * static_cast<size_t>(i) + 1] * g;
    }
    limiter.Process(l, r, kB);
    for (int i = 0; i < kB; ++i) {
      const int64_t t = b * kB + i;
      if (t < preroll || t >= total) continue;
      out_l.push_back(l[i]);
      out_r.push_back(r[i]);
    }
    if (static_cast<int>(out_l.size()) >= kChunk - kB || b + 1 == blocks) {
      CheckCancel(cancel);
      sink(out_l.data(), out_r.data(), static_cast<int>(out_l.size()));
      sent += static_cast<int64_t>(out_l.size());
      out_l.clear();
      out_r.clear();
      if (progress)
        progress(p0 + (p1 - p0) * static_cast<double>(sent) / static_cast<double>(plan.frames));
    }
  }
  return true;
}

// Runs the engine over the plan, feeding `sink`; `p0`..`p1` is this pass's progress share.
void RunEngine(const Plan& plan, const OfflineOptions& o, float gain, const Sink& sink,
               const ProgressFn& progress, double p0, double p1, const std::atomic<bool>* cancel) {
  if (ReplayProbe(plan, o, gain, sink, progress, p0, p1, cancel)) return;
  EngineSettings settings = o.engine;
  settings.master_gain *= gain;
  settings.general_midi = plan.program->UsesGeneralMidi();
  SynthEngine engine(settings);
  engine.SetProgram(plan.program.get());
  engine.SoloInstrument(o.solo_instrument);
  engine.Seek(plan.from_beat);
  engine.SetPlaying(true);
  std::vector<float> l(kChunk), r(kChunk);
  // The first internal block applies the seek (silence) and the limiter delays the rest:
  // render and drop both so the file starts exactly at from_beat.
  int64_t preroll = 64 + engine.LatencyFrames();
  while (preroll > 0) {
    const int n = static_cast<int>(std::min<int64_t>(preroll, kChunk));
    engine.Render(l.data(), r.data(), n);
    preroll -= n;
  }
  for (int64_t done = 0; done < plan.frames;) {
    CheckCancel(cancel);
    const int n = static_cast<int>(std::min<int64_t>(kChunk, plan.frames - done));
    engine.Render(l.data(), r.data(), n);
    sink(l.data(), r.data(), n);
    done += n;
    if (progress)
      progress(p0 + (p1 - p0) * static_cast<double>(done) / static_cast<double>(plan.frames));
  }
}

// The render's output: the one sound-file writer, with its errors as RenderError.
class RenderFile {
 public:
  RenderFile(const std::filesystem::path& target, const FileOptions& f, double sample_rate,
             int64_t frames) {
    try {
      writer_.Open(target, 2, sample_rate, f, frames);
    } catch (const std::runtime_error& e) {
      throw RenderError(e.what());
    }
    interleaved_.resize(2 * kChunk);
  }
  void Write(const float* l, const float* r, int n) {
    for (int i = 0; i < n; ++i) {
      interleaved_[static_cast<size_t>(2 * i)] = l[i];
      interleaved_[static_cast<size_t>(2 * i + 1)] = r[i];
    }
    if (!writer_.Write(interleaved_.data(), n))
      throw RenderError(writer_.Path().string() + ": " + writer_.Error());
  }
  void Commit() {
    try {
      writer_.Finish();
    } catch (const std::runtime_error& e) {
      throw RenderError(e.what());
    }
  }

 private:
  SoundFileWriter writer_;
  std::vector<float> interleaved_;
};

bool InstrumentUsed(const Events& e, int i) {
  for (const auto& n : e.notes)
    if (n.sounding && n.instrument == i) return true;
  for (const auto& g : e.gestures)
    if (g.instrument == i && !g.points.empty()) return true;
  for (const auto& b : e.banks)
    if (b.instrument == i && !b.rows.empty()) return true;
  return false;
}

std::string SafeFileName(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    out += ok ? c : '-';
  }
  return out.empty() ? "instrument" : out.substr(0, 60);
}

}  // namespace

RenderedAudio RenderToBuffers(const Events& events, const OfflineOptions& options,
                              const ProgressFn& progress, const std::atomic<bool>* cancel) {
  const Plan plan = MakePlan(events, options);
  const float gain = 1.0f;  // normalisation is the program's own loudness gain
  RenderedAudio out;
  out.sample_rate = options.engine.sample_rate;
  out.left.reserve(static_cast<size_t>(plan.frames));
  out.right.reserve(static_cast<size_t>(plan.frames));
  RunEngine(
      plan, options, gain,
      [&](const float* l, const float* r, int n) {
        out.left.insert(out.left.end(), l, l + n);
        out.right.insert(out.right.end(), r, r + n);
      },
      progress, 0.0, 1.0, cancel);
  return out;
}

AudioFormat AudioFormatFromPath(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".wav") return AudioFormat::kWav;
  if (ext == ".flac") return AudioFormat::kFlac;
  if (ext == ".ogg" || ext == ".oga") return AudioFormat::kOgg;
  throw RenderError(path.string() + ": unknown audio format '" + ext +
                    "' (use .wav, .flac or .ogg)");
}

namespace {

int64_t RenderPlanToFile(const Plan& plan, const std::filesystem::path& path,
                         const OfflineOptions& options, const FileOptions& file,
                         const ProgressFn& progress, const std::atomic<bool>* cancel) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw RenderError(path.string() + ": is a directory");
  const float gain = 1.0f;  // normalisation is the program's own loudness gain
  RenderFile out(path, file, options.engine.sample_rate, plan.frames);
  RunEngine(
      plan, options, gain, [&](const float* l, const float* r, int n) { out.Write(l, r, n); },
      progress, 0.0, 1.0, cancel);
  out.Commit();
  return plan.frames;
}

}  // namespace

int64_t RenderToFile(const Events& events, const std::filesystem::path& path,
                     const OfflineOptions& options, const FileOptions& file,
                     const ProgressFn& progress, const std::atomic<bool>* cancel) {
  return RenderPlanToFile(MakePlan(events, options), path, options, file, progress, cancel);
}

std::vector<std::filesystem::path> RenderStems(const Events& events,
                                               const std::filesystem::path& dir,
                                               const OfflineOptions& options,
                                               const FileOptions& file, const ProgressFn& progress,
                                               const std::atomic<bool>* cancel) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    throw RenderError(dir.string() + ": cannot create the stems folder (" + ec.message() + ")");
  const char* ext = file.format == AudioFormat::kOgg    ? ".ogg"
                    : file.format == AudioFormat::kFlac ? ".flac"
                                                        : ".wav";
  std::vector<int> used;
  for (int i = 0; i < static_cast<int>(events.instruments.size()); ++i)
    if (InstrumentUsed(events, i)) used.push_back(i);
  std::vector<std::filesystem::path> written;
  // One program (and one loudness measurement of the whole mix) for every stem: the stems keep
  // the mix's gain, so that they add up to it.
  const Plan plan = MakePlan(events, options);
  for (size_t k = 0; k < used.size(); ++k) {
    const int i = used[k];
    const InstrumentRef& ref = events.instruments[static_cast<size_t>(i)];
    const std::string label = ref.display_name.empty() ? ref.name : ref.display_name;
    const std::filesystem::path path =
        dir / (std::to_string(i + 1) + "-" + SafeFileName(label) + ext);
    OfflineOptions o = options;
    o.solo_instrument = i;
    const double p0 = static_cast<double>(k) / used.size(),
                 p1 = static_cast<double>(k + 1) / used.size();
    RenderPlanToFile(
        plan, path, o, file,
        [&](double f) {
          if (progress) progress(p0 + (p1 - p0) * f);
        },
        cancel);
    written.push_back(path);
  }
  return written;
}

}  // namespace graphony
