// Paintings with known answers: a bright disc is heard where and as what it is, blur calms the
// rhythm, the last bar closes on the root, no long holes, the picture's own palette.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "interpret/instrument_decay.h"
#include "interpret/interpret.h"
#include "interpret/picture_palette.h"
#include "test_scores.h"

using namespace graphony;
using namespace graphony::test;

namespace {

// A dark painting filling the canvas: a blue-black wash with busy 3x3 dabs of varying
// brightness (fixed-seed LCG, so every run sees the same brushwork).
Image TexturedDark(int w, int h) {
  Image image = MakeImage(w, h, Color{20, 24, 44, 255});
  uint32_t state = 77;
  auto next = [&]() { return (state = state * 1664525u + 1013904223u) >> 8; };
  for (int y = 0; y < h; y += 3)
    for (int x = 0; x < w; x += 3) {
      const int d = static_cast<int>(next() % 40);
      FillRect(image, x, y, x + 3, y + 3,
               Color{static_cast<uint8_t>(14 + d), static_cast<uint8_t>(18 + d),
                     static_cast<uint8_t>(40 + d), 255});
    }
  return image;
}

void Disc(Image& image, int cx, int cy, int r, Color c) {
  for (int y = cy - r; y <= cy + r; ++y)
    for (int x = cx - r; x <= cx + r; ++x)
      if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) SetPixel(image, x, y, c);
}

// Box blur of radius r (the same area, calmed).
Image Blurred(const Image& in, int x0, int x1, int r) {
  Image out = in;
  for (int y = 0; y < in.height; ++y)
    for (int x = x0; x < x1; ++x) {
      int sum[3] = {0, 0, 0}, n = 0;
      for (int dy = -r; dy <= r; ++dy)
        for (int dx = -r; dx <= r; ++dx) {
          const int sx = std::clamp(x + dx, 0, in.width - 1),
                    sy = std::clamp(y + dy, 0, in.height - 1);
          const Color c = in.At(sx, sy);
          sum[0] += c.r;
          sum[1] += c.g;
          sum[2] += c.b;
          ++n;
        }
      SetPixel(out, x, y,
               Color{static_cast<uint8_t>(sum[0] / n), static_cast<uint8_t>(sum[1] / n),
                     static_cast<uint8_t>(sum[2] / n), 255});
    }
  return out;
}

int OnsetsBetween(const Events& e, double a, double b) {
  int n = 0;
  for (const NoteEvent& note : e.notes)
    if (note.sounding && note.start_beat >= a && note.start_beat < b) ++n;
  return n;
}

// Longest stretch in [from, to) where no note is audibly sounding (a decaying instrument is
// heard only for its audible time), in beats.
double LongestHole(const Events& e, double from, double to, double tempo) {
  double longest = 0, t = from;
  std::vector<std::pair<double, double>> spans;
  for (const NoteEvent& n : e.notes) {
    if (!n.sounding) continue;
    const double audible =
        interpret::AudibleSeconds(e.instruments[static_cast<size_t>(n.instrument)].name) * tempo /
        60;
    spans.push_back({n.start_beat, n.start_beat + (audible > 0 ? std::min(audible, n.duration_beats)
                                                               : n.duration_beats)});
  }
  std::sort(spans.begin(), spans.end());
  for (const auto& [s, end] : spans) {
    if (s > t) longest = std::max(longest, std::min(s, to) - t);
    t = std::max(t, end);
  }
  return std::max(longest, to - t);
}

}  // namespace

