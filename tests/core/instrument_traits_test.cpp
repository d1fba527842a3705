// The instrument traits table: complete, consistent, and the one place callers read.
#include "core/instrument_traits.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <optional>
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
    // Each engine voice belongs to one instrument; soundfont ones share kGeneralMidi.
    if (t.kind != InstrumentKind::kGeneralMidi) {
      CHECK(kinds.insert(t.kind).second);
      CHECK(&TraitsOf(t.kind) == &t);
    }
    CHECK(KindWithoutSoundfont(t) != InstrumentKind::kGeneralMidi);
    CHECK((t.gm_bank == 0 || t.gm_bank == 128));
    CHECK(t.untuned_percussion == (t.gm_bank == 128));
    CHECK(!FamilyName(t.family).empty());
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
  CHECK(kinds.size() == 9);  // today's nine voices, the calm defaults, come first
  for (size_t i = 0; i < 9; ++i) CHECK(AllInstruments()[i].kind != InstrumentKind::kGeneralMidi);
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

TEST_CASE("every General MIDI program is reachable, and the chamber set is complete") {
  std::set<int> programs;
  for (const InstrumentTraits& t : AllInstruments())
    if (t.kind == InstrumentKind::kGeneralMidi && t.gm_bank == 0) programs.insert(t.gm_program);
  CHECK(programs.size() == 128);
  struct Want {
    const char* name;
    int program;
    InstrumentFamily family;
    std::optional<Clef> clef;
    int transposition;
  };
  const Want chamber[] = {
      {"cello", 42, InstrumentFamily::kBowedString, Clef::kBass, 0},
      {"violin", 40, InstrumentFamily::kBowedString, Clef::kTreble, 0},
      {"clarinet", 71, InstrumentFamily::kWoodwind, Clef::kTreble, -2},
      {"concert-flute", 73, InstrumentFamily::kWoodwind, Clef::kTreble, 0},
      {"concert-harp", 46, InstrumentFamily::kPluckedString, std::nullopt, 0},
      {"double-bass", 43, InstrumentFamily::kBowedString, Clef::kBass, -12},
      {"concert-marimba", 12, InstrumentFamily::kPitchedPercussion, Clef::kTreble, 0},
      {"glockenspiel", 9, InstrumentFamily::kPitchedPercussion, Clef::kTreble, 24},
      {"piano", 0, InstrumentFamily::kKeyboard, std::nullopt, 0},
  };
  CHECK(ChamberInstruments().size() == std::size(chamber));
  for (const Want& w : chamber) {
    INFO(w.name);
    const InstrumentTraits* t = FindInstrument(w.name);
    REQUIRE(t);
    CHECK(t->kind == InstrumentKind::kGeneralMidi);
    CHECK(t->gm_program == w.program);
    CHECK(t->family == w.family);
    CHECK(t->clef == w.clef);
    CHECK(t->transposition == w.transposition);
    CHECK(std::find(ChamberInstruments().begin(), ChamberInstruments().end(), w.name) !=
          ChamberInstruments().end());
  }
  // The drum kit: GM percussion bank, a percussion staff.
  const InstrumentTraits* kit = FindInstrument("drum-kit");
  REQUIRE(kit);
  CHECK(kit->untuned_percussion);
  CHECK(kit->family == InstrumentFamily::kUntunedPercussion);
  CHECK(StaffClef(kit, 40) == Clef::kPercussion);
}
