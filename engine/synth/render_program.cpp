// PrepareProgram: resolves instruments and samples, keeps sounding events, lays out banks.
#include "synth/render_program.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <numeric>
#include <stdexcept>

#include "synth/dsp.h"
#include "synth/engine.h"
#include "synth/loudness.h"
#include "synth/sample_loader.h"
#include "synth/soundfont.h"

namespace graphony {

namespace {

constexpr double kBankFadeSeconds = 0.05;  // edge fade of a bank: no click at its start/end
constexpr double kMaxBankFloats = 128e6;   // 512 MB of amplitudes: refuse beyond this
constexpr char kDefaultSample[] = "kalimba-C5.wav";

bool SafeRelativeName(const std::string& name) {
  const std::filesystem::path p(name);
  if (name.empty() || p.is_absolute()) return false;
  for (const auto& part : p)
    if (part == "..") return false;
  return true;
}

std::shared_ptr<const dsp::SampleData> FindSample(const std::string& wanted,
                                                  const EngineSettings& settings,
                                                  const std::string& instrument) {
  const std::string name = wanted.empty() ? kDefaultSample : wanted;
  const std::string where = "instrument '" + instrument + "': sample '" + name + "'";
  if (!SafeRelativeName(name)) throw std::runtime_error(where + ": must be a plain relative name");
  for (const std::string& key : {name, "samples/" + name}) {
    auto it = settings.assets.files.find(key);
    if (it != settings.assets.files.end() && it->second) {
      // A sampled instrument (made from a take) brings its root pitch and loop.
      const SampledInstrument* made = nullptr;
      for (const SampledInstrument& si : settings.sampled_instruments)
        if (si.file == key) made = &si;
      return DecodeSample(*it->second, key, where, made);
    }
  }
  const std::filesystem::path dir = settings.samples_dir.empty()
                                        ? DefaultSamplesDir()
                                        : std::filesystem::path(settings.samples_dir);
  if (!dir.empty()) {
    const std::filesystem::path path = dir / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return LoadSampleFile(path);
  }
  throw std::runtime_error(where + ": not found in the score bundle or in " +
                           (dir.empty() ? std::string("samples/") : dir.string()));
}

// The soundfont preset for a General MIDI instrument, or nullptr (its stand-in voice plays,
// and the reason is said once per process on stderr: this runs off the audio thread).
const GmPreset* FindPreset(const InstrumentTraits& traits, const EngineSettings& settings,
                           std::string& soundfont_used) {
  static std::once_flag said;
  auto say = [](const std::string& why) {
    std::call_once(said, [&] {
      std::fprintf(stderr,
                   "graphony: %s; General MIDI instruments play with the engine's own voices\n",
                   why.c_str());
    });
  };
  if (settings.sample_rate > 96000) {
    say("FluidSynth plays at most 96 kHz");
    return nullptr;
  }
  const std::string path = ChooseSoundfont(settings.soundfont);
  if (path.empty()) {
    say("no General MIDI soundfont (install musescore-general-soundfont-small, or pass --soundfont "
        "FILE)");
    return nullptr;
  }
  std::string error;
  Soundfont* sf = Soundfont::Shared(path, &error);
  if (!sf) {
    say(error);
    return nullptr;
  }
  const GmPreset* preset = sf->Preset(traits.gm_bank, traits.gm_program);
  if (!preset) {
    say(path + ": no preset for " + std::string(traits.display_name));
    return nullptr;
  }
  soundfont_used = path;
  return preset;
}

// Sum of squares with eight independent partial sums: one serial chain of double adds over
// a 4000x2000 image costs ~30 ms.
double SumSquares(const std::vector<float>& v) {
  double acc[8] = {};
  const size_t n = v.size(), whole = n / 8 * 8;
  for (size_t i = 0; i < whole; i += 8)
    for (int k = 0; k < 8; ++k) acc[k] += static_cast<double>(v[i + k]) * v[i + k];
  for (size_t i = whole; i < n; ++i) acc[0] += static_cast<double>(v[i]) * v[i];
  return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
}

// Automatic loudness of a bank: scale so a typical column sums to a comfortable level
// whatever the image (a few bright rows or a thousand).
float AutoPartialGain(const PartialBank& bank) {
  double energy = 0;
  for (const PartialRow& row : bank.rows) energy += SumSquares(row.amplitude);
  energy /= std::max(1, bank.columns);
  return static_cast<float>(0.35 / std::sqrt(std::max(1.0, energy)));
}

PreparedBank LayoutBank(const PartialBank& src, const EngineSettings& settings, double tempo,
                        int slot, int capacity) {
  PreparedBank b;
  b.start_beat = src.start_beat;
  b.length_beats = src.length_beats;
  b.columns = src.columns;
  b.instrument = src.instrument;
  b.fade_beats = std::min(kBankFadeSeconds * tempo / 60.0, src.length_beats * 0.5);
  b.slot = slot;
  const double sr = settings.sample_rate;
  const float gain = settings.partial_gain > 0   ? settings.partial_gain
                     : settings.partial_gain < 0 ? 1.0f / static_cast<float>(src.rows.size())
                                                 : AutoPartialGain(src);

  // Rows that can sound: below Nyquist (with margin), with the right number of columns.
  std::vector<int> keep;
  std::vector<double> energy;
  for (size_t r = 0; r < src.rows.size(); ++r) {
    const PartialRow& row = src.rows[r];
    if (!(row.frequency_hz > 0 && row.frequency_hz < 0.45 * sr) || !std::isfinite(row.pan))
      continue;
    if (static_cast<int>(row.amplitude.size()) != src.columns) continue;
    keep.push_back(static_cast<int>(r));
    energy.push_back(SumSquares(row.amplitude));
  }
  // Over the oscillator budget: keep the loudest rows (in their original order).
  const int allowed = std::max(0, capacity - slot);
  if (static_cast<int>(keep.size()) > allowed) {
    std::vector<int> order(keep.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int c) { return energy[a] > energy[c]; });
    order.resize(static_cast<size_t>(allowed));
    std::sort(order.begin(), order.end());
    std::vector<int> kept;
    for (int i : order) kept.push_back(keep[static_cast<size_t>(i)]);
    keep.swap(kept);
  }
  b.rows = static_cast<int>(keep.size());
  b.padded =
      (b.rows + BankOscillator::kGroup - 1) / BankOscillator::kGroup * BankOscillator::kGroup;
  if (static_cast<double>(b.padded) * b.columns > kMaxBankFloats)
    throw std::runtime_error("scan-mode image too large to render (" + std::to_string(b.rows) +
                             " rows x " + std::to_string(b.columns) + " columns)");
  const size_t n = static_cast<size_t>(b.padded);
  b.coef.assign(n, 0.0f);
  b.pan_l.assign(n, 0.0f);
  b.pan_r.assign(n, 0.0f);
  for (auto* v : {&b.w1r, &b.w1i, &b.w2r, &b.w2i, &b.blk_r, &b.blk_i}) v->assign(n, 0.0);
  b.fft = settings.bank_fft;
  if (b.fft) {
    b.fft_bin.assign(n, 0);
    b.fft_kern.assign(n * 4 * fft_bank::kTaps, 0.0f);
    b.fft_table.assign(n * 2 * dsp::kBlock, 0.0f);
    b.hop_r.assign(n, 1.0);
    b.hop_i.assign(n, 0.0);
  }
  b.amp.assign(n * static_cast<size_t>(b.columns), 0.0f);
  for (size_t i = 0; i < n; ++i) {
    b.w1r[i] = b.w2r[i] = b.blk_r[i] = 1.0;
  }
  for (int i = 0; i < b.rows; ++i) {
    const PartialRow& row = src.rows[static_cast<size_t>(keep[static_cast<size_t>(i)])];
    const double w = dsp::kTwoPi * row.frequency_hz / sr;
    b.coef[i] = static_cast<float>(2 * std::cos(w));
    b.w1r[i] = std::cos(w);
    b.w1i[i] = -std::sin(w);
    b.w2r[i] = std::cos(2 * w);
    b.w2i[i] = -std::sin(2 * w);
    b.blk_r[i] = std::cos(w * dsp::kBlock);
    b.blk_i[i] = std::sin(w * dsp::kBlock);
    dsp::PanGains(row.pan, b.pan_l[i], b.pan_r[i]);
    if (b.fft) fft_bank::LayoutPartial(b, i, w);
  }
  // Rows to column-major in tiles of 16 rows (one cache line of floats per column): writing
  // a row at a time strides by the whole bank and misses the cache on every write.
  constexpr int kTile = 16;
  for (int i0 = 0; i0 < b.rows; i0 += kTile) {
    const int i1 = std::min(b.rows, i0 + kTile);
    const float* src_amp[kTile];
    for (int i = i0; i < i1; ++i)
      src_amp[i - i0] =
          src.rows[static_cast<size_t>(keep[static_cast<size_t>(i)])].amplitude.data();
    for (int c = 0; c < b.columns; ++c) {
      float* dst = b.amp.data() + static_cast<size_t>(c) * n;
      for (int i = i0; i < i1; ++i) {
        // Branch-free: NaN and +-infinity become 0 (comparisons with NaN are false).
        const float a = src_amp[i - i0][c];
        const float c = a > 0.0f ? (a < 1.0f ? a : 1.0f) : 0.0f;
        dst[i] = a <= 1e30f ? c * gain : 0.0f;
      }
    }
  }
  return b;
}

}  // namespace