TEST_CASE(
    "a bright disc on a textured dark painting is a note of its colour at its time and height") {
  const int w = 640, h = 320;
  for (auto [fx, fy] : {std::pair{0.6, 0.7}, std::pair{0.25, 0.3}}) {
    CAPTURE(fx);
    CAPTURE(fy);
    Image image = TexturedDark(w, h);
    const int cx = static_cast<int>(fx * w), cy = static_cast<int>((1 - fy) * h), r = 20;
    Disc(image, cx, cy, r, kYellow);
    const Events events = Interpret(ImageScore(image, ImageMode::kNotes));
    const double t0 = 8.0 * (cx - r) / w, t1 = 8.0 * (cx + r) / w;
    // C major C4..C5 has 8 notes: the disc's centre height picks the band.
    const std::vector<int> scale = {60, 62, 64, 65, 67, 69, 71, 72};
    const int band = std::min(7, static_cast<int>(fy * 8));
    bool heard = false;
    for (const NoteEvent& n : events.notes) {
      const auto it = std::find(scale.begin(), scale.end(), n.quantised_pitch);
      if (it == scale.end() || n.instrument != kYellowMarimba) continue;
      if (n.start_beat >= t0 - 0.5 && n.start_beat <= t1 &&
          std::abs(static_cast<int>(it - scale.begin()) - band) <= 1)
        heard = true;
    }
    CHECK(heard);
    // And the wash around it is not played as yellow.
    for (const NoteEvent& n : events.notes)
      if (n.instrument == kYellowMarimba) CHECK(n.start_beat >= t0 - 1.0);
  }
}

TEST_CASE("blurring one half of a busy painting lowers that half's note count") {
  Score score = ImageScore(TexturedDark(640, 320), ImageMode::kNotes);
  const Events busy = Interpret(score);
  score.layers[0].image.pixels =
      std::make_shared<const Image>(Blurred(*score.layers[0].image.pixels, 0, 320, 8));
  const Events calm = Interpret(score);
  const int before = OnsetsBetween(busy, 0, 4), after = OnsetsBetween(calm, 0, 4);
  CAPTURE(before);
  CAPTURE(after);
  CHECK(before >= 1.5 * after);
  CHECK(after > 0);  // calm is a quiet bed, not silence
}

TEST_CASE("a drifting mass on white paper is one held note while its note stays inside it") {
  // A black mass four and a half bands tall sliding down eight bands across a white page (C3 to
  // C6), sharp and blurred. Its note holds while that note is still inside the mass and
  // re-anchors only when the mass has slid away from it, instead of a new note at every band
  // its centre crosses (eight or more).
  Image sharp = MakeImage(640, 320, kWhite);
  for (int x = 0; x < 640; ++x)
    FillRect(sharp, x, 60 + x * 116 / 640, x + 1, 125 + x * 116 / 640, kBlack);
  for (const Image& image : {sharp, Blurred(sharp, 0, 640, 10)}) {
    Score score = ImageScore(image, ImageMode::kNotes);
    score.mapping.lowest = 48;
    score.mapping.highest = 84;
    const Events events = Interpret(score);
    const int onsets = OnsetsBetween(events, 0, 7);  // (the last bar may add its closing root)
    CAPTURE(onsets);
    CHECK(onsets >= 2);
    CHECK(onsets <= 4);
    // The paper never sounds, however sharp the edge beside it: every note is the ink's.
    for (const NoteEvent& n : events.notes) CHECK(n.instrument == kBlackBass);
  }
}

TEST_CASE("the last bar ends on the root in the lowest voice") {
  Image descending =
      Staircase(800, 800, 8, kBlack, kWhite);  // mirrored: ends on C4? no: on the lowest block
  Image high_end = MakeImage(800, 400, kBlack);
  FillRect(high_end, 500, 60, 800, 120, kGreen);  // ends high, on A4 (not the root)
  for (const Image* image : {&high_end, &descending}) {
    Image flipped = *image;
    for (int y = 0; y < image->height; ++y)  // left-right mirror: the staircase descends to C4
      for (int x = 0; x < image->width; ++x)
        SetPixel(flipped, x, y, image->At(image->width - 1 - x, y));
    for (const Image* im : {image, static_cast<const Image*>(&flipped)}) {
      const Events events = Interpret(ImageScore(*im, ImageMode::kNotes));
      REQUIRE_FALSE(events.notes.empty());
      double end = 0;
      for (const NoteEvent& n : events.notes) end = std::max(end, n.start_beat + n.duration_beats);
      int lowest = 1000;
      for (const NoteEvent& n : events.notes)
        if (n.sounding && n.start_beat + n.duration_beats >= end - 1e-9)
          lowest = std::min(lowest, n.quantised_pitch);
      CAPTURE(lowest);
      CHECK(lowest % 12 == 0);  // C, the root of the test mapping
      // It closes softly: the last bar's notes are no louder than the first bar's loudest.
    }
  }
  // The staircase already ends on C5: nothing is added (it stays exactly C4..C5).
  const Events stairs =
      Interpret(ImageScore(Staircase(800, 800, 8, kBlack, kWhite), ImageMode::kNotes));
  CHECK(stairs.notes.size() == 8);
}

