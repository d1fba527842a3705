// SoundingAt: which notes and gestures sound at a beat (what scrubbing the ruler plays).
#include "interpret/sounding_at.h"

#include <doctest/doctest.h>

#include <cmath>

#include "interpret/interpret.h"
#include "test_scores.h"

using namespace graphony;
using namespace graphony::test;

namespace {

NoteEvent Note(double start, double length, double pitch, int instrument = 0) {
  NoteEvent n;
  n.start_beat = start;
  n.duration_beats = length;
  n.pitch = pitch;
  n.quantised_pitch = static_cast<int>(pitch);
  n.velocity = 0.6f;
  n.instrument = instrument;
  n.pan = -0.5f;
  return n;
}

// Notes C4 [0, 2), E4 [1, 2), a printable shadow at [0, 4) and G4 [5, 6); a gesture from beat
// 2 (pitch 60, loudness 0.2) to beat 4 (pitch 64, loudness 0.6) on instrument 1. Beats 6..8
// are empty.
Events Sample() {
  Events e;
  e.tempo_bpm = 120;
  e.length_beats = 8;
  e.instruments.resize(2);
  e.notes = {Note(0, 2, 60), Note(0, 4, 62), Note(1, 1, 64), Note(5, 1, 67)};
  e.notes[1].sounding = false;
  GestureEvent g;
  g.instrument = 1;
  g.pan = 0.25f;
  g.points = {{2, 60, 0.2f}, {3, 62, 0.4f}, {4, 64, 0.6f}};
  e.gestures.push_back(g);
  return e;
}

}  // namespace

TEST_CASE("SoundingAt: the notes whose span holds the beat, never printable shadows") {
  const Events e = Sample();
  std::vector<SoundingNote> s = SoundingAt(e, 0.5);
  REQUIRE(s.size() == 1);
  CHECK(s[0].source == SoundingNote::Source::kNote);
  CHECK(s[0].index == 0);
  CHECK(s[0].pitch == 60);
  CHECK(s[0].velocity == doctest::Approx(0.6f));
  CHECK(s[0].pan == doctest::Approx(-0.5f));
  s = SoundingAt(e, 1.5);  // two notes together, in index order
  REQUIRE(s.size() == 2);
  CHECK(s[0].index == 0);
  CHECK(s[1].index == 2);
  CHECK(s[1].pitch == 64);
  // A note's end is where it stops: at beat 2 the C and E are over and the gesture begins.
  s = SoundingAt(e, 2.0);
  REQUIRE(s.size() == 1);
  CHECK(s[0].source == SoundingNote::Source::kGesture);
  CHECK(SoundingAt(e, 5.0).size() == 1);
  CHECK(SoundingAt(e, 5.999).size() == 1);
}

TEST_CASE("SoundingAt: a gesture's pitch and loudness at the beat, as playback has them") {
  const Events e = Sample();
  const std::vector<SoundingNote> s = SoundingAt(e, 2.5);
  REQUIRE(s.size() == 1);
  CHECK(s[0].source == SoundingNote::Source::kGesture);
  CHECK(s[0].index == 0);
  CHECK(s[0].instrument == 1);
  CHECK(s[0].pitch == doctest::Approx(61));
  CHECK(s[0].loudness == doctest::Approx(0.3f));
  CHECK(s[0].velocity == doctest::Approx(kGestureVelocity));
  CHECK(s[0].pan == doctest::Approx(0.25f));
  CHECK(SoundingAt(e, 3.75)[0].pitch == doctest::Approx(63.5));
  CHECK(SoundingAt(e, 4.0).empty());  // its last point ends it
}

TEST_CASE("SoundingAt: silence before, between and after, and for nonsense beats") {
  const Events e = Sample();
  CHECK(SoundingAt(e, -0.01).empty());
  CHECK(SoundingAt(e, 4.5).empty());
  CHECK(SoundingAt(e, 6.0).empty());
  CHECK(SoundingAt(e, 7.5).empty());
  CHECK(SoundingAt(e, 100).empty());
  CHECK(SoundingAt(e, std::nan("")).empty());
  CHECK(SoundingAt(Events{}, 1).empty());
  // The buffer form reuses `out`: cleared, then filled.
  std::vector<SoundingNote> out(5);
  SoundingAt(e, 7, &out);
  CHECK(out.empty());
  SoundingAt(e, 1.5, &out);
  CHECK(out.size() == 2);
}

TEST_CASE("SoundingAt over an interpreted stroke: heard inside the stroke's span only") {
  Score score = BaseScore();
  Layer layer;
  layer.kind = Layer::Kind::kStrokes;
  Stroke st;
  st.color = kBlue;
  st.contributor = "c1";
  for (int i = 0; i <= 8; ++i) st.points.push_back(StrokePoint{1.0 + i * 0.25, 0.3, 0.9f});
  layer.strokes.strokes.push_back(st);
  score.layers.push_back(layer);
  const Events e = Interpret(score);
  REQUIRE(e.gestures.size() == 1);
  const std::vector<SoundingNote> mid = SoundingAt(e, 2.0);
  REQUIRE(mid.size() == 1);  // the gesture; its printable note shadow is silent
  CHECK(mid[0].source == SoundingNote::Source::kGesture);
  CHECK(mid[0].pitch > 55);
  CHECK(mid[0].loudness > 0);
  CHECK(SoundingAt(e, 0.5).empty());
  CHECK(SoundingAt(e, 3.5).empty());
}
