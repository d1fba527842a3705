// Strokes: glides toward scale notes, dots, turning back in time, colour, loudness, shadows.
#include "interpret/strokes.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "core/pitch.h"
#include "interpret/interpret.h"
#include "test_scores.h"

using namespace graphony;
using namespace graphony::test;

namespace {

Stroke Line(double b0, double h0, double b1, double h1, int points, Color color = kBlue) {
  Stroke s;
  s.color = color;
  s.contributor = "c1";
  for (int i = 0; i < points; ++i) {
    const double t = static_cast<double>(i) / (points - 1);
    s.points.push_back(StrokePoint{b0 + (b1 - b0) * t, h0 + (h1 - h0) * t, 1.0f});
  }
  return s;
}

Score StrokeScore(std::vector<Stroke> strokes) {
  Score score = BaseScore();
  Layer layer;
  layer.kind = Layer::Kind::kStrokes;
  layer.strokes.strokes = std::move(strokes);
  score.layers.push_back(layer);
  return score;
}

void CheckStrictlyIncreasing(const GestureEvent& g) {
  for (size_t i = 1; i < g.points.size(); ++i) CHECK(g.points[i].beat > g.points[i - 1].beat);
}

}  // namespace

TEST_CASE("glide pitch: exact scale notes at band centres, smooth glides between") {
  Mapping m = BaseScore().mapping;  // C major C4..C5: 8 bands
  const std::vector<int> notes = ScaleNotesInRange(m);
  for (size_t i = 0; i < notes.size(); ++i) {
    const double centre = (i + 0.5) / 8.0;
    CHECK(GlidePitch(m, notes, centre) == notes[i]);
    CHECK(GlidePitch(m, notes, centre + 0.02) == notes[i]);  // a steady hand is in tune
    CHECK(GlidePitch(m, notes, centre - 0.02) == notes[i]);
  }
  // Half way between two band centres is half way between the notes.
  CHECK(GlidePitch(m, notes, 2.0 / 8.0) == doctest::Approx((62 + 64) / 2.0));
  // Monotonic and continuous across the whole height.
  double previous = GlidePitch(m, notes, 0.0);
  for (int k = 1; k <= 1000; ++k) {
    const double p = GlidePitch(m, notes, k / 1000.0);
    CHECK(p >= previous);
    CHECK(p - previous < 0.1);
    previous = p;
  }
  m.scale = "none";
  CHECK(GlidePitch(m, {}, 0.25) == doctest::Approx(63.0));
}

TEST_CASE(
    "a rising stroke is one gesture gliding up through the scale, with printable shadow notes") {
  const Events events = Interpret(StrokeScore({Line(0, 0.0, 8, 1.0, 9)}));
  REQUIRE(events.gestures.size() == 1);
  const GestureEvent& g = events.gestures[0];
  CheckStrictlyIncreasing(g);
  CHECK(g.StartBeat() == doctest::Approx(0));
  CHECK(g.EndBeat() == doctest::Approx(8));
  CHECK(g.points.front().pitch == 60);
  CHECK(g.points.back().pitch == 72);
  CHECK(g.points.size() > 9);  // subdivided so the glide shape survives interpolation
  CHECK(g.instrument == kBluePad);
  CHECK(g.contributor == "c1");
  for (size_t i = 1; i < g.points.size(); ++i) CHECK(g.points[i].pitch >= g.points[i - 1].pitch);
  // The shadow notes: the C major scale, one beat each, not sounding, pointing at the gesture.
  const std::vector<int> expected = {60, 62, 64, 65, 67, 69, 71, 72};
  REQUIRE(events.notes.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const NoteEvent& n = events.notes[i];
    CHECK(n.pitch == expected[i]);
    CHECK(n.quantised_pitch == expected[i]);
    CHECK(n.start_beat == doctest::Approx(static_cast<double>(i)));
    CHECK(n.duration_beats == doctest::Approx(1.0));
    CHECK_FALSE(n.sounding);
    CHECK(n.gesture == 0);
    CHECK(n.contributor == "c1");
  }
}

TEST_CASE("a dot or tap is one short sounding note on the scale") {
  Stroke dot;
  dot.color = kRed;
  dot.points = {{2.02, 0.55, 0.8f}, {2.05, 0.56, 0.8f}};
  Stroke single;
  single.color = kYellow;
  single.points = {{5.0, 0.1, 1.0f}};
  const Events events = Interpret(StrokeScore({dot, single}));
  CHECK(events.gestures.empty());
  REQUIRE(events.notes.size() == 2);
  CHECK(events.notes[0].sounding);
  CHECK(events.notes[0].gesture == -1);
  CHECK(events.notes[0].start_beat == doctest::Approx(2.0));
  CHECK(events.notes[0].duration_beats == doctest::Approx(0.5));
  CHECK(events.notes[0].pitch == 67);  // mean height 0.555: 0.555 * 8 = 4.4 -> band 4, G4
  CHECK(events.notes[0].instrument == kRedPluck);
  CHECK(events.notes[1].start_beat == doctest::Approx(5.0));
  CHECK(events.notes[1].pitch == 60);
  CHECK(events.notes[1].instrument == kYellowMarimba);
}

