// Every instrument sounds, is clean at start and end, and differs audibly from the others.
#include <doctest/doctest.h>

#include "audio_analysis.h"
#include "core/instrument_traits.h"
#include "synth_events.h"

using namespace graphony;
using namespace graphony::test;

namespace {
struct Features {
  double rms = 0, early = 0, late = 0;  // early/late: RMS share of the note
  std::vector<double> spectrum;         // log magnitudes, 10 Hz bins to 5 kHz, early + later window
};

// Correlation of two log spectra: 1 = same timbre.
double Similarity(const std::vector<double>& a, const std::vector<double>& b) {
  double ma = 0, mb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    ma += a[i];
    mb += b[i];
  }
  ma /= a.size();
  mb /= b.size();
  double ab = 0, aa = 0, bb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) * (a[i] - ma);
    bb += (b[i] - mb) * (b[i] - mb);
  }
  return ab / std::sqrt(aa * bb + 1e-30);
}

Features Measure(const RenderedAudio& a) {
  const double sr = a.sample_rate;
  Features f;
  f.rms = Rms(a.left, 0, static_cast<size_t>(1.0 * sr));
  const double total = f.rms + 1e-12;
  f.early = Rms(a.left, 0, static_cast<size_t>(0.1 * sr)) / total;
  f.late = Rms(a.left, static_cast<size_t>(0.7 * sr), static_cast<size_t>(1.0 * sr)) / total;
  for (double at : {0.03, 0.4})
    for (int b = 1; b <= 500; ++b)
      f.spectrum.push_back(
          std::log10(1e-5 + MagnitudeAt(a.left, static_cast<size_t>(at * sr), 4800, sr, b * 10.0)));
  return f;
}
}  // namespace

TEST_CASE("every instrument sounds, cleanly, and differently") {
  std::vector<std::pair<std::string, Features>> all;
  for (const InstrumentTraits& traits : AllInstruments()) {
    // The engine's own voices (soundfont instruments: gm_instruments_test.cpp).
    if (traits.kind == InstrumentKind::kGeneralMidi) continue;
    const std::string name(traits.name);
    const RenderedAudio a = RenderToBuffers(SingleNote(name, 60, 1), Dry());
    INFO(name);
    REQUIRE(AllFinite(a.left));
    const Features f = Measure(a);
    CHECK(f.rms > 0.01);  // it sounds
    // No click at the start: the first millisecond rises gently.
    CHECK(Peak(std::vector<float>(a.left.begin(), a.left.begin() + 12)) < 0.05);
    // It ends: silent by the end of the release tail.
    CHECK(Rms(a.left, a.left.size() - 2400, a.left.size()) < 1e-3);
    all.emplace_back(name, f);
  }
  // Pairwise: each two instruments differ in spectrum (log-spectral correlation below 0.9)
  // or in envelope shape (25% of the note's level early/late): margins a listener hears.
  for (size_t i = 0; i < all.size(); ++i)
    for (size_t j = i + 1; j < all.size(); ++j) {
      const Features& a = all[i].second;
      const Features& b = all[j].second;
      const double sim = Similarity(a.spectrum, b.spectrum);
      const double de = std::max(std::fabs(a.early - b.early), std::fabs(a.late - b.late));
      INFO(all[i].first << " vs " << all[j].first << ": similarity " << sim << " early " << a.early
                        << "/" << b.early << " late " << a.late << "/" << b.late);
      CHECK((sim < 0.9 || de > 0.25));
    }
}

TEST_CASE("the sampler plays a sample at the asked pitch") {
  // hum-C3.wav is a C3 voice; ask for G3 (7 semitones up).
  const RenderedAudio a = RenderToBuffers(SingleNote("sampler", 55, 1, 60, "hum-C3.wav"), Dry());
  const double hz = EstimatePitchHz(a.left, 24000, 9600, 48000);
  CHECK(std::fabs(Cents(hz, 196.0)) < 10);
}

TEST_CASE("the sampler reads a FLAC sample from the score bundle") {
  Events e = SingleNote("sampler", 69, 1, 60, "samples/tone-A4.flac");
  OfflineOptions o = Dry();
  o.engine.samples_dir.clear();
  // Put the project's glass sample into the bundle under another name.
  FILE* f = std::fopen((std::string(GRAPHONY_SOURCE_DIR) + "/samples/glass-A4.flac").c_str(), "rb");
  REQUIRE(f);
  auto bytes = std::make_shared<std::vector<uint8_t>>();
  int c;
  while ((c = std::fgetc(f)) != EOF) bytes->push_back(static_cast<uint8_t>(c));
  std::fclose(f);
  o.engine.assets.files["samples/tone-A4.flac"] = bytes;
  const RenderedAudio a = RenderToBuffers(e, o);
  CHECK(std::fabs(Cents(EstimatePitchHz(a.left, 24000, 9600, 48000), 440.0)) < 10);
}

TEST_CASE("unknown instruments and missing samples are clear errors") {
  CHECK_THROWS_WITH_AS(RenderToBuffers(SingleNote("kazoo"), Dry()),
                       doctest::Contains("unknown instrument 'kazoo'"), RenderError);
  CHECK_THROWS_WITH_AS(RenderToBuffers(SingleNote("sampler", 60, 1, 60, "nope.wav"), Dry()),
                       doctest::Contains("nope.wav"), RenderError);
  CHECK_THROWS_AS(RenderToBuffers(SingleNote("sampler", 60, 1, 60, "../etc/passwd"), Dry()),
                  RenderError);
}
