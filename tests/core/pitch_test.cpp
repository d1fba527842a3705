// Tests for note names, frequencies and scale geometry.
#include "core/pitch.h"

#include <doctest/doctest.h>

using namespace graphony;

TEST_CASE("note names parse and print") {
  CHECK(ParseNoteName("C4") == 60);
  CHECK(ParseNoteName("F#3") == 54);
  CHECK(ParseNoteName("Bb2") == 46);
  CHECK(ParseNoteName("A4") == 69);
  CHECK_FALSE(ParseNoteName("H4"));
  CHECK_FALSE(ParseNoteName("C"));
  CHECK_FALSE(ParseNoteName("C4x"));
  CHECK(NoteName(61) == "C#4");
  CHECK(NoteName(61, true) == "Db4");
  CHECK(NoteName(48) == "C3");
}

TEST_CASE("frequencies") {
  CHECK(ParseFrequency("440Hz").value() == doctest::Approx(69));
  CHECK(ParseFrequency("55hz").value() == doctest::Approx(33));
  CHECK_FALSE(ParseFrequency("440"));
  CHECK(MidiToHz(69) == doctest::Approx(440));
}

TEST_CASE("each scale note in range gets an equal share of the height") {
  Mapping m;
  m.scale = "major";
  m.root = 60;
  m.lowest = 60;
  m.highest = 72;
  const auto notes = ScaleNotesInRange(m);
  REQUIRE(notes == std::vector<int>{60, 62, 64, 65, 67, 69, 71, 72});
  for (int i = 0; i < 8; ++i) {
    CHECK(HeightToPitch(m, (i + 0.5) / 8.0) == notes[i]);
    CHECK(PitchToHeight(m, notes[i]) == doctest::Approx((i + 0.5) / 8.0));
  }
  CHECK(HeightToPitch(m, 0.0) == 60);
  CHECK(HeightToPitch(m, 1.0) == 72);
  CHECK(SnapToScale(m, 60.9) == 60);
}

TEST_CASE("continuous mapping and custom scales") {
  Mapping m;
  m.scale = "none";
  m.lowest = 33;
  m.highest = 117;
  CHECK(HeightToPitch(m, 0.5) == doctest::Approx(75));
  m.scale = "custom";
  m.custom_intervals = {3, 4, 5};
  m.root = 60;
  m.lowest = 60;
  m.highest = 72;
  CHECK(ScaleNotesInRange(m) == std::vector<int>{60, 63, 67, 72});
}

TEST_CASE("every known scale has notes in a middle range") {
  for (const auto& name : KnownScaleNames()) {
    if (name == "none" || name == "custom") continue;
    Mapping m;
    m.scale = name;
    CHECK_MESSAGE(ScaleNotesInRange(m).size() >= 5, name);
  }
}

TEST_CASE("key spelling") {
  Mapping m;
  m.scale = "major";
  m.root = 65;  // F major
  CHECK(KeyPrefersFlats(m));
  m.root = 67;  // G major
  CHECK_FALSE(KeyPrefersFlats(m));
  m.scale = "natural-minor";
  m.root = 62;  // D minor
  CHECK(KeyPrefersFlats(m));
}

TEST_CASE("the pitch map: bands tile the height, and height, band and note agree") {
  for (const std::string& name : KnownScaleNames()) {
    for (auto [lo, hi] : {std::pair{55.0, 79.0}, std::pair{60.0, 72.0}, std::pair{61.5, 62.5},
                          std::pair{0.0, 127.0}}) {
      Mapping m;
      m.scale = name;
      m.custom_intervals = {2, 3, 2};
      m.root = 57;
      m.lowest = lo;
      m.highest = hi;
      const PitchMap map(m);
      const std::vector<PitchBand> bands = map.Bands();
      CAPTURE(name);
      CAPTURE(lo);
      if (name == "none") {
        CHECK(map.notes().empty());
        CHECK(map.Pitch(0.5) == doctest::Approx((lo + hi) / 2));
        continue;
      }
      if (map.notes().empty()) continue;  // no scale note in range: nothing to band
      REQUIRE(bands.size() == map.notes().size());
      CHECK(bands.front().bottom == 0.0);
      CHECK(bands.back().top == doctest::Approx(1.0));
      for (size_t i = 0; i < bands.size(); ++i) {
        const PitchBand& b = bands[i];
        if (i > 0) CHECK(b.bottom == doctest::Approx(bands[i - 1].top));
        CHECK(b.midi == map.notes()[i]);
        CHECK(b.is_root == ((b.midi - 57) % 12 == 0));
        const double centre = (b.bottom + b.top) / 2;
        CHECK(map.Pitch(centre) == b.midi);  // the band's height plays its note
        CHECK(map.Printed(centre) == b.midi);
        CHECK(map.Height(b.midi) == doctest::Approx(centre));  // and the note sits at its centre
        CHECK(map.Snap(b.midi + 0.2) == b.midi);
        CHECK(map.Glide(centre) == b.midi);  // a steady pen is in tune
        // The free functions are the same map.
        CHECK(HeightToPitch(m, centre) == b.midi);
        CHECK(PitchToHeight(m, b.midi) == doctest::Approx(centre));
      }
    }
  }
}
