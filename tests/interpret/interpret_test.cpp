// Whole-score behaviour: determinism, muting, ordering, instruments, colour basics.
#include "interpret/interpret.h"

#include <doctest/doctest.h>

#include <cmath>

#include "core/pitch.h"
#include "interpret/colour.h"
#include "interpret/foreground.h"
#include "interpret/scale_lookup.h"
#include "test_scores.h"

using namespace graphony;
using namespace graphony::test;

namespace {

Score MixedScore() {
  Score score = BaseScore();
  score.length_beats = 16;
  uint32_t state = 99;
  auto next = [&]() { return (state = state * 1664525u + 1013904223u) >> 8; };
  Image painting = MakeImage(640, 480, kBlack);
  const Color colours[] = {kWhite, kRed, kBlue, kYellow, kGreen};
  for (int i = 0; i < 120; ++i) {
    const int x = static_cast<int>(next() % 600), y = static_cast<int>(next() % 450);
    FillRect(painting, x, y, x + 5 + static_cast<int>(next() % 40),
             y + 5 + static_cast<int>(next() % 30), colours[next() % 5]);
  }
  score.layers.push_back(ImageLayerOf(painting, ImageMode::kNotes, 0, 16));
  score.layers.push_back(ImageLayerOf(painting, ImageMode::kScan, 8, 8));
  Layer strokes;
  strokes.kind = Layer::Kind::kStrokes;
  for (int k = 0; k < 6; ++k) {
    Stroke s;
    s.color = colours[k % 5];
    s.contributor = "c" + std::to_string(k);
    for (int i = 0; i < 30; ++i)
      s.points.push_back({k * 2.0 + i * 0.1 - (i > 20 ? (i - 20) * 0.25 : 0),
                          0.5 + 0.4 * std::sin(i * 0.3 + k),
                          static_cast<float>(0.5 + 0.5 * std::cos(i * 0.2))});
    strokes.strokes.strokes.push_back(s);
  }
  score.layers.push_back(strokes);
  return score;
}

}  // namespace

TEST_CASE("deterministic: the same score gives identical events") {
  const Score score = MixedScore();
  const Events first = Interpret(score);
  REQUIRE_FALSE(first.notes.empty());
  REQUIRE_FALSE(first.gestures.empty());
  REQUIRE(first.banks.size() == 1);
  for (int i = 0; i < 3; ++i) CHECK((first == Interpret(score)));
  const Score copy = score;  // a copy, with freshly allocated vectors, too
  CHECK((first == Interpret(copy)));
}

TEST_CASE("notes are sorted by start then pitch; gestures by start; indices are consistent") {
  const Events events = Interpret(MixedScore());
  for (size_t i = 1; i < events.notes.size(); ++i) {
    const NoteEvent& a = events.notes[i - 1];
    const NoteEvent& b = events.notes[i];
    CHECK((a.start_beat < b.start_beat || (a.start_beat == b.start_beat && a.pitch <= b.pitch)));
  }
  for (size_t i = 1; i < events.gestures.size(); ++i)
    CHECK(events.gestures[i - 1].StartBeat() <= events.gestures[i].StartBeat());
  for (const NoteEvent& n : events.notes) {
    CHECK(n.instrument >= 0);
    CHECK(n.instrument < static_cast<int>(events.instruments.size()));
    if (!n.sounding) {
      REQUIRE(n.gesture >= 0);
      REQUIRE(n.gesture < static_cast<int>(events.gestures.size()));
      CHECK(events.gestures[static_cast<size_t>(n.gesture)].layer == n.layer);
      CHECK(events.gestures[static_cast<size_t>(n.gesture)].contributor == n.contributor);
    }
  }
  CHECK(events.tempo_bpm == 60);
  CHECK(events.length_beats >= 16);
}

