// Notes mode: staircase, diagonal, colour bands, paper and paintings, specks, polyphony.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>

#include "core/pitch.h"
#include "interpret/interpret.h"
#include "test_scores.h"

using namespace graphony;
using namespace graphony::test;

namespace {

// The sounding notes as the picture's melody: re-strikes of one held note (same pitch and
// instrument, back to back) merged, and the closing root that the last bar adds under a
// higher final note left out (musical_shape.h; tested on its own in shape_test.cpp).
std::vector<NoteEvent> Sounding(const Events& events, int root = 60) {
  std::vector<NoteEvent> out;
  for (const NoteEvent& n : events.notes) {
    if (!n.sounding) continue;
    bool merged = false;
    for (NoteEvent& o : out)
      if (o.instrument == n.instrument && o.pitch == n.pitch &&
          std::abs(o.start_beat + o.duration_beats - n.start_beat) < 1e-9) {
        o.duration_beats += n.duration_beats;
        merged = true;
        break;
      }
    if (!merged) out.push_back(n);
  }
  std::vector<NoteEvent> melody;
  for (const NoteEvent& n : out) {
    bool closing_root = false;
    if (((n.quantised_pitch - root) % 12 + 12) % 12 == 0)
      for (const NoteEvent& o : out)
        if (&o != &n && o.quantised_pitch > n.quantised_pitch &&
            o.start_beat <= n.start_beat + 1e-9 &&
            o.start_beat + o.duration_beats >= n.start_beat + n.duration_beats - 1e-9)
          closing_root = true;
    if (!closing_root) melody.push_back(n);
  }
  return melody;
}

void CheckStaircase(const Events& events, int instrument) {
  const std::vector<int> expected = {60, 62, 64, 65, 67, 69, 71, 72};  // C4 D4 E4 F4 G4 A4 B4 C5
  const std::vector<NoteEvent> notes = Sounding(events);
  REQUIRE(notes.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(notes[i].pitch == expected[i]);
    CHECK(notes[i].quantised_pitch == expected[i]);
    CHECK(notes[i].start_beat == doctest::Approx(static_cast<double>(i)));
    CHECK(notes[i].duration_beats == doctest::Approx(1.0));
    CHECK(notes[i].instrument == instrument);
    CHECK(notes[i].layer == 0);
    CHECK(notes[i].velocity > 0.3f);
    CHECK(notes[i].velocity <= 1.0f);
    CHECK(std::abs(notes[i].pan) <= 0.3f);
  }
  CHECK(events.banks.empty());
  CHECK(events.gestures.empty());
}

}  // namespace

TEST_CASE("staircase on black gives exactly C4 D4 E4 F4 G4 A4 B4 C5, one beat each") {
  // Sizes with exact, fractional and uneven block edges, and ones larger than the working grid.
  const std::pair<int, int> sizes[] = {{800, 800}, {1000, 1000}, {333, 97},   {64, 64},
                                       {8, 8},     {1600, 120},  {4000, 2000}};
  for (auto [w, h] : sizes) {
    CAPTURE(w);
    CAPTURE(h);
    CheckStaircase(Interpret(ImageScore(Staircase(w, h, 8, kBlack, kWhite), ImageMode::kNotes)),
                   kWhiteBell);
  }
}

TEST_CASE("staircase holds for any grid no coarser than a beat") {
  for (double grid : {1.0, 0.5, 0.25, 1.0 / 3, 0.125}) {
    CAPTURE(grid);
    Score score = ImageScore(Staircase(640, 480, 8, kBlack, kWhite), ImageMode::kNotes);
    score.mapping.grid = grid;
    CheckStaircase(Interpret(score), kWhiteBell);
  }
}

TEST_CASE("staircase drawn in black on white paper gives the same notes, played by black") {
  CheckStaircase(Interpret(ImageScore(Staircase(720, 540, 8, kWhite, kBlack), ImageMode::kNotes)),
                 kBlackBass);
}

TEST_CASE("staircase painted in red on black is played by the red instrument") {
  CheckStaircase(Interpret(ImageScore(Staircase(500, 500, 8, kBlack, kRed), ImageMode::kNotes)),
                 kRedPluck);
}

TEST_CASE("image layer placement: start, length, bottom and top") {
  Score score = BaseScore();
  score.length_beats = 16;
  Layer layer = ImageLayerOf(Staircase(400, 400, 4, kBlack, kWhite), ImageMode::kNotes, 4, 8);
  layer.image.bottom = 0.5;  // the image covers the upper half of the range: G4 A4 B4 C5
  layer.image.top = 1.0;
  score.layers.push_back(layer);
  const std::vector<NoteEvent> notes = Sounding(Interpret(score));
  REQUIRE(notes.size() == 4);
  const int expected[] = {67, 69, 71, 72};
  for (size_t i = 0; i < 4; ++i) {
    CHECK(notes[i].pitch == expected[i]);
    CHECK(notes[i].start_beat == doctest::Approx(4.0 + 2.0 * static_cast<double>(i)));
    CHECK(notes[i].duration_beats == doctest::Approx(2.0));
  }
}

