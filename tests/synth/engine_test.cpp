// Engine behaviour: lengths, levels, silence, block-size independence, determinism, stealing.
#include "synth/engine.h"

#include <doctest/doctest.h>
#include <ebur128.h>

#include <random>

#include "audio_analysis.h"
#include "synth/limiter.h"
#include "synth/loudness.h"
#include "synth/render_program.h"
#include "synth_events.h"

using namespace graphony;
using namespace graphony::test;

namespace {
// A deliberately loud score: 24 full-velocity notes at once on several instruments, a
// bright bank, and reverb.
Events LoudScore() {
  Events e;
  e.tempo_bpm = 120;
  e.length_beats = 4;
  for (const char* name : {"sine", "soft-pad", "bass", "bell", "pluck", "drum"})
    e.instruments.push_back({name, name, "", 0, 0, 0});
  for (int i = 0; i < 24; ++i) {
    NoteEvent n;
    n.start_beat = 0.25 * (i % 4);
    n.duration_beats = 3;
    n.pitch = 40 + i * 2;
    n.velocity = 1.0f;
    n.instrument = i % 6;
    e.notes.push_back(n);
  }
  PartialBank b;
  b.length_beats = 4;
  b.columns = 3;
  for (int r = 0; r < 200; ++r) b.rows.push_back({100.0 + r * 20, 0, {1, 1, 1}});
  e.banks.push_back(b);
  return e;
}
}  // namespace

TEST_CASE("length is the beats at the tempo plus the reverb tail") {
  OfflineOptions o;  // reverb on by default
  const RenderedAudio a = RenderToBuffers(Staircase("sine"), o);
  CHECK(a.left.size() == static_cast<size_t>(std::llround((8.0 + 3.0) * 48000)));
  CHECK(a.right.size() == a.left.size());
  // The tail really holds the reverb's decay: audible just after the end, fading away.
  const double just_after = Rms(a.left, 8 * 48000 + 4800, 8 * 48000 + 24000);
  const double late = Rms(a.left, a.left.size() - 24000, a.left.size());
  CHECK(just_after > 1e-4);
  CHECK(late < just_after * 0.3);
}

TEST_CASE("from/to beats render that span only") {
  OfflineOptions o = Dry();
  o.from_beat = 2;
  o.to_beat = 4;
  o.tail_seconds = 0;
  const RenderedAudio a = RenderToBuffers(Staircase("sine"), o);
  REQUIRE(a.left.size() == 2u * 48000u);
  // Beat 2 is E4, beat 3 is F4.
  CHECK(std::fabs(Cents(EstimatePitchHz(a.left, 14400, 14400, 48000), 329.63)) < 3);
  CHECK(std::fabs(Cents(EstimatePitchHz(a.left, 62400, 14400, 48000), 349.23)) < 3);
  // Starting mid-note: a sustained note under way (E4 from beat 2 to 3) sounds at once.
  o.from_beat = 2.5;
  const RenderedAudio b = RenderToBuffers(Staircase("sine"), o);
  REQUIRE(b.left.size() == 72000u);
  CHECK(Rms(b.left, 2400, 19200) > 0.05);
  CHECK(std::fabs(Cents(EstimatePitchHz(b.left, 2400, 14400, 48000), 329.63)) < 3);
}

TEST_CASE("a loud score stays at or below -1 dBFS, finite") {
  const RenderedAudio a = RenderToBuffers(LoudScore(), OfflineOptions{});
  CHECK(AllFinite(a.left));
  CHECK(AllFinite(a.right));
  CHECK(Peak(a.left) <= Limiter::kCeiling);
  CHECK(Peak(a.right) <= Limiter::kCeiling);
  CHECK(Peak(a.left) > 0.5);  // it was loud enough to need the limiter
}

// EBU R128 integrated loudness of a render (libebur128, as the engine measures it).
double Lufs(const RenderedAudio& a) {
  ebur128_state* st = ebur128_init(2, static_cast<unsigned long>(a.sample_rate), EBUR128_MODE_I);
  std::vector<float> inter(2 * a.left.size());
  for (size_t i = 0; i < a.left.size(); ++i) {
    inter[2 * i] = a.left[i];
    inter[2 * i + 1] = a.right[i];
  }
  ebur128_add_frames_float(st, inter.data(), a.left.size());
  double lufs = -1000;
  ebur128_loudness_global(st, &lufs);
  ebur128_destroy(&st);
  return lufs;
}

