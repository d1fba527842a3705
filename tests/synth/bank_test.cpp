// Scan-mode partial banks: right frequencies, right levels, smooth amplitude changes.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "audio_analysis.h"
#include "synth/bank_oscillator.h"
#include "synth/engine.h"
#include "synth/render_program.h"
#include "synth_events.h"

using namespace graphony;
using namespace graphony::test;

TEST_CASE("a bank of N partials sounds exactly its frequencies") {
  Events e;
  e.tempo_bpm = 60;
  e.length_beats = 2;
  e.instruments.push_back({"sine", "scan", "", 0, 0, 0});
  PartialBank b;
  b.length_beats = 2;
  b.columns = 4;
  const double freqs[5] = {110.0, 347.5, 1000.0, 2718.3, 7040.0};
  for (double f : freqs) b.rows.push_back({f, 0, {1, 1, 1, 1}});
  e.banks.push_back(b);
  OfflineOptions o = Dry();
  o.engine.partial_gain = 0.1f;
  const RenderedAudio a = RenderToBuffers(e, o);
  const size_t begin = 24000, len = 16384;
  for (double f : freqs) {
    // Each partial: amplitude 0.1 * centre pan 0.707 (Hann-window estimate).
    INFO(f << " Hz");
    CHECK(MagnitudeAt(a.left, begin, len, 48000, f) == doctest::Approx(0.0707).epsilon(0.03));
    CHECK(MagnitudeAt(a.left, begin, len, 48000, f + 25) < 0.002);  // nothing beside it
  }
  CHECK(MagnitudeAt(a.left, begin, len, 48000, 500) < 0.001);
}

TEST_CASE("W(64): 64 sines at 1/N give the analytic RMS and length") {
  const int n = 64;
  Events e;
  e.tempo_bpm = 60;
  e.length_beats = 3;
  e.instruments.push_back({"sine", "w", "", 0, 0, 0});
  PartialBank b;
  b.length_beats = 3;
  b.columns = 2;
  double want_l = 0, want_r = 0;
  for (int i = 0; i < n; ++i) {
    const float pan = 2.0f * i / (n - 1) - 1.0f;
    b.rows.push_back({55.0 * std::exp2(7.0 * i / n), pan, {1, 1}});
    const double p = i / (n - 1.0) * M_PI / 2;
    want_l += 0.5 * std::pow(std::cos(p) / n, 2);
    want_r += 0.5 * std::pow(std::sin(p) / n, 2);
  }
  e.banks.push_back(b);
  OfflineOptions o = Dry();
  o.engine.partial_gain = 1.0f / n;
  const RenderedAudio a = RenderToBuffers(e, o);
  REQUIRE(a.left.size() == 3u * 48000u);  // banks only: no tail when dry
  CHECK(20 * std::log10(Rms(a.left, 4800, 3 * 48000 - 4800)) ==
        doctest::Approx(10 * std::log10(want_l)).epsilon(0.005));
  CHECK(20 * std::log10(Rms(a.right, 4800, 3 * 48000 - 4800)) ==
        doctest::Approx(10 * std::log10(want_r)).epsilon(0.005));
  // Edge fades: silent at the very ends.
  CHECK(std::fabs(a.left.front()) < 1e-4);
  CHECK(std::fabs(a.left.back()) < 1e-3);
}

TEST_CASE("amplitudes follow image columns without steps") {
  Events e;
  e.tempo_bpm = 60;
  e.length_beats = 2;
  e.instruments.push_back({"sine", "scan", "", 0, 0, 0});
  PartialBank b;
  b.length_beats = 2;
  b.columns = 8;
  b.rows.push_back({440.0, 0, {0, 1, 0, 1, 0, 1, 0, 1}});  // hard on/off in the image
  e.banks.push_back(b);
  OfflineOptions o = Dry();
  o.engine.partial_gain = 0.5f;
  const RenderedAudio a = RenderToBuffers(e, o);
  double max_step = 0;
  for (size_t i = 1; i < a.left.size(); ++i)
    max_step = std::max(max_step, static_cast<double>(std::fabs(a.left[i] - a.left[i - 1])));
  // A 440 Hz sine of peak 0.354 changes by at most 2*pi*440/48000*0.354 per sample.
  CHECK(max_step < 2 * M_PI * 440 / 48000 * 0.354 * 1.05);
  // Column 1 (0.25..0.5 s) is bright at its centre, column 2 dark at its centre.
  CHECK(Rms(a.left, static_cast<size_t>(0.36 * 48000), static_cast<size_t>(0.39 * 48000)) > 0.2);
  CHECK(Rms(a.left, static_cast<size_t>(0.61 * 48000), static_cast<size_t>(0.64 * 48000)) < 0.05);
}