TEST_CASE("no hole longer than 2 beats over painted areas") {
  // A painting with a flat, calm stretch in the middle and a few features: the bed fills it.
  Image painting = TexturedDark(640, 320);
  FillRect(painting, 200, 0, 480, 320, Color{30, 34, 60, 255});
  Disc(painting, 100, 80, 15, kYellow);
  Disc(painting, 560, 240, 15, kWhite);
  // A drawing with a wide rest between two marks: the first mark carries on through it.
  Image drawing = MakeImage(800, 400, kWhite);
  FillRect(drawing, 0, 150, 200, 200, kBlack);
  FillRect(drawing, 600, 250, 800, 300, kRed);
  for (const Image* image : {&painting, &drawing}) {
    Score score = ImageScore(*image, ImageMode::kNotes);
    score.length_beats = 16;
    score.layers[0].image.length_beats = 16;
    const Events events = Interpret(score);
    CHECK(LongestHole(events, 0, 16, score.tempo_bpm) <= 2.0);
  }
}

TEST_CASE("the picture palette: dominant colours, background left out, instruments by character") {
  Image image = MakeImage(300, 200, kWhite);                    // white paper: left out
  FillRect(image, 0, 120, 300, 200, Color{30, 20, 15, 255});    // dark earth: bass
  FillRect(image, 20, 10, 120, 60, Color{40, 90, 220, 255});    // blue: flute
  FillRect(image, 180, 10, 280, 60, Color{250, 215, 60, 255});  // warm bright yellow: bells
  const std::vector<PaletteEntry> palette = interpret::PicturePalette(image);
  REQUIRE(palette.size() == 3);
  CHECK(palette[0].instrument == "bass");  // most area first
  std::vector<std::string> instruments;
  for (const PaletteEntry& e : palette) {
    instruments.push_back(e.instrument);
    CHECK_FALSE((e.color.r > 240 && e.color.g > 240 && e.color.b > 240));  // no paper white
  }
  CHECK(std::count(instruments.begin(), instruments.end(), "flute") == 1);
  CHECK(std::count(instruments.begin(), instruments.end(), "bell") == 1);
  // Painting more of a palette colour leaves the palette as it was.
  Image more = image;
  const Color blue = palette[1].instrument == "flute" ? palette[1].color : palette[2].color;
  Disc(more, 150, 150, 12, blue);
  CHECK(interpret::PicturePalette(more) == palette);
}

TEST_CASE("scan mode inside a painting: a bright column is an event, not part of a drone") {
  Image image = MakeImage(400, 200, kBlack);  // a calm night sky: a dark blue gradient
  for (int y = 0; y < 200; ++y)
    FillRect(image, 0, y, 400, y + 1,
             Color{static_cast<uint8_t>(20 + y / 10), static_cast<uint8_t>(30 + y / 8),
                   static_cast<uint8_t>(70 + y / 5), 255});
  FillRect(image, 200, 40, 210, 80, Color{240, 230, 200, 255});  // the moon, beats 4.0..4.2
  Score score = ImageScore(image, ImageMode::kScan);
  const Events events = Interpret(score);
  REQUIRE(events.banks.size() == 1);
  float at_moon = 0, elsewhere = 0;
  for (const PartialRow& row : events.banks[0].rows) {
    at_moon = std::max(at_moon, row.amplitude[204]);
    elsewhere = std::max(elsewhere, row.amplitude[100]);
  }
  CHECK(at_moon > 2.0f * elsewhere);
  CHECK(elsewhere > 0.0f);  // the wash still sounds, quietly
}
