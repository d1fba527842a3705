// Soundfont instruments (FluidSynth + the packaged GM soundfont): the chamber set plays the
// staircase in tune (measured with aubio's YIN-FFT), and each instrument has its own colour
// (spectral centroid) and attack; the fallback without a soundfont still sounds. The
// glockenspiel, whose overtones are inharmonic, is measured by its lowest strong partial.
#include <aubio/aubio.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "aubio_pitch.h"
#include "audio_analysis.h"
#include "core/instrument_traits.h"
#include "support/pitch_estimate.h"
#include "synth/render_program.h"
#include "synth/soundfont.h"
#include "synth_events.h"

using namespace graphony;
using namespace graphony::test;

namespace {

// Octaves that bring the C4..C5 staircase into the instrument's range.
int RangeShift(const InstrumentTraits& t) {
  int shift = 0;
  while (60 + shift < t.lowest_midi) shift += 12;
  while (72 + shift > t.highest_midi && 60 + shift - 12 >= t.lowest_midi) shift -= 12;
  return shift;
}

Events ShiftedStaircase(const std::string& name, int shift) {
  Events e = Staircase(name);
  for (NoteEvent& n : e.notes) {
    n.pitch += shift;
    n.quantised_pitch += shift;
  }
  return e;
}

// Four-pole low-pass (two RBJ biquads): a glockenspiel's strong inharmonic partials near
// 7 kHz mislead YIN; one cutoff per instrument (twice its staircase's top note), never per note.
std::vector<float> LowPass(const std::vector<float>& x, double sr, double hz) {
  const double w = 2 * M_PI * hz / sr, alpha = std::sin(w) / (2 * 0.7071), c = std::cos(w);
  const double a0 = 1 + alpha, b0 = (1 - c) / 2 / a0, b1 = (1 - c) / a0, b2 = b0;
  const double a1 = -2 * c / a0, a2 = (1 - alpha) / a0;
  std::vector<float> y = x;
  for (int pass = 0; pass < 2; ++pass) {
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (float& v : y) {
      const double out = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = v;
      y2 = y1;
      y1 = out;
      v = static_cast<float>(out);
    }
  }
  return y;
}

// A struck bar's pitch is its fundamental; its overtones (2.76x, 5.4x...) are not harmonics,
// so YIN-type trackers (aubio's included) lock onto a common subharmonic. Its fundamental is
// the strongest partial between 100 Hz and 5 kHz (the bright ~7 kHz overtone lies above).
double StrongestPeakHz(const std::vector<float>& x, double sr, double begin, double end) {
  const size_t b = static_cast<size_t>(begin * sr), len = static_cast<size_t>((end - begin) * sr);
  double coarse = 0, top = 0;
  for (double hz = 100; hz <= 5000; hz += 4)
    if (const double m = MagnitudeAt(x, b, len, sr, hz); m > top) {
      top = m;
      coarse = hz;
    }
  double best_hz = 0, best = 0;  // refine to 0.1 Hz around the coarse peak
  for (double hz = coarse - 4; hz <= coarse + 4; hz += 0.1)
    if (const double m = MagnitudeAt(x, b, len, sr, hz); m > best) {
      best = m;
      best_hz = hz;
    }
  return best_hz;
}

// Seconds from the first audible frame to 90% of the note's peak (5 ms RMS frames).
double AttackSeconds(const std::vector<float>& x, double sr, size_t begin, size_t end) {
  const size_t frame = static_cast<size_t>(0.005 * sr);
  std::vector<double> env;
  for (size_t at = begin; at + frame <= end; at += frame) env.push_back(Rms(x, at, at + frame));
  const double peak = *std::max_element(env.begin(), env.end());
  size_t start = 0;
  while (start < env.size() && env[start] < 0.01 * peak) ++start;
  size_t top = start;
  while (top < env.size() && env[top] < 0.9 * peak) ++top;
  return static_cast<double>(top - start) * 0.005;
}

bool UsesSoundfont(const std::string& name) {
  const auto p = PrepareProgram(Staircase(name), Dry().engine);
  return p->instruments[0].kind == InstrumentKind::kGeneralMidi;
}

}  // namespace

TEST_CASE("a General MIDI soundfont from a Debian package is found and loads") {
  const std::string path = ChooseSoundfont("");
  INFO("tools/packages.txt installs musescore-general-soundfont-small");
  REQUIRE(!path.empty());
  std::string error;
  const auto t0 = std::chrono::steady_clock::now();
  Soundfont* sf = Soundfont::Shared(path, &error);
  REQUIRE(sf != nullptr);
  const auto t1 = std::chrono::steady_clock::now();
  for (std::string_view name : ChamberInstruments()) {
    const InstrumentTraits& t = *FindInstrument(name);
    CHECK(sf->Preset(t.gm_bank, t.gm_program) != nullptr);
  }
  const auto t2 = std::chrono::steady_clock::now();
  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  // Start-up cost, said not asserted (speed lives in tools/bench/gm): the preset tables load
  // at first use, each preset's samples when a score first needs it.
  std::printf(
      "  soundfont %s: tables %.0f ms (first use in this process), chamber presets' "
      "samples %.0f ms\n",
      path.c_str(), ms(t1 - t0), ms(t2 - t1));
  for (std::string_view name : ChamberInstruments()) {
    INFO(name);
    CHECK(UsesSoundfont(std::string(name)));
  }
  CHECK(UsesSoundfont("drum-kit"));
  CHECK(!UsesSoundfont("flute"));  // today's voices stay the engine's own
}

