// MakeSampledInstrument and AnalyseSample (see sampler_make.h): cut, trim, level, find the root
// pitch with aubio, pick a loop, store the sample in the bundle.
#include "synth/sampler_make.h"

#include <stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/people.h"
#include "core/pitch.h"
#include "core/score_io.h"
#include "core/score_text.h"
#include "synth/aubio_api.h"
#include "synth/sound_file.h"

namespace graphony {

namespace {

namespace fs = std::filesystem;

constexpr double kMaxTakeSeconds = 15 * 60;  // decoding bound for untrusted takes
constexpr double kMaxSampleSeconds = 60;     // an instrument is a note, not a song
constexpr double kMinSampleSeconds = 0.05;
constexpr double kMinLoopSeconds = 0.3;  // shorter sounds play once, without a loop
constexpr float kPeakLevel = 0.8f;       // every made sample peaks here (-1.9 dBFS)

// RMS of 10 ms frames: trimming and steadiness.
std::vector<double> RmsFrames(const std::vector<float>& x, int hop) {
  std::vector<double> out;
  for (size_t at = 0; at + static_cast<size_t>(hop) <= x.size(); at += static_cast<size_t>(hop)) {
    double acc = 0;
    for (int i = 0; i < hop; ++i) acc += static_cast<double>(x[at + i]) * x[at + i];
    out.push_back(std::sqrt(acc / hop));
  }
  return out;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// aubio's YIN over the whole sound: the median MIDI pitch of frames that are loud enough and
// that YIN is confident about (a voice's breath and consonants are neither).
std::optional<double> RootPitch(const std::vector<float>& x, double sr) {
  const uint_t win = 2048, hop = 256;
  if (x.size() < win) return std::nullopt;
  const AubioApi& A = Aubio();
  aubio_pitch_t* o = A.new_pitch("yin", win, hop, static_cast<uint_t>(std::lround(sr)));
  if (!o) return std::nullopt;
  A.pitch_set_unit(o, "Hz");
  A.pitch_set_tolerance(o, 0.15f);
  A.pitch_set_silence(o, -50);
  fvec_t* in = A.new_fvec(hop);
  fvec_t* out = A.new_fvec(1);
  std::vector<double> found;
  size_t frames = 0;
  for (size_t at = 0; at + hop <= x.size(); at += hop) {
    for (uint_t i = 0; i < hop; ++i) in->data[i] = x[at + i];
    A.pitch_do(o, in, out);
    ++frames;
    if (at < win) continue;  // the analysis window is not full yet
    const double hz = out->data[0];
    if (hz > 30 && hz < 4000 && A.pitch_get_confidence(o) >= 0.85f) found.push_back(HzToMidi(hz));
  }
  A.del_fvec(in);
  A.del_fvec(out);
  A.del_pitch(o);
  // A pitched sound: confident for at least a fifth of the time.
  if (found.size() < 5 || found.size() * 5 < frames) return std::nullopt;
  return Median(found);
}

std::vector<int64_t> RisingZeroCrossings(const std::vector<float>& x, int64_t from, int64_t to,
                                         size_t at_most) {
  std::vector<int64_t> all;
  for (int64_t i = std::max<int64_t>(from, 1); i < to; ++i)
    if (x[static_cast<size_t>(i - 1)] < 0 && x[static_cast<size_t>(i)] >= 0) all.push_back(i);
  if (all.size() <= at_most) return all;
  std::vector<int64_t> some;  // evenly thinned: noisy sounds cross zero very often
  for (size_t k = 0; k < at_most; ++k) some.push_back(all[k * all.size() / at_most]);
  return some;
}

// Normalised cross-correlation of the `w` frames centred on a and on b.
double Match(const std::vector<float>& x, int64_t a, int64_t b, int64_t w) {
  double ab = 0, aa = 0, bb = 0;
  for (int64_t j = -w / 2; j < w / 2; ++j) {
    const double p = x[static_cast<size_t>(a + j)], q = x[static_cast<size_t>(b + j)];
    ab += p * q;
    aa += p * p;
    bb += q * q;
  }
  return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0;
}

std::string SafeStem(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c))
      out += static_cast<char>(std::tolower(c));
    else if ((c == ' ' || c == '-' || c == '_') && !out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? std::string("sample") : out;
}

// The one sound-file writer (synth/sound_file.h) into a private temp folder, read back as the
// bundle entry's bytes.
std::vector<uint8_t> EncodeWav(const std::vector<float>& mono, double sr,
                               const std::string& where) {
  std::string pattern = (fs::temp_directory_path() / "graphony-sample-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw ScoreError(where + ": cannot make a temporary folder");
  const fs::path dir = pattern, file = dir / "sample.wav";
  std::vector<uint8_t> bytes;
  std::string error;
  try {
    SoundFileWriter w;
    FileOptions options;
    options.sample_format = SampleFormat::kPcm24;
    w.Open(file, 1, sr, options, static_cast<int64_t>(mono.size()));
    w.Write(mono.data(), static_cast<int64_t>(mono.size()));
    w.Finish();
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::exception& e) {
    error = e.what();
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (!error.empty() || bytes.empty())
    throw ScoreError(where + ": cannot write the sample (" + error + ")");
  return bytes;
}

}  // namespace

SampleAnalysis AnalyseSample(const std::vector<float>& x, double sr) {
  SampleAnalysis a;
  if (auto root = RootPitch(x, sr)) {
    a.root_midi = std::clamp(*root, 0.0, 127.0);
    a.pitched = true;
  }
  const int64_t n = static_cast<int64_t>(x.size());
  if (n < static_cast<int64_t>(kMinLoopSeconds * sr)) return a;
  // Correlation window: three periods of the root, 10..40 ms.
  const double period = sr / MidiToHz(a.root_midi);
  const int64_t w = std::clamp<int64_t>(std::llround(3 * period), std::llround(0.01 * sr),
                                        std::llround(0.04 * sr));
  // The loop lives in the steady middle: after the attack, before the fade.
  const std::vector<double> rms = RmsFrames(x, static_cast<int>(0.01 * sr));
  auto level_at = [&](int64_t i) {
    const size_t k = std::min(rms.size() - 1, static_cast<size_t>(i / std::llround(0.01 * sr)));
    return rms[k];
  };
  const auto starts = RisingZeroCrossings(x, std::max<int64_t>(n / 5, w), n * 45 / 100, 400);
  const auto ends = RisingZeroCrossings(x, n * 65 / 100, std::min(n * 92 / 100, n - w - 4), 24);
  double best = -1e9;
  for (int64_t e : ends)
    for (int64_t s : starts) {
      if (e - s < static_cast<int64_t>(0.1 * sr)) continue;
      const double ls = level_at(s), le = level_at(e);
      if (ls <= 0 || le <= 0) continue;
      // Waveforms that match, at levels that match (a fading loop would pump).
      const double score = Match(x, s, e, w) - 0.5 * std::fabs(std::log(ls / le));
      if (score > best) {
        best = score;
        a.loop_start = s;
        a.loop_end = e;
      }
    }
  if (a.loop_end <= a.loop_start) {
    a.loop_start = a.loop_end = 0;
    return a;
  }
  // A short crossfade hides what the match could not (vibrato, breath): 30 ms at most.
  a.crossfade =
      std::min<int64_t>({std::llround(0.03 * sr), a.loop_start, (a.loop_end - a.loop_start) / 3});
  return a;
}

const SampledInstrument& MakeSampledInstrument(Score& score, const SampleRequest& request,
                                               const std::string& where) {
  const Take* take = nullptr;
  for (const Take& t : score.takes)
    if (t.name == request.take || t.file == request.take) take = &t;
  if (!take) {
    std::string names;
    for (const Take& t : score.takes) names += (names.empty() ? "" : ", ") + QuoteText(t.name);
    throw ScoreError(where + ": no take called " + QuoteText(request.take) +
                     (names.empty() ? " (the score has no takes)" : " (takes: " + names + ")"));
  }
  const std::string at = where + ": take " + QuoteText(take->name);
  // Consent travels with the voice: it is read from the take's players, who must all have
  // agreed to their recordings being used within the group.
  if (take->players.empty())
    throw ScoreError(at + ": names no players; tick who played it first (their consent decides)");
  if (!TakeAllowed(score, *take, Purpose::kGroup))
    throw ScoreError(at +
                     ": not every player agreed to their recordings being used within the "
                     "group, so it cannot become an instrument");
  if (request.palette_index >= static_cast<int>(score.palette.size()))
    throw ScoreError(where + ": there is no colour " + std::to_string(request.palette_index + 1) +
                     " (the palette has " + std::to_string(score.palette.size()) + ")");
  auto bytes = score.assets.files.find(take->file);
  if (bytes == score.assets.files.end() || !bytes->second)
    throw ScoreError(at + ": its recording " + take->file + " is missing from the score");

  DecodedSound sound;
  try {
    sound = ReadSoundFile(*bytes->second, where + ": " + take->file, kMaxTakeSeconds);
  } catch (const std::exception& e) {
    throw ScoreError(e.what());
  }
  const double sr = sound.sample_rate;
  const int64_t frames = sound.Frames();
  const double duration = static_cast<double>(frames) / sr;
  const double from = request.from.value_or(0), to = request.to.value_or(duration);
  if (!(from >= 0 && from < to && to <= duration + 1e-6))
    throw ScoreError(at + ": --from/--to must lie inside its " + FormatNumber(duration) +
                     " seconds, from before to (got " + FormatNumber(from) + " to " +
                     FormatNumber(to) + ")");
  int64_t begin = std::llround(from * sr), end = std::min<int64_t>(frames, std::llround(to * sr));
  if (static_cast<double>(end - begin) > kMaxSampleSeconds * sr)
    throw ScoreError(at + ": a sample can be at most " + FormatNumber(kMaxSampleSeconds) +
                     " seconds long; choose a part with --from and --to");

  std::vector<float> mono(static_cast<size_t>(end - begin));
  for (int64_t i = begin; i < end; ++i) {
    float s = 0;
    for (int c = 0; c < sound.channels; ++c)
      s += sound.samples[static_cast<size_t>(i * sound.channels + c)];
    mono[static_cast<size_t>(i - begin)] = s / static_cast<float>(sound.channels);
  }
  // Trim the silence around the sound (30 dB below its loudest 10 ms), keeping 10 ms before
  // the onset so the attack is whole.
  const int hop = static_cast<int>(0.01 * sr);
  const std::vector<double> rms = RmsFrames(mono, hop);
  const double loudest = rms.empty() ? 0 : *std::max_element(rms.begin(), rms.end());
  if (!(loudest > 1e-4)) throw ScoreError(at + ": that part of the take is silent");
  size_t first = 0, last = rms.size() - 1;
  while (rms[first] < loudest * 0.03) ++first;
  while (rms[last] < loudest * 0.03) --last;
  const int64_t cut_begin = std::max<int64_t>(0, static_cast<int64_t>(first) * hop - hop);
  const int64_t cut_end =
      std::min<int64_t>(static_cast<int64_t>(mono.size()), static_cast<int64_t>(last + 2) * hop);
  std::vector<float> cut(mono.begin() + cut_begin, mono.begin() + cut_end);
  if (static_cast<double>(cut.size()) < kMinSampleSeconds * sr)
    throw ScoreError(at + ": the sound is too short to play (under " +
                     FormatNumber(kMinSampleSeconds) + " seconds)");
  float peak = 0;
  for (float v : cut) peak = std::max(peak, std::fabs(v));
  for (float& v : cut) v *= kPeakLevel / peak;

  const SampleAnalysis found = AnalyseSample(cut, sr);

  SampledInstrument made;
  made.name = request.name;
  if (made.name.empty()) {
    const Contributor* only =
        take->players.size() == 1 ? PersonById(score, take->players[0]) : nullptr;
    made.name = only ? DisplayName(*only) + "'s voice" : take->name + " sound";
  }
  const std::string stem = "samples/" + SafeStem(made.name);
  made.file = stem + ".wav";
  auto used = [&](const std::string& f) {
    if (score.assets.files.count(f)) return true;
    for (const SampledInstrument& si : score.sampled_instruments)
      if (si.file == f) return true;
    return false;
  };
  for (int k = 2; used(made.file); ++k) made.file = stem + "-" + std::to_string(k) + ".wav";
  made.take = take->file;
  made.from_seconds = static_cast<double>(begin + cut_begin) / sr;
  made.to_seconds = static_cast<double>(begin + cut_end) / sr;
  made.root_midi = std::round(found.root_midi * 100) / 100;  // cents are plenty
  made.loop_start = found.loop_start;
  made.loop_end = found.loop_end;
  made.crossfade = found.crossfade;
  made.players = take->players;
  auto wav = std::make_shared<const std::vector<uint8_t>>(EncodeWav(cut, sr, where));

  // Everything worked: now change the score (one edit for the editor's undo).
  Score changed = score;
  changed.assets.files[made.file] = wav;
  changed.sampled_instruments.push_back(made);
  if (request.palette_index >= 0) {
    PaletteEntry& e = changed.palette[static_cast<size_t>(request.palette_index)];
    e.instrument = "sampler";
    e.sample = made.file;
    e.display_name = made.name;
  }
  ValidateScore(changed, where);
  score = std::move(changed);
  return score.sampled_instruments.back();
}

}  // namespace graphony