double RenderProgram::EndBeat() const {
  double end = length_beats;
  for (const NoteEvent& n : notes) end = std::max(end, n.start_beat + n.duration_beats);
  for (const GestureEvent& g : gestures) end = std::max(end, g.EndBeat());
  for (const PreparedBank& b : banks) end = std::max(end, b.start_beat + b.length_beats);
  return end;
}

std::shared_ptr<const RenderProgram> PrepareProgram(const Events& events,
                                                    const EngineSettings& settings) {
  if (!(settings.sample_rate >= 22050 && settings.sample_rate <= 192000))
    throw std::runtime_error("sample rate must be between 22050 and 192000 Hz");
  auto p = std::make_shared<RenderProgram>();
  p->sample_rate = settings.sample_rate;
  p->tempo_bpm = std::isfinite(events.tempo_bpm) && events.tempo_bpm > 0 ? events.tempo_bpm : 72;
  p->length_beats = std::max(0.0, events.length_beats);

  for (const InstrumentRef& ref : events.instruments) {
    RenderProgram::Instrument inst;
    const InstrumentTraits* traits = FindInstrument(ref.name);
    if (!traits)
      throw std::runtime_error("unknown instrument '" + ref.name +
                               "' (known: " + InstrumentNameList() + ")");
    inst.kind = traits->kind;
    inst.fallback = KindWithoutSoundfont(*traits);
    inst.sustains = traits->sustains;
    inst.decay_seconds = static_cast<float>(traits->decay_seconds);
    if (inst.kind == InstrumentKind::kSampler)
      inst.sample = FindSample(ref.sample, settings, ref.name);
    if (inst.kind == InstrumentKind::kGeneralMidi) {
      inst.preset = FindPreset(*traits, settings, p->soundfont);
      if (!inst.preset) inst.kind = inst.fallback;
    }
    p->instruments.push_back(inst);
  }
  if (p->instruments.empty()) p->instruments.push_back({});  // index 0 = sine

  const int n_inst = static_cast<int>(p->instruments.size());
  auto valid_instrument = [n_inst](int i) { return i >= 0 && i < n_inst; };
  // Events come from Interpret, but the engine still never lets a NaN or an absurd value
  // reach a voice: one NaN would silence the reverb (and so the mix) for good.
  for (const NoteEvent& n : events.notes) {
    if (!n.sounding || !valid_instrument(n.instrument)) continue;
    if (!(n.duration_beats > 0) || !std::isfinite(n.start_beat) || !std::isfinite(n.pitch) ||
        !std::isfinite(n.duration_beats) || n.start_beat < 0)
      continue;
    NoteEvent clean = n;
    clean.pitch = std::clamp(n.pitch, 0.0, 135.0);
    clean.velocity = std::isfinite(n.velocity) ? std::clamp(n.velocity, 0.0f, 1.0f) : 0.0f;
    clean.pan = std::isfinite(n.pan) ? std::clamp(n.pan, -1.0f, 1.0f) : 0.0f;
    p->notes.push_back(std::move(clean));
  }
  std::stable_sort(p->notes.begin(), p->notes.end(), [](const NoteEvent& a, const NoteEvent& b) {
    return a.start_beat < b.start_beat;
  });
  for (const GestureEvent& g : events.gestures) {
    if (!valid_instrument(g.instrument)) continue;
    GestureEvent clean = g;
    clean.points.clear();
    for (const GesturePoint& q : g.points) {
      if (!std::isfinite(q.beat) || !std::isfinite(q.pitch) || !std::isfinite(q.loudness) ||
          q.beat < 0)
        continue;
      if (!clean.points.empty() && q.beat <= clean.points.back().beat)
        continue;  // keep time strictly rising
      clean.points.push_back(
          {q.beat, std::clamp(q.pitch, 0.0, 135.0), std::clamp(q.loudness, 0.0f, 1.0f)});
    }
    if (clean.points.empty()) continue;
    clean.pan = std::isfinite(g.pan) ? std::clamp(g.pan, -1.0f, 1.0f) : 0.0f;
    p->gestures.push_back(std::move(clean));
  }
  std::stable_sort(
      p->gestures.begin(), p->gestures.end(),
      [](const GestureEvent& a, const GestureEvent& b) { return a.StartBeat() < b.StartBeat(); });

  // Banks: sorted by start; each gets a slot range above every earlier bank it overlaps in
  // time, so banks sounding together never share oscillators.
  std::vector<const PartialBank*> banks;
  for (const PartialBank& b : events.banks)
    if (b.columns > 0 && b.length_beats > 0 && std::isfinite(b.length_beats) &&
        std::isfinite(b.start_beat) && b.start_beat >= 0 && !b.rows.empty())
      banks.push_back(&b);
  std::stable_sort(banks.begin(), banks.end(), [](const PartialBank* a, const PartialBank* b) {
    return a->start_beat < b->start_beat;
  });
  const int capacity =
      (std::max(0, settings.max_partials) / BankOscillator::kGroup) * BankOscillator::kGroup;
  for (const PartialBank* src : banks) {
    int slot = 0;
    for (const PreparedBank& prev : p->banks)
      if (prev.start_beat + prev.length_beats > src->start_beat)
        slot = std::max(slot, prev.slot + prev.padded);
    PreparedBank b = LayoutBank(*src, settings, p->tempo_bpm, slot, capacity);
    if (b.rows == 0) continue;
    p->partial_slots = std::max(p->partial_slots, b.slot + b.padded);
    p->banks.push_back(std::move(b));
  }
  if (settings.normalise_loudness) {
    std::vector<float> mix;
    int latency = 0;
    p->loudness_gain =
        LoudnessGain(*p, settings, settings.keep_loudness_probe ? &mix : nullptr, &latency);
    if (!mix.empty()) {
      p->probe_mix = std::make_shared<const std::vector<float>>(std::move(mix));
      p->probe_latency = latency;
    }
  }
  return p;
}

}  // namespace graphony