TEST_CASE("a rising diagonal gives a rising melody from the lowest to the highest note") {
  Score score = BaseScore();
  score.mapping.scale = "major-pentatonic";
  score.mapping.lowest = 55;
  score.mapping.highest = 79;
  score.length_beats = 16;
  Image image = MakeImage(1200, 600, kBlack);
  for (int x = 0; x < 1200; ++x) {
    const int y = 599 - x * 600 / 1200;
    FillRect(image, x, y - 12, x + 1, y + 12, kYellow);
  }
  score.layers.push_back(ImageLayerOf(image, ImageMode::kNotes, 0, 16));
  const std::vector<NoteEvent> notes = Sounding(Interpret(score));
  const std::vector<int> scale = ScaleNotesInRange(score.mapping);
  REQUIRE(notes.size() >= scale.size() - 2);
  for (size_t i = 1; i < notes.size(); ++i) {
    CHECK(notes[i].pitch > notes[i - 1].pitch);  // strictly rising
    CHECK(notes[i].start_beat ==
          doctest::Approx(notes[i - 1].start_beat + notes[i - 1].duration_beats));
  }
  CHECK(notes.front().pitch == scale.front());
  CHECK(notes.back().pitch == scale.back());
  CHECK(notes.front().start_beat == doctest::Approx(0));
  CHECK(notes.back().start_beat + notes.back().duration_beats == doctest::Approx(16));
  for (const NoteEvent& n : notes) CHECK(n.instrument == kYellowMarimba);
}

TEST_CASE("two colour bands give two instruments, the higher band the higher note") {
  Image image = MakeImage(900, 600, kBlack);
  FillRect(image, 0, 100, 900, 180, kRed);   // upper band
  FillRect(image, 0, 420, 900, 500, kBlue);  // lower band
  const std::vector<NoteEvent> notes = Sounding(Interpret(ImageScore(image, ImageMode::kNotes)));
  REQUIRE(notes.size() == 2);
  const NoteEvent& low = notes[0].pitch < notes[1].pitch ? notes[0] : notes[1];
  const NoteEvent& high = notes[0].pitch < notes[1].pitch ? notes[1] : notes[0];
  CHECK(low.instrument == kBluePad);
  CHECK(high.instrument == kRedPluck);
  for (const NoteEvent* n : {&low, &high}) {
    CHECK(n->start_beat == doctest::Approx(0));
    CHECK(n->duration_beats == doctest::Approx(8));
  }
  // Height centre of the red band is 1 - 140/600 = 0.767 -> band 6 of 8 (B4); blue 0.233 -> D4.
  CHECK(high.pitch == 71);
  CHECK(low.pitch == 62);
}

TEST_CASE("touching colour bands still split into their colours") {
  Image image = MakeImage(600, 600, kBlack);  // two thirds black: shapes on a ground
  FillRect(image, 0, 200, 600, 300, kRed);
  FillRect(image, 0, 300, 600, 400, kBlue);  // touches the red band
  std::set<int> instruments;
  for (const NoteEvent& n : Sounding(Interpret(ImageScore(image, ImageMode::kNotes))))
    instruments.insert(n.instrument);
  CHECK(instruments == std::set<int>{kRedPluck, kBluePad});
}

TEST_CASE("a thin pen drawing on white paper sounds, played by the ink colour") {
  // A 2-pixel black pen line on a 3000x1500 sheet: far thinner than one working cell.
  Image image = MakeImage(3000, 1500, kWhite);
  for (int x = 300; x < 2700; ++x) {
    const int y = 1200 - (x - 300) * 900 / 2400;
    FillRect(image, x, y, x + 1, y + 2, kBlack);
  }
  const std::vector<NoteEvent> notes = Sounding(Interpret(ImageScore(image, ImageMode::kNotes)));
  REQUIRE(notes.size() >= 3);
  for (const NoteEvent& n : notes) CHECK(n.instrument == kBlackBass);
  CHECK(notes.front().start_beat ==
        doctest::Approx(1.0).epsilon(0.3));  // x = 300 of 3000 -> beat 0.8
  for (size_t i = 1; i < notes.size(); ++i) CHECK(notes[i].pitch > notes[i - 1].pitch);
  const double thin_velocity = notes.front().velocity;
  // A thick stroke of the same ink is louder: size sets loudness.
  Image thick = MakeImage(3000, 1500, kWhite);
  FillRect(thick, 300, 600, 2700, 780, kBlack);
  const std::vector<NoteEvent> loud = Sounding(Interpret(ImageScore(thick, ImageMode::kNotes)));
  REQUIRE(loud.size() == 1);
  CHECK(loud[0].velocity > thin_velocity + 0.1);
}

