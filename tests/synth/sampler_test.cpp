// Sampled instruments made from a take ("paint with your own voice"): a sox-made voice-like
// take at 220 Hz with vibrato becomes an instrument; aubio hears the staircase in tune, a long
// note sustains through the loop without a click, the render does not depend on the block
// size, and the instrument, its bytes and its players' consent survive saving.
#include <aubio/aubio.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "aubio_pitch.h"
#include "audio_analysis.h"
#include "core/people.h"
#include "core/score_defaults.h"
#include "core/score_io.h"
#include "support/staircase.h"
#include "support/temp_dir.h"
#include "synth/engine.h"
#include "synth/offline_render.h"
#include "synth/sampler_make.h"
#include "synth/score_settings.h"
#include "synth_events.h"

using namespace graphony;
using namespace graphony::test;

namespace {

constexpr double kSr = 48000;

// A voice-like take made by sox: a band-limited sawtooth at 220 Hz (A3) with a 5 Hz vibrato of
// +-15 cents (a chain of pitch bends), faded in and out, with a quarter second of silence on
// each side, stereo as the recorder writes takes.
std::vector<uint8_t> SoxVoiceTake(const TempDir& dir) {
  std::string bends = "0,15,0.05";
  for (int i = 1; i < 20; ++i) bends += i % 2 ? " 0,-30,0.1" : " 0,30,0.1";
  const std::string out = (dir / "take.wav").string();
  const std::string cmd = "sox -n -r 48000 -c 1 '" + out +
                          "' synth 2.0 sawtooth 220 gain -10 bend " + bends +
                          " lowpass 1800 highpass 120 fade q 0.08 2 0.3 pad 0.25 0.25 channels 2 "
                          "gain -n -6 2>/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(out, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Score ScoreWithTake(const TempDir& dir, bool group_consent = true) {
  Score s;
  s.title = "Voices";
  s.palette = DefaultPalette();
  Contributor amira;
  amira.id = "c1";
  amira.name = "Amira";
  amira.consent.group = group_consent;
  amira.consent.exhibition = true;
  s.contributors.push_back(amira);
  Take t;
  t.file = "recordings/take-1.wav";
  t.name = "Take 1";
  t.players = {"c1"};
  s.takes.push_back(t);
  s.assets.files[t.file] = std::make_shared<const std::vector<uint8_t>>(SoxVoiceTake(dir));
  return s;
}

// aubio's spectral flux (phase vocoder 2048/512) per hop over [begin, end) seconds.
std::vector<double> AubioFlux(const std::vector<float>& x, double begin, double end) {
  const uint_t win = 2048, hop = 512;
  aubio_pvoc_t* pv = new_aubio_pvoc(win, hop);
  aubio_specdesc_t* sd = new_aubio_specdesc("specflux", win);
  fvec_t* in = new_fvec(hop);
  cvec_t* spec = new_cvec(win);
  fvec_t* out = new_fvec(1);
  std::vector<double> flux;
  const size_t b = static_cast<size_t>(begin * kSr), e = static_cast<size_t>(end * kSr);
  for (size_t at = b > win ? b - win : 0; at + hop <= e && at + hop <= x.size(); at += hop) {
    for (uint_t i = 0; i < hop; ++i) in->data[i] = x[at + i];
    aubio_pvoc_do(pv, in, spec);
    aubio_specdesc_do(sd, spec, out);
    if (at >= b) flux.push_back(out->data[0]);
  }
  del_fvec(in);
  del_fvec(out);
  del_cvec(spec);
  del_aubio_specdesc(sd);
  del_aubio_pvoc(pv);
  return flux;
}

double Median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

double MaxJump(const std::vector<float>& x, double begin, double end) {
  double m = 0;
  for (size_t i = static_cast<size_t>(begin * kSr) + 1; i < static_cast<size_t>(end * kSr); ++i)
    m = std::max(m, static_cast<double>(std::fabs(x[i] - x[i - 1])));
  return m;
}

OfflineOptions Options(const Score& score, const Events& e) {
  OfflineOptions o = Dry();
  o.engine = EngineSettingsForScore(score, e, o.engine, EngineUse::kOffline);
  return o;
}

// One note of the sampled instrument at C4 lasting `seconds` (60 bpm: beats are seconds).
Events LongNote(const SampledInstrument& made, double seconds) {
  Events e = SingleNote("sampler", 60, seconds, 60, made.file);
  e.instruments[0].display_name = made.name;
  return e;
}

}  // namespace