TEST_CASE("the SIMD kernel matches a scalar resonator") {
  const int n = BankOscillator::kGroup;
  std::vector<float> coef(n), y1(n), y2(n), gl(n), dl(n), gr(n), dr(n);
  for (int i = 0; i < n; ++i) {
    const double w = 0.01 + 0.02 * i;
    coef[i] = static_cast<float>(2 * std::cos(w));
    y1[i] = static_cast<float>(std::sin(-w));
    y2[i] = static_cast<float>(std::sin(-2 * w));
    gl[i] = 0.01f * i;
    dl[i] = 0.0001f;
    gr[i] = 0.5f;
    dr[i] = 0;
  }
  float left[64] = {}, right[64] = {};
  RenderPartialGroups(coef.data(), y1.data(), y2.data(), gl.data(), dl.data(), gr.data(), dr.data(),
                      1, 64, left, right);
  for (int j = 0; j < 64; ++j) {
    double l = 0, r = 0;
    for (int i = 0; i < n; ++i) {
      const double s = std::sin((0.01 + 0.02 * i) * j);
      l += s * (0.01 * i + 0.0001 * j);
      r += s * 0.5;
    }
    CHECK(left[j] == doctest::Approx(l).epsilon(1e-3).scale(1));
    CHECK(right[j] == doctest::Approx(r).epsilon(1e-3).scale(1));
  }
}

namespace {
// A scan bank with hard image edges, low partials (folded taps) and a fade: every branch of
// the inverse-FFT path (taps, folding, corrections).
Events EdgyBank() {
  Events e;
  e.tempo_bpm = 90;
  e.length_beats = 4;
  e.instruments.push_back({"sine", "scan", "", 0, 0, 0});
  PartialBank b;
  b.start_beat = 0.3;
  b.length_beats = 3.5;
  b.columns = 23;
  std::mt19937 rng(7);
  for (int r = 0; r < 150; ++r) {
    PartialRow row{30.0 * std::pow(2.0, r / 24.0), (r % 7) / 3.0f - 1.0f, {}};  // 30 Hz..2.3 kHz
    for (int c = 0; c < b.columns; ++c) row.amplitude.push_back((rng() % 3) * 0.5f);
    b.rows.push_back(row);
  }
  e.banks.push_back(b);
  return e;
}

std::vector<float> RenderInBlocks(const RenderProgram* program, const EngineSettings& s,
                                  std::vector<int> sizes, size_t frames) {
  SynthEngine engine(s);
  engine.SetProgram(program);
  engine.SetPlaying(true);
  std::vector<float> out, l(4096), r(4096);
  size_t k = 0;
  while (out.size() < 2 * frames) {
    const int n = sizes[k++ % sizes.size()];
    engine.Render(l.data(), r.data(), n);
    for (int i = 0; i < n; ++i) {
      out.push_back(l[static_cast<size_t>(i)]);
      out.push_back(r[static_cast<size_t>(i)]);
    }
  }
  out.resize(2 * frames);
  return out;
}
}  // namespace

TEST_CASE("the inverse-FFT bank is bit-identical across block sizes and matches oscillators") {
  EngineSettings s;
  s.sample_rate = 48000;
  s.reverb_mix = 0;
  const auto fft = PrepareProgram(EdgyBank(), s);
  REQUIRE(fft->banks.size() == 1);
  CHECK(fft->banks[0].fft);
  const size_t frames = 48000 * 3;
  const auto a = RenderInBlocks(fft.get(), s, {64}, frames);
  CHECK(RenderInBlocks(fft.get(), s, {1}, frames) == a);
  CHECK(RenderInBlocks(fft.get(), s, {37, 500, 3, 4096}, frames) == a);
  CHECK(RenderInBlocks(fft.get(), s, {1000}, frames) == a);
  // The oscillator path renders the same sound (error energy below -60 dB).
  EngineSettings so = s;
  so.bank_fft = false;
  const auto osc = PrepareProgram(EdgyBank(), so);
  CHECK_FALSE(osc->banks[0].fft);
  const auto b = RenderInBlocks(osc.get(), so, {64}, frames);
  double err = 0, ref = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    err += (static_cast<double>(a[i]) - b[i]) * (static_cast<double>(a[i]) - b[i]);
    ref += static_cast<double>(b[i]) * b[i];
  }
  INFO("error " << 10 * std::log10(err / ref) << " dB");
  CHECK(ref > 1.0);
  CHECK(10 * std::log10(err / ref) < -60);
}

TEST_CASE("the inverse-FFT bank stops without a click when the transport stops") {
  EngineSettings s;
  s.sample_rate = 48000;
  s.reverb_mix = 0;
  const auto program = PrepareProgram(EdgyBank(), s);
  SynthEngine engine(s);
  engine.SetProgram(program.get());
  engine.SetPlaying(true);
  std::vector<float> l(4096), r(4096);
  for (int i = 0; i < 30; ++i) engine.Render(l.data(), r.data(), 1000);  // mid-bank, mid-hop
  float before = 0;
  for (int i = 0; i < 1000; ++i) before = std::max(before, std::fabs(l[static_cast<size_t>(i)]));
  REQUIRE(before > 0.01f);
  engine.SetPlaying(false);
  engine.Render(l.data(), r.data(), 4096);
  float step = 0, tail = 0;
  for (int i = 1; i < 4096; ++i)
    step = std::max(step, std::fabs(l[static_cast<size_t>(i)] - l[static_cast<size_t>(i - 1)]));
  for (int i = 2048; i < 4096; ++i) tail = std::max(tail, std::fabs(l[static_cast<size_t>(i)]));
  CHECK(step < before);  // a ramp, not a jump
  CHECK(tail == 0.0f);   // and then silence
}