TEST_CASE("muted layers are silent; hidden layers still sound") {
  Score score = MixedScore();
  for (Layer& l : score.layers) l.visible = false;
  const Events hidden = Interpret(score);
  CHECK((hidden == Interpret(MixedScore())));
  for (Layer& l : score.layers) l.muted = true;
  const Events muted = Interpret(score);
  CHECK(muted.notes.empty());
  CHECK(muted.gestures.empty());
  CHECK(muted.banks.empty());
}

TEST_CASE("instruments come from the palette, in palette order; empty palette -> one default") {
  const Events events = Interpret(MixedScore());
  REQUIRE(events.instruments.size() == TestPalette().size());
  CHECK(events.instruments[kRedPluck].name == "pluck");
  CHECK(events.instruments[kBluePad].display_name == "Warm pad");
  CHECK(events.instruments[kRedPluck].r == kRed.r);
  Score score = ImageScore(Staircase(400, 400, 8, kBlack, kRed), ImageMode::kNotes);
  score.palette.clear();
  const Events plain = Interpret(score);
  REQUIRE(plain.instruments.size() == 1);
  CHECK(plain.instruments[0].name == "sine");
  CHECK(plain.notes.size() == 8);
  for (const NoteEvent& n : plain.notes) CHECK(n.instrument == 0);
}

TEST_CASE("image layers without pixels or with broken buffers are skipped") {
  Score score = ImageScore(MakeImage(10, 10, kWhite), ImageMode::kNotes);
  score.layers[0].image.pixels = nullptr;
  CHECK(Interpret(score).notes.empty());
  Image broken = MakeImage(10, 10, kWhite);
  broken.rgba.resize(12);  // claims 10x10, holds 3 pixels
  for (ImageMode mode : {ImageMode::kNotes, ImageMode::kScan}) {
    Score s = ImageScore(broken, mode);
    const Events e = Interpret(s);
    CHECK(e.notes.empty());
    CHECK(e.banks.empty());
  }
  Score zero = ImageScore(Staircase(100, 100, 8, kBlack, kWhite), ImageMode::kNotes);
  zero.layers[0].image.length_beats = 0;
  CHECK(Interpret(zero).notes.empty());
  zero.mapping.grid = -1;  // a broken grid falls back to 0.5 instead of dividing by zero
  zero.layers[0].image.length_beats = 8;
  CHECK(Interpret(zero).notes.size() == 8);
}

TEST_CASE("OKLab and background detection") {
  using namespace interpret;
  const Lab white = ColorToOklab(kWhite), black = ColorToOklab(kBlack);
  CHECK(white.L == doctest::Approx(1.0).epsilon(0.001));
  CHECK(black.L == doctest::Approx(0.0));
  CHECK(Chroma(white) < 0.001f);
  CHECK(Chroma(ColorToOklab(kRed)) > 0.15f);
  // Reference: sRGB (255,0,0) is OKLab (0.627955, 0.224863, 0.125846).
  const Lab red = ColorToOklab(Color{255, 0, 0, 255});
  CHECK(red.L == doctest::Approx(0.627955).epsilon(0.0005));
  CHECK(red.a == doctest::Approx(0.224863).epsilon(0.0005));
  CHECK(red.b == doctest::Approx(0.125846).epsilon(0.0005));

  Image paper = MakeImage(100, 60, Color{250, 248, 240, 255});
  FillRect(paper, 0, 0, 30, 60, kBlack);  // a big dark shape touching the border
  const Background bg = DetectBackground(paper);
  CHECK_FALSE(bg.transparent);
  CHECK(LabDistance(bg.lab, ColorToOklab(Color{250, 248, 240, 255})) < 0.01f);
  Image clear = MakeImage(50, 50, Color{0, 0, 0, 0});
  FillRect(clear, 10, 10, 40, 40, kWhite);
  CHECK(DetectBackground(clear).transparent);

  // On transparent sheets, opaque paint of any colour sounds.
  Score score = ImageScore(clear, ImageMode::kNotes);
  CHECK(Interpret(score).notes.size() >= 1);

  // Unmixing: light grey on white is a faint black mark, not a white one.
  PaletteMatcher palette(TestPalette());
  const LinearRgb grey = ToLinear(Color{200, 200, 200, 255});
  CHECK(palette.Unmixed(grey, ColorToOklab(Color{200, 200, 200, 255}), ToLinear(kWhite)) ==
        kBlackBass);
  CHECK(palette.Nearest(ColorToOklab(Color{200, 200, 200, 255})) == kWhiteBell);
}