TEST_CASE("a stroke that turns back in time is split into parts that move forward") {
  // Forward 0->4 rising, back 4->1 falling, forward again 1->6.
  Stroke s = Line(0, 0.1, 4, 0.9, 20);
  Stroke back = Line(4, 0.9, 1, 0.5, 15);
  Stroke again = Line(1, 0.5, 6, 0.2, 25);
  s.points.insert(s.points.end(), back.points.begin() + 1, back.points.end());
  s.points.insert(s.points.end(), again.points.begin() + 1, again.points.end());
  const Events events = Interpret(StrokeScore({s}));
  REQUIRE(events.gestures.size() == 3);
  for (const GestureEvent& g : events.gestures) CheckStrictlyIncreasing(g);
  // Sorted by start: the first part (0..4), then the backward part played forward (1..4),
  // then 1..6.
  CHECK(events.gestures[0].StartBeat() == doctest::Approx(0));
  CHECK(events.gestures[0].EndBeat() == doctest::Approx(4));
  CHECK(events.gestures[1].StartBeat() == doctest::Approx(1));
  CHECK(events.gestures[2].StartBeat() == doctest::Approx(1));
  // One of the parts starting at beat 1 is the reversed one: it rises from 0.5 to 0.9.
  int reversed = 0;
  for (int i = 1; i <= 2; ++i) {
    const GestureEvent& g = events.gestures[static_cast<size_t>(i)];
    if (g.EndBeat() == doctest::Approx(4)) {
      ++reversed;
      CHECK(g.points.front().pitch < g.points.back().pitch);
    } else {
      CHECK(g.EndBeat() == doctest::Approx(6));
    }
  }
  CHECK(reversed == 1);
  // Each shadow note lies within its own gesture.
  for (const NoteEvent& n : events.notes) {
    REQUIRE(n.gesture >= 0);
    const GestureEvent& g = events.gestures[static_cast<size_t>(n.gesture)];
    CHECK(n.start_beat >= std::floor(g.StartBeat() / 0.5) * 0.5 - 1e-9);
    CHECK(n.start_beat + n.duration_beats <= std::ceil(g.EndBeat() / 0.5) * 0.5 + 1e-9);
  }
}

TEST_CASE("hand jitter backwards is not a turn") {
  Stroke s = Line(0, 0.3, 4, 0.6, 41);
  for (size_t i = 5; i < s.points.size(); i += 7) s.points[i].beat -= 0.03;  // tiny wobbles back
  const Events events = Interpret(StrokeScore({s}));
  REQUIRE(events.gestures.size() == 1);
  CheckStrictlyIncreasing(events.gestures[0]);
  CHECK(interpret::SplitForward(s.points, 0.5).size() == 1);
}

TEST_CASE("vertical moves and repeated beats keep gesture beats strictly increasing") {
  Stroke s;
  s.color = kGreen;
  s.points = {{1, 0.2, 1}, {1, 0.4, 1}, {1, 0.6, 1}, {2, 0.6, 1}, {2, 0.1, 1}, {3, 0.1, 1}};
  const Events events = Interpret(StrokeScore({s}));
  REQUIRE(events.gestures.size() == 1);
  CheckStrictlyIncreasing(events.gestures[0]);
  CHECK(events.gestures[0].instrument == kGreenFlute);
}

TEST_CASE(
    "colour picks the instrument by nearest palette colour; width and pressure set loudness") {
  Stroke reddish = Line(0, 0.5, 2, 0.5, 5, Color{200, 60, 50, 255});
  Stroke bluish = Line(0, 0.5, 2, 0.5, 5, Color{60, 80, 200, 255});
  const Events events = Interpret(StrokeScore({reddish, bluish}));
  REQUIRE(events.gestures.size() == 2);
  CHECK(events.gestures[0].instrument == kRedPluck);
  CHECK(events.gestures[1].instrument == kBluePad);

  CHECK(interpret::StrokeLoudness(1.0f, 0.04f) == doctest::Approx(1.0f));
  CHECK(interpret::StrokeLoudness(1.0f, 0.01f) < interpret::StrokeLoudness(1.0f, 0.03f));
  CHECK(interpret::StrokeLoudness(0.2f, 0.02f) < interpret::StrokeLoudness(0.9f, 0.02f));
  CHECK(interpret::StrokeLoudness(0.0f, 0.0f) > 0.0f);  // a light touch is still heard
  Stroke light = Line(0, 0.5, 2, 0.5, 5);
  for (StrokePoint& p : light.points) p.pressure = 0.1f;
  light.width = 0.005f;
  const Events quiet = Interpret(StrokeScore({light}));
  REQUIRE(quiet.gestures.size() == 1);
  CHECK(quiet.gestures[0].points[0].loudness < events.gestures[0].points[0].loudness);
}

TEST_CASE("non-finite stroke points are ignored, not fatal") {
  Stroke s = Line(0, 0.2, 2, 0.8, 5);
  s.points[2].beat = std::nan("");
  s.points[3].height = INFINITY;
  const Events events = Interpret(StrokeScore({s, Stroke{}}));
  REQUIRE(events.gestures.size() == 1);
  CheckStrictlyIncreasing(events.gestures[0]);
}