TEST_CASE("a take becomes an instrument: root pitch, loop, players") {
  TempDir dir("sampler");
  Score score = ScoreWithTake(dir);
  const SampledInstrument made =
      MakeSampledInstrument(score, {"Take 1", {}, {}, "", 0}, "voices.graphony");
  INFO("root " << made.root_midi << " loop " << made.loop_start << ".." << made.loop_end
               << " crossfade " << made.crossfade << " range " << made.from_seconds << ".."
               << made.to_seconds);
  CHECK(made.name == "Amira's voice");  // the one player's name
  CHECK(made.file == "samples/amiras-voice.wav");
  CHECK(std::fabs(made.root_midi - 57.0) < 0.3);  // A3 = 220 Hz, within 30 cents
  // The quarter second of silence each side is trimmed (up to 30 dB down the 80 ms fade-in).
  CHECK(made.from_seconds > 0.22);
  CHECK(made.from_seconds < 0.31);
  CHECK(made.to_seconds > 2.1);
  CHECK(made.to_seconds < 2.3);
  CHECK(made.loop_end - made.loop_start > 0.3 * kSr);  // a real sustain loop
  CHECK(made.crossfade > 0);
  CHECK(made.players == std::vector<std::string>{"c1"});
  CHECK(score.palette[0].instrument == "sampler");
  CHECK(score.palette[0].sample == made.file);
  CHECK(score.palette[0].display_name == "Amira's voice");
  CHECK(score.assets.files.count(made.file) == 1);
  CHECK(SampleAllowed(score, score.sampled_instruments[0], Purpose::kGroup));
  CHECK(!SampleAllowed(score, score.sampled_instruments[0], Purpose::kPublicity));
}

TEST_CASE("the staircase C4..C5 on a voice sampled at A3 is in tune (aubio, 30 cents)") {
  TempDir dir("sampler");
  Score score = ScoreWithTake(dir);
  const SampledInstrument made = MakeSampledInstrument(score, {"Take 1", {}, {}, "", 0}, "v");
  const Events e = StaircaseEvents({"sampler", made.name, made.file, 200, 40, 40}, 60, 1);
  const RenderedAudio a = RenderToBuffers(e, Options(score, e));
  for (int i = 0; i < 8; ++i) {
    const double want = 440.0 * std::exp2((kStaircase[i] - 69) / 12.0);
    const double hz = AubioPitchHz(a.left, kSr, i + 0.15, i + 0.85);
    const double cents = 1200 * std::log2(hz / want);
    INFO("note " << i << " MIDI " << kStaircase[i] << ": aubio " << hz << " Hz, " << cents
                 << " cents");
    CHECK(std::fabs(cents) < 30);
    CHECK(Rms(a.left, static_cast<size_t>((i + 0.2) * kSr), static_cast<size_t>((i + 0.8) * kSr)) >
          0.02);
  }
}

