// Scan mode: rows are partials at the right frequencies, columns are time, loudness is paint.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/pitch.h"
#include "interpret/interpret.h"
#include "interpret/resample.h"
#include "interpret/split_rows.h"
#include "test_scores.h"

using namespace graphony;
using namespace graphony::test;

namespace {

Score NoneScore(Image image) {
  Score score = ImageScore(std::move(image), ImageMode::kScan);
  score.mapping.scale = "none";
  score.mapping.lowest = 48;
  score.mapping.highest = 84;
  return score;
}

}  // namespace

TEST_CASE("scale none: N bright rows give N partials at their heights' frequencies") {
  const int height = 64;
  Image image = MakeImage(200, height, kBlack);
  const std::vector<int> bright = {3, 10, 11, 12, 30, 47, 60};  // includes adjacent rows
  for (int y : bright) FillRect(image, 0, y, 200, y + 1, kWhite);
  const Events events = Interpret(NoneScore(image));
  REQUIRE(events.banks.size() == 1);
  const PartialBank& bank = events.banks[0];
  REQUIRE(bank.rows.size() == bright.size());
  CHECK(bank.columns == 200);
  CHECK(bank.start_beat == 0);
  CHECK(bank.length_beats == 8);
  CHECK(bank.instrument == kWhiteBell);
  // Rows come out low to high: the bright rows from the bottom up.
  for (size_t k = 0; k < bright.size(); ++k) {
    const int y = bright[bright.size() - 1 - k];
    const double expected_hz = MidiToHz(48 + 36 * (1.0 - (y + 0.5) / height));
    CAPTURE(y);
    CHECK(bank.rows[k].frequency_hz == doctest::Approx(expected_hz).epsilon(1e-9));
    // Full strength everywhere but the gentle fade over the last beat (25 of 200 columns).
    CHECK(*std::min_element(bank.rows[k].amplitude.begin(), bank.rows[k].amplitude.end() - 25) ==
          doctest::Approx(1.0));
    CHECK(bank.rows[k].amplitude.back() < 0.3f);
    CHECK(std::abs(bank.rows[k].pan) <= 0.3f);
  }
}

TEST_CASE("scale none: every pixel row of a bright block is its own partial") {
  Image image = MakeImage(50, 300, kBlack);
  FillRect(image, 10, 100, 40, 220, kWhite);  // 120 contiguous bright rows
  const Events events = Interpret(NoneScore(image));
  REQUIRE(events.banks.size() == 1);
  CHECK(events.banks[0].rows.size() == 120);
  std::set<double> frequencies;
  for (const PartialRow& r : events.banks[0].rows) frequencies.insert(r.frequency_hz);
  CHECK(frequencies.size() == 120);
}

TEST_CASE("scan: columns are time, the paint's strength is loudness") {
  Image image = MakeImage(400, 100, kBlack);
  FillRect(image, 100, 40, 200, 60, kWhite);                  // full strength, beats 2..4
  FillRect(image, 300, 40, 400, 60, Color{40, 40, 40, 255});  // dim grey, beats 6..8
  const Events events = Interpret(NoneScore(image));
  REQUIRE(events.banks.size() == 1);
  const PartialBank& bank = events.banks[0];
  REQUIRE(bank.rows.size() == 20);
  for (const PartialRow& row : bank.rows) {
    for (int x = 0; x < 400; ++x) {
      const float a = row.amplitude[static_cast<size_t>(x)];
      if (x < 100 || (x >= 200 && x < 300)) CHECK(a == 0.0f);
      if (x >= 100 && x < 200) CHECK(a == doctest::Approx(1.0f));
      if (x >= 300 && x < 350) {  // (the last beat, columns 350..399, fades out)
        CHECK(a > 0.2f);
        CHECK(a < 0.9f);
      }
    }
  }
}

TEST_CASE("scan with a scale: rows on the same scale note merge into one partial") {
  Score score = ImageScore(MakeImage(100, 400, kBlack), ImageMode::kScan);
  Image image = MakeImage(100, 400, kBlack);
  FillRect(image, 2, 20, 98, 380, kRed);  // nearly full height, black border kept
  score.layers[0].image.pixels = std::make_shared<const Image>(image);
  const Events events = Interpret(score);
  REQUIRE(events.banks.size() == 1);
  const std::vector<int> scale = ScaleNotesInRange(score.mapping);  // C major C4..C5: 8 notes
  REQUIRE(events.banks[0].rows.size() == scale.size());
  for (size_t i = 0; i < scale.size(); ++i)
    CHECK(events.banks[0].rows[i].frequency_hz == doctest::Approx(MidiToHz(scale[i])));
  CHECK(events.banks[0].instrument == kRedPluck);  // hue picks the timbre
}