TEST_CASE("a painting on black: the coloured shapes sound, the black does not") {
  Image image = MakeImage(800, 400, kBlack);
  FillRect(image, 100, 50, 300, 150, kYellow);  // high, early
  FillRect(image, 400, 250, 600, 350, kGreen);  // low, later (a rest under 1.5 beats between)
  const std::vector<NoteEvent> notes = Sounding(Interpret(ImageScore(image, ImageMode::kNotes)));
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].instrument == kYellowMarimba);
  CHECK(notes[0].start_beat == doctest::Approx(1.0));
  CHECK(notes[0].duration_beats == doctest::Approx(2.0));
  CHECK(notes[1].instrument == kGreenFlute);
  CHECK(notes[1].start_beat == doctest::Approx(4.0));
  CHECK(notes[0].pitch > notes[1].pitch);
  // Saturated colour is louder than grey of the same size.
  Image grey = MakeImage(800, 400, kBlack);
  FillRect(grey, 100, 50, 300, 150, Color{200, 200, 200, 255});
  const std::vector<NoteEvent> grey_notes =
      Sounding(Interpret(ImageScore(grey, ImageMode::kNotes)));
  REQUIRE(grey_notes.size() == 1);
  CHECK(notes[0].velocity > grey_notes[0].velocity);
}

TEST_CASE("specks are ignored") {
  Image image = MakeImage(1024, 1024, kBlack);
  for (int i = 0; i < 40; ++i) SetPixel(image, 37 + i * 23, 41 + (i * 97) % 900, kWhite);  // dust
  FillRect(image, 3, 500, 5, 502, kRed);  // a 2x2 fleck
  CHECK(Interpret(ImageScore(image, ImageMode::kNotes)).notes.empty());
  FillRect(image, 512, 0, 640, 128, kWhite);  // one real block still sounds, alone
  const Events events = Interpret(ImageScore(image, ImageMode::kNotes));
  REQUIRE(events.notes.size() == 1);
  CHECK(events.notes[0].start_beat == doctest::Approx(4.0));
  CHECK(events.notes[0].pitch == 72);
}

TEST_CASE("noise images give bounded polyphony per instrument") {
  // Deterministic pseudo-random coloured blocks, heavily overlapping in time.
  uint32_t state = 12345;
  auto next = [&]() { return (state = state * 1664525u + 1013904223u) >> 8; };
  const Color colours[] = {kWhite, kRed, kBlue, kYellow, kGreen};
  Image image = MakeImage(1000, 1000, kBlack);
  for (int i = 0; i < 400; ++i) {
    const int x = static_cast<int>(next() % 960), y = static_cast<int>(next() % 980);
    FillRect(image, x, y, x + 10 + static_cast<int>(next() % 60),
             y + 6 + static_cast<int>(next() % 14), colours[next() % 5]);
  }
  // Fine pixel noise too: every pixel a random colour.
  Image fine = MakeImage(300, 200, kBlack);
  for (int y = 0; y < 200; ++y)
    for (int x = 0; x < 300; ++x) SetPixel(fine, x, y, colours[next() % 5]);

  for (const Image* img : {&image, &fine}) {
    for (int limit : {1, 3, 5}) {
      CAPTURE(limit);
      Score score = ImageScore(*img, ImageMode::kNotes);
      score.mapping.max_polyphony = limit;
      const Events events = Interpret(score);
      REQUIRE_FALSE(events.notes.empty());
      const std::map<int, int> peak = PeakPolyphony(events, score.mapping.grid);
      int highest = 0;
      for (const auto& [instrument, count] : peak) {
        CHECK(count <= limit);
        highest = std::max(highest, count);
      }
      if (img == &image) CHECK(highest == limit);  // the limit is what binds, not a lack of notes
      for (const NoteEvent& n : events.notes) {
        // On the grid, in the scale, inside the layer.
        CHECK(std::abs(n.start_beat / 0.5 - std::round(n.start_beat / 0.5)) < 1e-9);
        CHECK(std::abs(n.duration_beats / 0.5 - std::round(n.duration_beats / 0.5)) < 1e-9);
        CHECK(n.pitch == SnapToScale(score.mapping, n.pitch));
        CHECK(n.start_beat >= 0);
        CHECK(n.start_beat + n.duration_beats <= 8.0 + 1e-9);
      }
    }
  }
}