TEST_CASE("loudness normalisation reaches its EBU R128 target and keeps the ceiling") {
  OfflineOptions o = Dry();
  o.normalise = true;
  for (double target : {-20.0, -16.0}) {
    CAPTURE(target);
    o.target_lufs = target;
    for (const Events& e : {Staircase("flute"), LoudScore()}) {  // a quiet score and a loud one
      const RenderedAudio a = RenderToBuffers(e, o);
      CHECK(std::abs(Lufs(a) - target) <= 1.0);
      CHECK(Peak(a.left) <= Limiter::kCeiling);
      CHECK(Peak(a.right) <= Limiter::kCeiling);
    }
  }
  // Live playback uses the same gain: it is part of the prepared program.
  EngineSettings s;
  s.normalise_loudness = true;
  s.target_lufs = -16;
  const auto program = PrepareProgram(Staircase("flute"), s);
  s.normalise_loudness = false;
  CHECK(PrepareProgram(Staircase("flute"), s)->loudness_gain == 1.0f);
  CHECK(program->loudness_gain != 1.0f);
}

TEST_CASE(
    "the loudness measurement (one probe render, limiter replays) agrees with a real render") {
  // With and without reverb, and at gains that leave the limiter idle and that drive it hard:
  // the probe's answer must be what a full render through the engine measures.
  for (float reverb : {0.0f, 0.18f}) {
    for (float db : {-12.0f, 0.0f, 12.0f}) {
      CAPTURE(reverb);
      CAPTURE(db);
      OfflineOptions o = Dry();
      o.engine.reverb_mix = reverb;
      o.engine.master_gain = std::pow(10.0f, db / 20.0f);
      for (const Events& e : {Staircase("flute"), LoudScore()}) {
        const auto program = PrepareProgram(e, o.engine);
        const double probe = IntegratedLoudness(*program, o.engine);
        CHECK(std::abs(probe - Lufs(RenderToBuffers(e, o))) <= 0.2);
      }
    }
  }
}

TEST_CASE("a silent score renders silence") {
  Events e;
  e.tempo_bpm = 90;
  e.length_beats = 6;
  e.instruments.push_back({"flute", "flute", "", 0, 0, 0});
  NoteEvent printable;  // a notation-only shadow of a stroke must not sound
  printable.duration_beats = 2;
  printable.sounding = false;
  e.notes.push_back(printable);
  const RenderedAudio a = RenderToBuffers(e, OfflineOptions{});
  CHECK(a.left.size() == static_cast<size_t>(std::llround((4.0 + 3.0) * 48000)));
  CHECK(Peak(a.left) == 0.0);
  CHECK(Peak(a.right) == 0.0);
}

TEST_CASE("output does not depend on the caller's block size") {
  EngineSettings s;
  s.sample_rate = 44100;
  const auto program = PrepareProgram(LoudScore(), s);
  auto render = [&](std::vector<int> sizes) {
    SynthEngine engine(s);
    engine.SetProgram(program.get());
    engine.SetPlaying(true);
    std::vector<float> out;
    std::vector<float> l(4096), r(4096);
    size_t k = 0;
    while (out.size() < 3 * 44100) {
      const int n = sizes[k++ % sizes.size()];
      engine.Render(l.data(), r.data(), n);
      out.insert(out.end(), l.begin(), l.begin() + n);
    }
    out.resize(3 * 44100);
    return out;
  };
  const auto a = render({64});
  CHECK(render({1}) == a);
  CHECK(render({37, 500, 3, 4096}) == a);
  CHECK(render({1000}) == a);
  CHECK(Rms(a) > 0.01);
}

TEST_CASE("renders are deterministic") {
  const RenderedAudio a = RenderToBuffers(LoudScore(), OfflineOptions{});
  const RenderedAudio b = RenderToBuffers(LoudScore(), OfflineOptions{});
  CHECK(a.left == b.left);
  CHECK(a.right == b.right);
}

TEST_CASE("a full voice pool steals the quietest voice without a click") {
  Events e;
  e.tempo_bpm = 60;
  e.length_beats = 3;
  e.instruments.push_back({"sine", "sine", "", 0, 0, 0});
  for (int i = 0; i < 12; ++i) {  // 12 overlapping notes through 4 voices
    NoteEvent n;
    n.start_beat = i * 0.2;
    n.duration_beats = 1.5;
    n.pitch = 60 + i;
    n.velocity = 0.5f + 0.04f * i;
    e.notes.push_back(n);
  }
  OfflineOptions o = Dry();
  o.engine.max_voices = 4;
  const RenderedAudio a = RenderToBuffers(e, o);
  // With at most 4 sines up to ~B4 sounding, any jump beyond their combined slope is a click.
  double max_step = 0;
  for (size_t i = 1; i < a.left.size(); ++i)
    max_step = std::max(max_step, static_cast<double>(std::fabs(a.left[i] - a.left[i - 1])));
  const double slope_limit = 4 * 0.5 * 0.71 * 2 * M_PI * 500.0 / 48000;  // 4 voices, gain, pan
  CHECK(max_step < slope_limit);
  CHECK(Rms(a.left, 48000 * 2, 48000 * 2 + 4800) > 0.01);  // the late notes did sound
}