TEST_CASE("a note three times longer than the sample sustains through the loop, no click") {
  TempDir dir("sampler");
  Score score = ScoreWithTake(dir);
  const SampledInstrument made = MakeSampledInstrument(score, {"Take 1", {}, {}, "", 0}, "v");
  const double sample_seconds = made.to_seconds - made.from_seconds;
  const double length = 3 * sample_seconds;
  const Events e = LongNote(made, length);
  const RenderedAudio a = RenderToBuffers(e, Options(score, e));
  // RMS in 50 ms windows stays up from the attack to the release: no dropout, no pumping.
  std::vector<double> rms;
  for (double t = 0.2; t + 0.05 < length - 0.05; t += 0.05)
    rms.push_back(Rms(a.left, static_cast<size_t>(t * kSr), static_cast<size_t>((t + 0.05) * kSr)));
  const double median = Median(rms);
  const double lowest = *std::min_element(rms.begin(), rms.end());
  const double highest = *std::max_element(rms.begin(), rms.end());
  INFO("RMS median " << median << " lowest " << lowest << " highest " << highest);
  CHECK(median > 0.05);
  CHECK(lowest > 0.6 * median);
  CHECK(highest < 1.5 * median);
  // No click at the loop: the largest sample-to-sample step while looping is no larger than
  // in the first pass through the recorded sound itself, and aubio's spectral flux has no
  // spike above what the vibrato makes anyway.
  const double first_pass = MaxJump(a.left, 0.1, 1.5);
  const double looping = MaxJump(a.left, sample_seconds, length - 0.1);
  const std::vector<double> flux_first = AubioFlux(a.left, 0.3, 1.5);
  const std::vector<double> flux_loop = AubioFlux(a.left, sample_seconds, length - 0.1);
  const double flux_ref = *std::max_element(flux_first.begin(), flux_first.end());
  const double flux_max = *std::max_element(flux_loop.begin(), flux_loop.end());
  INFO("max jump first pass " << first_pass << ", looping " << looping << "; flux max first "
                              << flux_ref << ", looping " << flux_max);
  CHECK(looping < 1.2 * first_pass);
  CHECK(flux_max < 2.0 * flux_ref);
}

TEST_CASE("a sampled instrument renders the same whatever the block size") {
  TempDir dir("sampler");
  Score score = ScoreWithTake(dir);
  const SampledInstrument made = MakeSampledInstrument(score, {"Take 1", {}, {}, "", 0}, "v");
  const Events e = LongNote(made, 5);
  const EngineSettings s = Options(score, e).engine;
  const auto program = PrepareProgram(e, s);
  auto render = [&](std::vector<int> sizes) {
    SynthEngine engine(s);
    engine.SetProgram(program.get());
    engine.SetPlaying(true);
    std::vector<float> out, l(4096), r(4096);
    for (size_t k = 0; out.size() < 5 * 48000;) {
      const int n = sizes[k++ % sizes.size()];
      engine.Render(l.data(), r.data(), n);
      out.insert(out.end(), l.begin(), l.begin() + n);
    }
    out.resize(5 * 48000);
    return out;
  };
  const auto a = render({64});
  CHECK(Rms(a) > 0.02);
  CHECK(render({1}) == a);
  CHECK(render({37, 500, 3, 4096}) == a);
}

TEST_CASE("saving and reopening keeps the instrument, its bytes and its players' consent") {
  TempDir dir("sampler");
  Score score = ScoreWithTake(dir);
  const SampledInstrument made =
      MakeSampledInstrument(score, {"Take 1", 0.5, 1.9, "Amira's voice", 2}, "v");
  const std::filesystem::path file = dir / "voices.graphony";
  SaveScore(score, file);
  const Score back = LoadScore(file);
  REQUIRE(back.sampled_instruments.size() == 1);
  CHECK(back.sampled_instruments[0] == made);
  CHECK(*back.assets.files.at(made.file) == *score.assets.files.at(made.file));
  CHECK(back.palette[2].sample == made.file);
  CHECK(back.palette[2].instrument == "sampler");
  CHECK(SampleAllowed(back, back.sampled_instruments[0], Purpose::kGroup));
  CHECK(SampleAllowed(back, back.sampled_instruments[0], Purpose::kExhibition));
  CHECK(!SampleAllowed(back, back.sampled_instruments[0], Purpose::kResearch));
  // Consent is read from the person: withdrawing it withdraws the voice too.
  Score withdrawn = back;
  withdrawn.contributors[0].consent.exhibition = false;
  CHECK(!SampleAllowed(withdrawn, withdrawn.sampled_instruments[0], Purpose::kExhibition));
  // Removing the person removes them from the instrument as from the take.
  RemovePerson(withdrawn, "c1");
  CHECK(withdrawn.sampled_instruments[0].players.empty());
  CHECK(!SampleAllowed(withdrawn, withdrawn.sampled_instruments[0], Purpose::kGroup));
  // A part of the take: the range is inside what was asked.
  CHECK(made.from_seconds >= 0.5);
  CHECK(made.to_seconds <= 1.9 + 1e-9);
}

