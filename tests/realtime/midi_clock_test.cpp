// MIDI clock in without a port (tempo from the pulses' timing, Start/Stop/Song Position), and
// the one function that turns played notes into taps on the score.
#include "realtime/midi_clock.h"

#include <doctest/doctest.h>

#include "core/score.h"
#include "realtime/midi_taps.h"

using namespace graphony;

namespace {
void Feed(MidiClockIn& in, std::initializer_list<unsigned char> bytes, double delta) {
  const std::vector<unsigned char> v(bytes);
  in.HandleMessage(v.data(), v.size(), delta);
}
}  // namespace

TEST_CASE("MIDI clock in: the tempo comes from the pulses, Start/Stop/position are queued") {
  MidiClockIn in;
  CHECK(in.TempoBpm() == 0);
  Feed(in, {0xFA}, 0.1);
  const double at100 = 60.0 / (100 * 24);  // seconds between pulses at 100 bpm
  for (int i = 0; i < 60; ++i) Feed(in, {0xF8}, i == 0 ? 0.001 : at100);
  CHECK(in.TempoBpm() == doctest::Approx(100).epsilon(1e-6));
  CHECK(in.Pulses() == 60);
  // A faster clock: the two-beat window follows within its length.
  const double at150 = 60.0 / (150 * 24);
  for (int i = 0; i < MidiClockIn::kWindow; ++i) Feed(in, {0xF8}, at150);
  CHECK(in.TempoBpm() == doctest::Approx(150).epsilon(1e-6));
  // Notes on the same port, a short position and a pause do not disturb it.
  Feed(in, {0x90, 60, 100}, 0.0);
  Feed(in, {0xF2, 0x10}, 0.0);
  Feed(in, {0xF2, 0x10, 0x01}, 0.0);  // (1 << 7 | 16) sixteenths = 36 beats
  Feed(in, {0xFC}, 0.0);
  Feed(in, {0xF8}, 2.0);  // after a pause: measured afresh, the old figure kept meanwhile
  CHECK(in.TempoBpm() == doctest::Approx(150).epsilon(1e-6));
  Feed(in, {0xFB}, 0.0);
  MidiClockEvent e;
  REQUIRE(in.PopEvent(&e));
  CHECK(e.kind == MidiClockEvent::Kind::kStart);
  REQUIRE(in.PopEvent(&e));
  CHECK(e.kind == MidiClockEvent::Kind::kSongPosition);
  CHECK(e.beat == doctest::Approx(36));
  REQUIRE(in.PopEvent(&e));
  CHECK(e.kind == MidiClockEvent::Kind::kStop);
  REQUIRE(in.PopEvent(&e));
  CHECK(e.kind == MidiClockEvent::Kind::kContinue);
  CHECK_FALSE(in.PopEvent(&e));
}

TEST_CASE("MIDI taps: notes land at their beat, pitch height and colour, credited") {
  Score score;
  score.length_beats = 16;
  score.mapping.lowest = 48;
  score.mapping.highest = 84;
  score.palette.resize(3);
  score.palette[0].color = {10, 20, 30};
  score.palette[2].color = {200, 100, 50};
  std::vector<MidiNoteTaken> notes = {
      {1.0, 1.2, 60, 0.5f}, {2.5, -1, 84, 1.0f}, {-3.0, -1, 60, 1.0f}, {100.0, -1, 60, 1.0f}};
  // 0.5 s a beat; the note at 1.0 s is at beat 4 (the anchor: 1.0 s is beat 4).
  const std::vector<MidiTap> taps = PlaceMidiNotes(notes, 1.0, 4.0, 0.5, 2);
  REQUIRE(taps.size() == 4);
  CHECK(taps[1].beat == doctest::Approx(7));
  const Layer layer = MidiTapsLayer(score, taps, "p1");
  REQUIRE(layer.strokes.strokes.size() == 2);  // before the start and past the end: left out
  const Stroke& a = layer.strokes.strokes[0];
  CHECK(a.points.front().beat == doctest::Approx(4));
  CHECK(a.points.front().height == doctest::Approx((60 - 48) / 36.0));
  CHECK(a.points.front().pressure == doctest::Approx(0.5));
  CHECK(a.color.r == 200);
  CHECK(a.contributor == "p1");
  CHECK(layer.strokes.strokes[1].points.front().height == doctest::Approx(1.0));
}