TEST_CASE("live notes play, glide and stop without a program") {
  EngineSettings s;
  s.reverb_mix = 0;
  SynthEngine engine(s);
  std::vector<float> l(48000), r(48000);
  engine.LiveNoteOn(7, 0, 69, 0.8f);
  engine.Render(l.data(), r.data(), 24000);
  engine.LiveGesture(7, 81, 0.8f);
  engine.Render(l.data() + 24000, r.data() + 24000, 24000);
  CHECK(std::fabs(Cents(EstimatePitchHz(l, 8000, 8000, 48000), 440)) < 3);
  CHECK(std::fabs(Cents(EstimatePitchHz(l, 36000, 8000, 48000), 880)) < 3);
  engine.LiveNoteOff(7);
  engine.Render(l.data(), r.data(), 48000);
  CHECK(Rms(l, 0, 4800) > 0.01);                                       // releasing
  CHECK(Peak(std::vector<float>(l.begin() + 40000, l.end())) == 0.0);  // then truly silent
}

TEST_CASE("seek jumps to a beat and the playhead follows") {
  EngineSettings s;
  const auto program = PrepareProgram(Staircase("sine"), s);
  SynthEngine engine(s);
  engine.SetProgram(program.get());
  engine.Seek(5);
  engine.SetPlaying(true);
  std::vector<float> l(48000), r(48000);
  engine.Render(l.data(), r.data(), 24000);
  CHECK(engine.PlayheadBeat() == doctest::Approx(5.5).epsilon(0.01));
  CHECK(std::fabs(Cents(EstimatePitchHz(l, 9600, 9600, 48000), 440)) < 3);  // A4 at beat 5
}

TEST_CASE("the limiter is transparent below its threshold and holds the ceiling above it") {
  Limiter lim;
  lim.Init(48000);
  const int n = 48000;
  std::vector<float> l(n), r(n);
  for (int i = 0; i < n; ++i) {
    // Half a second at -6 dBFS, then half a second at +12 dBFS.
    const float amp = i < n / 2 ? 0.5f : 4.0f;
    l[i] = amp * static_cast<float>(std::sin(2 * M_PI * 220 * i / 48000.0));
    r[i] = -l[i];
  }
  const std::vector<float> in = l;
  for (int i = 0; i < n; i += 64) lim.Process(l.data() + i, r.data() + i, 64);
  const int d = lim.LatencyFrames();
  double err = 0;
  for (int i = d; i < n / 2 - 200; ++i)
    err = std::max(err, static_cast<double>(std::fabs(l[i] - in[i - d])));
  CHECK(err < 1e-6);
  CHECK(Peak(l) <= Limiter::kCeiling);
  CHECK(Peak(r) <= Limiter::kCeiling);
  // Loud part: reduced, not clipped flat: most samples stay below the ceiling itself.
  int at_ceiling = 0;
  for (int i = n / 2 + 4800; i < n; ++i) at_ceiling += std::fabs(l[i]) >= Limiter::kCeiling - 1e-6f;
  CHECK(at_ceiling < 100);
  CHECK(Rms(l, n / 2 + 4800, n) > 0.5);
}

TEST_CASE("a normalised render replays the loudness probe: the same samples as rendering twice") {
  Events bank;
  bank.tempo_bpm = 90;
  bank.length_beats = 4;
  bank.instruments.push_back({"sine", "scan", "", 0, 0, 0});
  PartialBank b;
  b.length_beats = 3.5;
  b.columns = 17;
  for (int r = 0; r < 60; ++r) {
    PartialRow row{40.0 * std::pow(2.0, r / 12.0), (r % 5) / 2.0f - 1.0f, {}};
    for (int c = 0; c < b.columns; ++c) row.amplitude.push_back(((r + c) % 3) * 0.4f);
    b.rows.push_back(row);
  }
  bank.banks.push_back(b);
  for (float reverb : {0.0f, 0.3f}) {
    for (const Events& e : {Staircase("flute"), LoudScore(), bank}) {  // quiet, limited, a bank
      CAPTURE(reverb);
      OfflineOptions o = Dry();
      o.engine.reverb_mix = reverb;
      o.normalise = true;
      // The probe's mix is kept for the render (so the replay is what runs)...
      EngineSettings s = o.engine;
      s.normalise_loudness = true;
      s.keep_loudness_probe = true;
      REQUIRE(PrepareProgram(e, s)->probe_mix != nullptr);
      // ...and gives what the engine gives when it renders the score a second time.
      const RenderedAudio replayed = RenderToBuffers(e, o);
      o.replay_probe = false;
      const RenderedAudio rendered = RenderToBuffers(e, o);
      REQUIRE(rendered.left.size() > 1000);
      CHECK(replayed.left == rendered.left);
      CHECK(replayed.right == rendered.right);
    }
  }
}