TEST_CASE("bad requests and bad sample data are one-line errors") {
  TempDir dir("sampler");
  Score score = ScoreWithTake(dir);
  const Score before = score;
  auto one_line = [](const std::string& m) { return m.find('\n') == std::string::npos; };
  try {
    MakeSampledInstrument(score, {"Take 9", {}, {}, "", 0}, "voices.graphony");
    FAIL("no error");
  } catch (const ScoreError& e) {
    CHECK(std::string(e.what()).find("voices.graphony: no take called \"Take 9\"") == 0);
    CHECK(one_line(e.what()));
  }
  CHECK_THROWS_WITH_AS(MakeSampledInstrument(score, {"Take 1", 1.5, 1.0, "", 0}, "v"),
                       doctest::Contains("--from/--to"), ScoreError);
  CHECK_THROWS_WITH_AS(MakeSampledInstrument(score, {"Take 1", 0.0, 0.2, "", 0}, "v"),
                       doctest::Contains("silent"), ScoreError);
  CHECK_THROWS_WITH_AS(MakeSampledInstrument(score, {"Take 1", {}, {}, "", 99}, "v"),
                       doctest::Contains("no colour 100"), ScoreError);
  CHECK(score == before);  // nothing changed on failure
  CHECK(score.assets.files.size() == before.assets.files.size());

  // Without the players' consent to use recordings within the group, no instrument.
  Score no_consent = ScoreWithTake(dir, false);
  CHECK_THROWS_WITH_AS(MakeSampledInstrument(no_consent, {"Take 1", {}, {}, "", 0}, "v"),
                       doctest::Contains("not every player agreed"), ScoreError);
  CHECK(no_consent.sampled_instruments.empty());

  // A corrupt sample entry: the render stops with one line naming the entry.
  const SampledInstrument made = MakeSampledInstrument(score, {"Take 1", {}, {}, "", 0}, "v");
  Score corrupt = score;
  corrupt.assets.files[made.file] =
      std::make_shared<const std::vector<uint8_t>>(std::vector<uint8_t>(5000, 0x5a));
  const Events e = LongNote(made, 1);
  try {
    RenderToBuffers(e, Options(corrupt, e));
    FAIL("no error");
  } catch (const std::exception& ex) {
    const std::string m = ex.what();
    INFO(m);
    CHECK(m.find(made.file) != std::string::npos);
    CHECK(one_line(m));
  }
  // Loop points that do not fit the sample are refused the same way.
  Score bad_loop = score;
  bad_loop.sampled_instruments[0].loop_end = 10'000'000;
  try {
    RenderToBuffers(e, Options(bad_loop, e));
    FAIL("no error");
  } catch (const std::exception& ex) {
    const std::string m = ex.what();
    CHECK(m.find("does not fit the sample") != std::string::npos);
    CHECK(one_line(m));
  }
  // A bundle whose score.json names a sample that is not inside it.
  Score missing = score;
  missing.assets.files.erase(made.file);
  const std::filesystem::path file = dir / "missing.graphony";
  CHECK_THROWS(SaveScore(missing, file));  // refused, and no file written
  CHECK(!std::filesystem::exists(file));
}
