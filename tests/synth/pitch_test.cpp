// Pitch accuracy: rendered notes and glides measured by autocorrelation.
#include <doctest/doctest.h>

#include "audio_analysis.h"
#include "synth_events.h"

using namespace graphony;
using namespace graphony::test;

namespace {
void CheckStaircase(const std::string& instrument, double sample_rate, double tolerance_cents) {
  const RenderedAudio a = RenderToBuffers(Staircase(instrument), Dry(sample_rate));
  const int pitches[8] = {60, 62, 64, 65, 67, 69, 71, 72};
  for (int i = 0; i < 8; ++i) {
    // The middle of each one-second note: past the attack, before the release.
    const size_t begin = static_cast<size_t>((i + 0.3) * sample_rate);
    const double hz =
        EstimatePitchHz(a.left, begin, static_cast<size_t>(0.3 * sample_rate), sample_rate);
    const double want = 440.0 * std::exp2((pitches[i] - 69) / 12.0);
    INFO(instrument << " @" << sample_rate << " note " << i << ": " << hz << " Hz, want " << want);
    CHECK(std::fabs(Cents(hz, want)) < tolerance_cents);
  }
}
}  // namespace

TEST_CASE("sine staircase C4..C5 is in tune") { CheckStaircase("sine", 48000, 2); }
TEST_CASE("flute staircase C4..C5 is in tune") { CheckStaircase("flute", 48000, 5); }

TEST_CASE("every supported sample rate renders the right pitch and length") {
  for (double sr : {22050.0, 44100.0, 96000.0, 192000.0}) {
    OfflineOptions o = Dry(sr);
    const RenderedAudio a = RenderToBuffers(SingleNote("sine", 69, 1), o);
    CHECK(a.sample_rate == sr);
    CHECK(a.left.size() == static_cast<size_t>(std::llround(3.0 * sr)));  // 1 s + 2 s release tail
    const double hz =
        EstimatePitchHz(a.left, static_cast<size_t>(0.3 * sr), static_cast<size_t>(0.2 * sr), sr);
    INFO("rate " << sr << ": " << hz << " Hz");
    CHECK(std::fabs(Cents(hz, 440.0)) < 2);
  }
}

TEST_CASE("a gesture glides smoothly from C4 to C5") {
  Events e;
  e.tempo_bpm = 60;
  e.length_beats = 4;
  e.instruments.push_back({"sine", "sine", "", 0, 0, 0});
  GestureEvent g;
  g.points = {{0, 60, 0.8f}, {0.5, 60, 0.8f}, {3.5, 72, 0.8f}, {4, 72, 0.8f}};
  e.gestures.push_back(g);
  const RenderedAudio a = RenderToBuffers(e, Dry());
  const double sr = a.sample_rate;
  double last = 0;
  for (double t = 0.1; t < 3.8; t += 0.25) {
    const double hz = EstimatePitchHz(a.left, static_cast<size_t>(t * sr), 2048, sr);
    const double midi = 69 + 12 * std::log2(hz / 440.0);
    // Expected pitch at the window's centre (the curve is linear between its points).
    const double c = t + 1024 / sr;
    const double want = c < 0.5 ? 60 : c > 3.5 ? 72 : 60 + (c - 0.5) / 3.0 * 12;
    INFO("t=" << t << " midi " << midi << " want " << want);
    CHECK(std::fabs(midi - want) < 0.15);
    CHECK(midi >= last - 0.05);  // never goes back down
    last = midi;
  }
  // No step in the waveform: sample-to-sample change stays within what a C5 sine allows.
  double max_step = 0;
  for (size_t i = 1; i < a.left.size(); ++i)
    max_step = std::max(max_step, static_cast<double>(std::fabs(a.left[i] - a.left[i - 1])));
  CHECK(max_step < 2 * M_PI * 523.3 / sr * Peak(a.left) * 1.1);
}