TEST_CASE("each chamber instrument plays the staircase within 30 cents") {
  const double sr = 48000;
  for (std::string_view id : ChamberInstruments()) {
    const std::string name(id);
    const InstrumentTraits& t = *FindInstrument(name);
    const int shift = RangeShift(t);
    const RenderedAudio a = RenderToBuffers(ShiftedStaircase(name, shift), Dry(sr));
    REQUIRE(AllFinite(a.left));
    CHECK(Peak(a.left) < 1.0);
    const std::vector<float> x = LowPass(a.left, sr, 2 * MidiToHz(72 + shift));
    for (int i = 0; i < 8; ++i) {
      const double want = MidiToHz(kStaircase[i] + shift);
      // Bars with inharmonic overtones (the glockenspiel) are measured by their spectrum.
      const bool bar = t.icon == InstrumentIcon::kBell;
      const double hz = bar ? StrongestPeakHz(a.left, sr, i + 0.03, i + 0.33)
                            : AubioPitchHz(x, sr, i + 0.08, i + 0.7);
      INFO(name << " note " << i << " (MIDI " << kStaircase[i] + shift << "): aubio " << hz
                << " Hz, want " << want);
      std::printf("  %-16s MIDI %3d  %s %8.2f Hz  %+6.1f cents\n", name.c_str(),
                  kStaircase[i] + shift, bar ? "peak " : "aubio", hz, Cents(hz, want));
      CHECK(std::fabs(Cents(hz, want)) < 30);
    }
  }
}

TEST_CASE("chamber instruments differ in spectral centroid and attack") {
  const double sr = 48000;
  struct Colour {
    std::string name;
    double centroid, attack;
  };
  std::vector<Colour> all;
  for (std::string_view id : ChamberInstruments()) {
    const std::string name(id);
    // The same note for all (G4, or the octave that lies in range): colour, not register.
    const InstrumentTraits& t = *FindInstrument(name);
    const int pitch = 67 + RangeShift(t);
    const RenderedAudio a = RenderToBuffers(SingleNote(name, pitch, 1), Dry(sr));
    const double centroid =
        SpectralCentroid(a.left, static_cast<size_t>(0.1 * sr), static_cast<size_t>(0.2 * sr), sr);
    const double attack = AttackSeconds(a.left, sr, 0, static_cast<size_t>(0.9 * sr));
    std::printf("  %-16s MIDI %d  centroid %7.0f Hz  attack %5.3f s\n", name.c_str(), pitch,
                centroid, attack);
    all.push_back({name, centroid, attack});
  }
  for (size_t i = 0; i < all.size(); ++i)
    for (size_t j = i + 1; j < all.size(); ++j) {
      const Colour& a = all[i];
      const Colour& b = all[j];
      const double dc = std::fabs(std::log2(a.centroid / b.centroid)) * 1200;  // cents apart
      const double da = std::fabs(a.attack - b.attack);
      std::printf("  %-16s vs %-16s centroid %5.0f cents apart, attack %4.0f ms apart\n",
                  a.name.c_str(), b.name.c_str(), dc, da * 1000);
      INFO(a.name << " vs " << b.name << ": centroid " << dc << " cents, attack " << da * 1000
                  << " ms");
      // A listener tells them apart: centroids a minor third (300 cents) apart, or attacks
      // 20 ms apart when the colour is close.
      CHECK((dc > 300 || da > 0.02));
    }
}

TEST_CASE("without a soundfont, GM instruments fall back to the engine's voices and sound") {
  OfflineOptions o = Dry();
  o.engine.soundfont = "/nonexistent/none.sf2";
  const auto p = PrepareProgram(Staircase("cello"), o.engine);
  CHECK(p->instruments[0].kind == FindInstrument("cello")->fallback);
  const RenderedAudio a = RenderToBuffers(Staircase("cello"), o);
  CHECK(Rms(a.left) > 0.01);
  std::string error;
  CHECK(Soundfont::Shared("/nonexistent/none.sf2", &error) == nullptr);
  CHECK(error.find("/nonexistent/none.sf2") != std::string::npos);
  // A file that is not a soundfont is refused with its name, before FluidSynth sees it.
  const std::string junk = std::filesystem::temp_directory_path() / "graphony-not-a-soundfont.sf2";
  std::FILE* f = std::fopen(junk.c_str(), "wb");
  REQUIRE(f);
  std::fputs("RIFF\x04\0\0\0WAVEjunk", f);
  std::fclose(f);
  CHECK(Soundfont::Shared(junk, &error) == nullptr);
  CHECK(error == junk + ": not a soundfont (SF2/SF3 files start with a RIFF sfbk header)");
  std::filesystem::remove(junk);
}
