// The instrument traits table: complete, consistent, and the one place callers read.
#include "core/instrument_traits.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/score_defaults.h"

using namespace graphony;

TEST_CASE("every instrument has one id, one voice and sane facts") {
  std::set<std::string_view> names;
  std::set<InstrumentKind> kinds;
  for (const InstrumentTraits& t : AllInstruments()) {
    INFO(std::string(t.name));
    CHECK(names.insert(t.name).second);
    CHECK(kinds.insert(t.kind).second);
    CHECK(&TraitsOf(t.kind) == &t);
    CHECK(FindInstrument(t.name) == &t);
    CHECK(!t.display_name.empty());
    CHECK(t.gm_program >= 0);
    CHECK(t.gm_program <= 127);
    CHECK(t.lowest_midi >= 0);
    CHECK(t.lowest_midi < t.highest_midi);
    CHECK(t.highest_midi <= 127);
    // Sustaining voices have no decay time; decaying ones say how long they ring (except the
    // sampler, whose sample decides).
    if (t.sustains) CHECK(t.decay_seconds == 0);
    if (!t.sustains && t.kind != InstrumentKind::kSampler) CHECK(t.decay_seconds > 0);
  }
  CHECK(names.size() == 9);
  CHECK(FindInstrument("kazoo") == nullptr);
  CHECK(InstrumentOrDefault("kazoo").name == DefaultInstrumentName());
  CHECK(InstrumentNameList().rfind("sine, soft-pad, pluck", 0) == 0);
}

TEST_CASE("real instruments keep their real range and clef") {
  const InstrumentTraits* flute = FindInstrument("flute");
  REQUIRE(flute);
  CHECK(flute->lowest_midi == 60);   // C4
  CHECK(flute->highest_midi == 96);  // C7
  CHECK(flute->clef == Clef::kTreble);
  const InstrumentTraits* bass = FindInstrument("bass");
  REQUIRE(bass);
  CHECK(bass->clef == Clef::kBass);
  CHECK(bass->lowest_midi == 28);  // E1
  // A part in its range is written in its own clef; pushed out of it (the mapping decides the
  // register), the notes choose.
  CHECK(StaffClef(bass, 62) == Clef::kBass);
  CHECK(StaffClef(bass, 72) == Clef::kTreble);
  CHECK(StaffClef(flute, 48) == Clef::kBass);
  CHECK(StaffClef(FindInstrument("soft-pad"), 50) == Clef::kBass);
  CHECK(StaffClef(FindInstrument("soft-pad"), 64) == Clef::kTreble);
}

TEST_CASE("the default palette only names instruments of the table") {
  for (const PaletteEntry& e : DefaultPalette()) CHECK(FindInstrument(e.instrument) != nullptr);
}