TEST_CASE("scan resolution: rows option, 1024 cap, large images resampled") {
  Image tall = MakeImage(300, 3000, kBlack);
  FillRect(tall, 0, 0, 300, 3000, kWhite);
  FillRect(tall, 0, 0, 300, 1, kBlack);  // keep a black border so white is not the background
  FillRect(tall, 0, 2999, 300, 3000, kBlack);
  FillRect(tall, 0, 0, 1, 3000, kBlack);
  FillRect(tall, 299, 0, 300, 3000, kBlack);
  Score score = NoneScore(tall);
  Events events = Interpret(score);
  REQUIRE(events.banks.size() == 1);
  CHECK(events.banks[0].rows.size() == 1024);
  CHECK(events.banks[0].columns == 300);
  score.layers[0].image.rows = 64;
  events = Interpret(score);
  REQUIRE(events.banks.size() == 1);
  CHECK(events.banks[0].rows.size() == 64);
  score.layers[0].image.rows = 2000;  // an explicit resolution above the default cap is honoured
  events = Interpret(score);
  REQUIRE(events.banks.size() == 1);
  CHECK(events.banks[0].rows.size() == 2000);
  CHECK(events.banks[0].columns == 300);
  score.layers[0].image.rows = 4096;  // never more rows than pixels
  events = Interpret(score);
  REQUIRE(events.banks.size() == 1);
  CHECK(events.banks[0].rows.size() == 2998);  // every pixel row but the black top and bottom

  Image big = MakeImage(4000, 2000, kBlack);
  FillRect(big, 1000, 1000, 3000, 1010, kWhite);
  events = Interpret(NoneScore(big));
  REQUIRE(events.banks.size() == 1);
  CHECK(events.banks[0].columns == 2048);
  CHECK(events.banks[0].rows.size() >= 5);  // ten pixel rows averaged into ~5 of 1024
  CHECK(events.banks[0].rows.size() <= 7);
}

TEST_CASE("scan: opacity scales loudness; opacity 0 is silent") {
  Image image = MakeImage(100, 100, kBlack);
  FillRect(image, 0, 50, 100, 51, kWhite);
  Score score = NoneScore(image);
  score.layers[0].image.opacity = 0.5f;
  Events events = Interpret(score);
  REQUIRE(events.banks.size() == 1);
  CHECK(events.banks[0].rows[0].amplitude[10] == doctest::Approx(0.5f));
  score.layers[0].image.opacity = 0.0f;
  CHECK(Interpret(score).banks.empty());
}

TEST_CASE("scan, every scale: a full-height block sounds exactly the scale's notes") {
  Image image = MakeImage(60, 480, kBlack);
  FillRect(image, 2, 1, 58, 479, kWhite);
  for (const std::string& name : KnownScaleNames()) {
    if (name == "none") continue;
    CAPTURE(name);
    Score score = ImageScore(image, ImageMode::kScan);
    score.mapping.scale = name;
    score.mapping.custom_intervals = {2, 2, 3, 2};
    score.mapping.root = 57;
    score.mapping.lowest = 50;
    score.mapping.highest = 74;
    const std::vector<int> scale = ScaleNotesInRange(score.mapping);
    const Events events = Interpret(score);
    REQUIRE(events.banks.size() == 1);
    REQUIRE(events.banks[0].rows.size() == scale.size());
    for (size_t i = 0; i < scale.size(); ++i)
      CHECK(events.banks[0].rows[i].frequency_hz == doctest::Approx(MidiToHz(scale[i])));
  }
}

TEST_CASE("a big picture analysed on two threads gives the one-thread events bit for bit") {
  // 3000 x 1500: random-ish paint over the top half, black below (so the ground the two halves
  // count decides how the picture is read); the resampler and the cell loop both split rows.
  Image image = MakeImage(3000, 1500, kBlack);
  uint32_t state = 12345;
  for (size_t i = 0; i < image.rgba.size() / 2; ++i) {
    state = state * 1664525u + 1013904223u;
    if (i % 4 != 3) image.rgba[i] = static_cast<uint8_t>(state >> 24);
  }
  const Score score = NoneScore(image);
  interpret::testing::SetMaxThreadsForTesting(1);
  const Events one = Interpret(score);
  const interpret::LinearGrid grid_one = interpret::AreaResample(image, 2048, 1024);
  interpret::testing::SetMaxThreadsForTesting(2);
  const Events two = Interpret(score);
  const interpret::LinearGrid grid_two = interpret::AreaResample(image, 2048, 1024);
  REQUIRE(one.banks.size() == 1);
  CHECK(one.banks[0].rows.size() > 100);
  CHECK(one == two);
  CHECK(grid_one.rgba == grid_two.rgba);
  // And the split resampler against its own one-thread call.
  CHECK(interpret::AreaResample(image, 1000, 700, 1).rgba ==
        interpret::AreaResample(image, 1000, 700, 2).rgba);
}
