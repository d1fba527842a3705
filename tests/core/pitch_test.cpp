// Tests for note names, frequencies and scale geometry.
#include <doctest/doctest.h>

#include "core/pitch.h"

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