TEST_CASE("hostile numbers in a score never crash or produce NaN") {
  for (ImageMode mode : {ImageMode::kNotes, ImageMode::kScan}) {
    Score score = ImageScore(Staircase(300, 200, 8, kBlack, kWhite), mode);
    score.layers[0].image.opacity = std::nanf("");
    CHECK(Interpret(score).notes.empty());
    score.layers[0].image.opacity = 1;
    score.layers[0].image.bottom = 1;  // upside down
    score.layers[0].image.top = 0;
    score.layers[0].image.rows = -7;
    score.mapping.lowest = std::nan("");
    score.mapping.highest = -40;
    score.mapping.root = 500;
    score.mapping.max_polyphony = -2;
    score.mapping.custom_intervals = {-3, 0, 40};
    score.mapping.scale = "custom";
    const Events events = Interpret(score);
    for (const NoteEvent& n : events.notes) {
      CHECK(std::isfinite(n.pitch));
      CHECK(std::isfinite(n.velocity));
      CHECK(std::isfinite(n.start_beat));
      CHECK(n.pitch >= 0);
      CHECK(n.pitch <= 127);
    }
    for (const PartialBank& b : events.banks)
      for (const PartialRow& r : b.rows) CHECK(std::isfinite(r.frequency_hz));
  }
  // Upside down really is upside down: the staircase descends.
  Score flipped = ImageScore(Staircase(300, 200, 8, kBlack, kWhite), ImageMode::kNotes);
  flipped.layers[0].image.bottom = 1;
  flipped.layers[0].image.top = 0;
  const Events down = Interpret(flipped);
  REQUIRE(down.notes.size() == 8);
  for (size_t i = 1; i < 8; ++i) CHECK(down.notes[i].pitch < down.notes[i - 1].pitch);
}

TEST_CASE("InterpretCache: identical events, pictures analysed once while strokes change") {
  InterpretCache cache;
  Score score = MixedScore();  // two image layers (notes, scan) and a stroke layer
  CHECK((Interpret(score, &cache) == Interpret(score)));
  CHECK(cache.misses() == 2);
  CHECK(cache.hits() == 0);
  // Drawing another stroke re-uses both pictures.
  Stroke s;
  s.color = kRed;
  s.points = {{1, 0.2, 1}, {3, 0.7, 1}};
  score.layers[2].strokes.strokes.push_back(s);
  CHECK((Interpret(score, &cache) == Interpret(score)));
  CHECK(cache.hits() == 2);
  CHECK(cache.misses() == 2);
  // Moving a picture, or changing the mapping, analyses it again.
  score.layers[0].image.start_beat = 2;
  CHECK((Interpret(score, &cache) == Interpret(score)));
  CHECK(cache.misses() == 3);
  score.mapping.scale = "dorian";
  CHECK((Interpret(score, &cache) == Interpret(score)));
  CHECK(cache.misses() == 5);
  // Reordering layers keeps layer indices right.
  std::swap(score.layers[0], score.layers[2]);
  const Events reordered = Interpret(score, &cache);
  CHECK((reordered == Interpret(score)));
  CHECK(cache.misses() == 5);
  // Replacing the picture's pixels (even with equal content) is a new picture.
  score.layers[2].image.pixels = std::make_shared<const Image>(*score.layers[2].image.pixels);
  CHECK((Interpret(score, &cache) == Interpret(score)));
  CHECK(cache.misses() == 6);
}