TEST_CASE("blank images are silence, not an error") {
  for (Color c : {kBlack, kWhite, Color{128, 100, 90, 255}, Color{0, 0, 0, 0}}) {
    for (ImageMode mode : {ImageMode::kNotes, ImageMode::kScan}) {
      const Events events = Interpret(ImageScore(MakeImage(300, 200, c), mode));
      CHECK(events.notes.empty());
      CHECK(events.banks.empty());
      CHECK(events.gestures.empty());
    }
  }
}

TEST_CASE("1x1 and 20000x10 images work in both modes") {
  for (ImageMode mode : {ImageMode::kNotes, ImageMode::kScan}) {
    const Events tiny = Interpret(ImageScore(MakeImage(1, 1, kRed), mode));
    CHECK(tiny.notes.empty());  // a single pixel is its own background
    CHECK(tiny.banks.empty());
  }
  Image wide = MakeImage(20000, 10, kBlack);
  FillRect(wide, 5000, 3, 15000, 5, kWhite);  // rows 3-4: height 0.6, beats 2..6
  const std::vector<NoteEvent> notes = Sounding(Interpret(ImageScore(wide, ImageMode::kNotes)));
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].start_beat == doctest::Approx(2.0));
  CHECK(notes[0].duration_beats == doctest::Approx(4.0));
  CHECK(notes[0].pitch == 67);  // height 0.6 -> band 4 of 8: G4
  const Events scan = Interpret(ImageScore(wide, ImageMode::kScan));
  REQUIRE(scan.banks.size() == 1);
  CHECK(scan.banks[0].rows.size() >= 1);
}

TEST_CASE("every scale: a staircase with one step per scale note plays the scale") {
  for (const std::string& name : KnownScaleNames()) {
    if (name == "none") continue;
    CAPTURE(name);
    Score score = BaseScore();
    score.mapping.scale = name;
    score.mapping.custom_intervals = {3, 4, 5};  // used by "custom": C Eb G
    score.mapping.root = 62;                     // D: not the range's bottom note
    score.mapping.lowest = 57;
    score.mapping.highest = 81;
    const std::vector<int> scale = ScaleNotesInRange(score.mapping);
    REQUIRE(scale.size() >= 3);
    const int steps = static_cast<int>(scale.size());
    score.length_beats = steps;
    score.layers.push_back(ImageLayerOf(Staircase(steps * 40, steps * 30, steps, kBlack, kWhite),
                                        ImageMode::kNotes, 0, steps));
    const std::vector<NoteEvent> notes = Sounding(Interpret(score), score.mapping.root);
    REQUIRE(notes.size() == scale.size());
    for (size_t i = 0; i < scale.size(); ++i) {
      CHECK(notes[i].pitch == scale[i]);
      CHECK(notes[i].start_beat == doctest::Approx(static_cast<double>(i)));
    }
  }
}

TEST_CASE("scale none in notes mode keeps exact heights but prints rounded pitches") {
  Score score = BaseScore();
  score.mapping.scale = "none";
  Image image = MakeImage(800, 1200, kBlack);
  FillRect(image, 0, 500, 400, 520, kWhite);  // centre height 1 - 510/1200 = 0.575
  score.layers.push_back(ImageLayerOf(image, ImageMode::kNotes, 0, 8));
  const std::vector<NoteEvent> notes = Sounding(Interpret(score));
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].pitch == doctest::Approx(60 + 12 * 0.575).epsilon(0.002));
  CHECK(notes[0].quantised_pitch == 67);
}

TEST_CASE("one shape with two arms plays two voices at once") {
  // A "⊏" drawn in one colour: a short upright joins a high arm and a low arm. It is one
  // region, yet while both arms run it sounds as two simultaneous notes, high and low.
  Image image = MakeImage(800, 800, kBlack);
  FillRect(image, 100, 100, 130, 700, kGreen);  // upright, beats 1.0..1.3
  FillRect(image, 100, 100, 700, 150, kGreen);  // high arm, to beat 7
  FillRect(image, 100, 650, 700, 700, kGreen);  // low arm, to beat 7
  const Events events = Interpret(ImageScore(image, ImageMode::kNotes));
  // Arm heights 1 - 125/800 = 0.844 and 0.156 -> bands 6 and 1 of 8: B4 and D4.
  const NoteEvent* high = nullptr;
  const NoteEvent* low = nullptr;
  for (const NoteEvent& n : events.notes) {
    CHECK(n.instrument == kGreenFlute);
    if (n.pitch == 71) high = &n;
    if (n.pitch == 62) low = &n;
  }
  REQUIRE(high != nullptr);
  REQUIRE(low != nullptr);
  CHECK(high->start_beat == low->start_beat);
  CHECK(high->duration_beats == low->duration_beats);
  CHECK(high->start_beat + high->duration_beats == doctest::Approx(7.0));
  CHECK(high->duration_beats >= 5.5);
}
