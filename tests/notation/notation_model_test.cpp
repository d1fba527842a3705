// The notation model: quantising, voices, ties, clefs, spelling and consent-aware credits.
#include <doctest/doctest.h>

#include <set>

#include "fixtures.h"
#include "notation/credits.h"
#include "notation/notation.h"

namespace graphony::notation {
namespace {

NoteEvent Note(double start, double length, int pitch, int instrument = 0) {
  NoteEvent n;
  n.start_beat = start;
  n.duration_beats = length;
  n.pitch = n.quantised_pitch = pitch;
  n.instrument = instrument;
  return n;
}

Events OneInstrument(std::vector<NoteEvent> notes) {
  Events e;
  e.instruments = {{"flute", "Flute", "", 0, 0, 255}};
  e.notes = std::move(notes);
  return e;
}

std::vector<int> PitchesOf(const std::vector<Element>& voice) {
  std::vector<int> out;
  for (const Element& e : voice)
    for (int p : e.pitches) out.push_back(p);
  return out;
}

TEST_CASE("note values split on their own beat grid") {
  // 4/4: 32 ticks a whole. A 3-beat note on beat 2 is quarter + half, not dotted chains.
  CHECK(SplitIntoNoteValues(8, 24, 32) == std::vector<int>{24});  // dotted half from beat 2: no tie
  CHECK(SplitIntoNoteValues(8, 24, 32, true) ==
        std::vector<int>{8, 16});                                 // rests: plain, on their grid
  CHECK(SplitIntoNoteValues(0, 24, 32) == std::vector<int>{24});  // dotted half
  CHECK(SplitIntoNoteValues(0, 32, 32) == std::vector<int>{32});
  CHECK(SplitIntoNoteValues(4, 12, 32) == std::vector<int>{4, 8});
  CHECK(SplitIntoNoteValues(0, 40, 32) == std::vector<int>{32, 8});  // 5/4 bar of rest
  // Eighth, quarter, eighth: a quarter on the off-beat inside beats 1-2 or 3-4 is not tied...
  CHECK(SplitIntoNoteValues(4, 8, 32) == std::vector<int>{8});
  CHECK(SplitIntoNoteValues(20, 8, 32) == std::vector<int>{8});
  // ...but across the middle of the bar it shows beat 3, and a rest never syncopates.
  CHECK(SplitIntoNoteValues(12, 8, 32) == std::vector<int>{4, 4});
  CHECK(SplitIntoNoteValues(4, 8, 32, true) == std::vector<int>{4, 4});
  CHECK(SplitIntoNoteValues(4, 8, 64) == std::vector<int>{4, 4});  // in x/8, 8 ticks is a beat
}

TEST_CASE("keys decide sharps and flats") {
  Mapping m;
  m.scale = "major";
  m.root = 67;  // G major: F#
  CHECK(KeyFifths(m) == 1);
  Spelling s = SpellPitch(66, KeyFifths(m));
  CHECK(s.letter == 3);  // F
  CHECK(s.alter == 1);
  m.root = 65;  // F major: Bb
  CHECK(KeyFifths(m) == -1);
  s = SpellPitch(70, -1);
  CHECK(s.letter == 6);  // B
  CHECK(s.alter == -1);
  CHECK(s.octave == 4);
  m.scale = "natural-minor";
  m.root = 62;  // D minor: one flat
  bool minor = false;
  CHECK(KeyFifths(m, &minor) == -1);
  CHECK(minor);
  // B#3 and Cb4 keep their written octave (C# major has B#, Gb major has Cb).
  CHECK(SpellPitch(60, 7).letter == 6);
  CHECK(SpellPitch(60, 7).octave == 3);
  CHECK(SpellPitch(59, -6).letter == 0);
  CHECK(SpellPitch(59, -6).octave == 4);
}

TEST_CASE("credits print names only with consent") {
  std::vector<Contributor> people(5);
  people[0].name = "Ana";
  people[0].consent.credit_by_name = true;
  people[0].consent.exhibition = true;
  people[1].name = "Secret Person";
  people[1].initials = "S.P.";
  people[2].name = "Another Secret";
  people[3].name = "Third Secret";
  // Credit by name without exhibition consent: a print (made to be shown) uses initials.
  people[4].name = "Wants Credit";
  people[4].initials = "W.C.";
  people[4].consent.credit_by_name = true;
  people[4].consent.group = true;
  const std::string line = CreditLine(people);
  CHECK(line == "Ana, S.P., W.C. and 2 participants");
  CHECK(line.find("Secret") == std::string::npos);
  CHECK(line.find("Wants") == std::string::npos);
  CHECK(CreditName(people[2]) == "participant");
  CHECK(NamedInPrint(people[0]));
  CHECK_FALSE(NamedInPrint(people[4]));
}

TEST_CASE("the staircase becomes two bars of quarter notes in treble clef") {
  Score score;
  Events events;
  testing::MakeStaircase(&score, &events);
  const NotationScore ns = BuildNotation(score, events);
  REQUIRE(ns.parts.size() == 1);
  CHECK(ns.measure_count == 2);
  CHECK(ns.parts[0].clef == Clef::kTreble);
  CHECK(ns.parts[0].name == "Flute");
  CHECK(PitchesOf(ns.parts[0].measures[0].voice1) == std::vector<int>{60, 62, 64, 65});
  CHECK(PitchesOf(ns.parts[0].measures[1].voice1) == std::vector<int>{67, 69, 71, 72});
  for (const Measure& m : ns.parts[0].measures) {
    CHECK(m.voice2.empty());
    for (const Element& e : m.voice1) CHECK(e.ticks == kTicksPerBeat);
  }
  CHECK(ns.credits == "Ana Lopez and Z.Q.");
}

TEST_CASE("notes crossing a barline are tied and gaps are rests") {
  Score score;
  score.length_beats = 8;
  const NotationScore ns = BuildNotation(score, OneInstrument({Note(3, 2, 48)}));
  const Part& part = ns.parts[0];
  // C3 is below the flute: the part is written an octave up, in the flute's treble clef.
  CHECK(part.clef == Clef::kTreble);
  const auto& bar1 = part.measures[0].voice1;
  REQUIRE(bar1.size() == 3);
  CHECK(bar1[0].pitches.empty());  // rests for beats 1-3, plain (no dotted rest in 4/4)
  CHECK(bar1[0].ticks == 2 * kTicksPerBeat);
  CHECK(bar1[1].pitches.empty());
  CHECK(bar1[1].ticks == kTicksPerBeat);
  CHECK(bar1[2].tie_start);
  const auto& bar2 = part.measures[1].voice1;
  REQUIRE(!bar2.empty());
  CHECK(bar2[0].pitches == std::vector<int>{60});
  CHECK(bar2[0].tie_stop);
  CHECK(!bar2[0].tie_start);
}

TEST_CASE("quantising snaps to the grid and chords respect the polyphony cap") {
  Score score;
  score.mapping.grid = 0.5;
  score.mapping.max_polyphony = 3;
  std::vector<NoteEvent> notes;
  for (int p : {60, 64, 67, 71, 74}) notes.push_back(Note(0.1, 0.9, p));  // five together
  const NotationScore ns = BuildNotation(score, OneInstrument(notes));
  const auto& bar = ns.parts[0].measures[0].voice1;
  REQUIRE(!bar.empty());
  CHECK(bar[0].start == 0);              // 0.1 beat snapped to 0
  CHECK(bar[0].ticks == kTicksPerBeat);  // 0.9 beat snapped to 1
  CHECK(bar[0].pitches.size() == 3);     // capped at 3
  CHECK(ns.parts[0].notes.size() == 3);  // the printed notes (the MIDI keeps all five)
}

TEST_CASE("overlapping notes go to a second voice that fills its bars") {
  Score score;
  const NotationScore ns = BuildNotation(score, OneInstrument({Note(0, 4, 72), Note(1, 2, 60)}));
  const Measure& m = ns.parts[0].measures[0];
  REQUIRE(!m.voice2.empty());
  int filled = 0;
  for (const Element& e : m.voice2) filled += e.ticks;
  CHECK(filled == ns.TicksPerMeasure());
  CHECK(PitchesOf(m.voice1) == std::vector<int>{72});
  // Beat 2 for two beats: a half note on the beat (syncopation, no tie needed).
  CHECK(PitchesOf(m.voice2) == std::vector<int>{60});
  CHECK(m.voice2[0].hidden);
  CHECK(m.voice2[1].start == kTicksPerBeat);
  CHECK(m.voice2[1].ticks == 2 * kTicksPerBeat);
  CHECK(!m.voice2[1].tie_start);
}

TEST_CASE("odd meters, empty scores and shadows of strokes") {
  Score score;
  score.meter = {7, 8};
  score.length_beats = 14;  // two bars of 7/8
  NoteEvent shadow = Note(0, 7, 65);
  shadow.sounding = false;  // the printable form of a gesture: printed all the same
  NotationScore ns = BuildNotation(score, OneInstrument({shadow}));
  CHECK(ns.measure_count == 2);
  CHECK(ns.TicksPerMeasure() == 7 * kTicksPerBeat);
  CHECK(PitchesOf(ns.parts[0].measures[0].voice1).size() >= 1);
  CHECK(ns.parts[0].measures[1].voice1[0].whole_measure_rest);

  Score empty;
  empty.length_beats = 0;
  ns = BuildNotation(empty, Events{});
  REQUIRE(ns.parts.size() == 1);
  CHECK(ns.measure_count == 1);
  CHECK(ns.parts[0].measures[0].voice1[0].whole_measure_rest);
}

TEST_CASE("one part per instrument, in instrument order, with distinct channels") {
  Score score;
  Events events;
  testing::MakeDense(&score, &events, 3, 16, {4, 4});
  const NotationScore ns = BuildNotation(score, events);
  REQUIRE(ns.parts.size() == 3);
  CHECK(ns.parts[0].name == "flute 1");
  CHECK(ns.parts[1].clef == Clef::kBass);
  CHECK(ns.parts[0].midi_channel != ns.parts[1].midi_channel);
  for (const Part& p : ns.parts)
    for (const Measure& m : p.measures) {
      int filled = 0;
      for (const Element& e : m.voice1) filled += e.ticks;
      CHECK(filled == ns.TicksPerMeasure());
    }
}

TEST_CASE("parts take their GM program and clef from the instrument traits table") {
  Score score;
  score.length_beats = 4;
  Events events = OneInstrument({Note(0, 1, 60), Note(1, 1, 64)});
  events.instruments = {{"bass", "Bass", "", 0, 0, 0}};
  NotationScore ns = BuildNotation(score, events);
  REQUIRE(ns.parts.size() == 1);
  // Notes around middle C are in the bass's range, so it stays in bass clef (the old rule,
  // "mostly below middle C", wrote them in treble).
  CHECK(ns.parts[0].clef == Clef::kBass);
  CHECK(ns.parts[0].midi_program == FindInstrument("bass")->gm_program);
  events.instruments = {{"flute", "Flute", "", 0, 0, 0}};
  ns = BuildNotation(score, events);
  CHECK(ns.parts[0].clef == Clef::kTreble);
  CHECK(ns.parts[0].midi_program == 73);
}

TEST_CASE(
    "print: a wide piano part is a grand staff split at middle C; a narrow one stays one staff") {
  Score score;
  Events events;
  testing::MakeWidePiano(&score, &events);
  const NotationScore ns = BuildNotation(score, events);
  REQUIRE(ns.parts.size() == 1);
  const Part& piano = ns.parts[0];
  REQUIRE(piano.grand_staff);
  CHECK(piano.clef == Clef::kTreble);
  REQUIRE(piano.lower.size() == piano.measures.size());
  // Every note is on its staff: C4 and up above, below C4 below; none is lost.
  std::multiset<int> upper, lower, played;
  for (const Measure& m : piano.measures)
    for (const auto* voice : {&m.voice1, &m.voice2})
      for (const Element& e : *voice)
        if (!e.tie_stop)
          for (int p : e.pitches) upper.insert(p);
  for (const Measure& m : piano.lower)
    for (const auto* voice : {&m.voice1, &m.voice2})
      for (const Element& e : *voice)
        if (!e.tie_stop)
          for (int p : e.pitches) lower.insert(p);
  for (const NoteEvent& n : events.notes) played.insert(n.quantised_pitch);
  for (int p : upper) CHECK(p >= 60);
  for (int p : lower) CHECK(p < 60);
  std::multiset<int> both = upper;
  both.insert(lower.begin(), lower.end());
  CHECK(both == played);
  CHECK(upper.count(96) == 1);  // C6
  CHECK(lower.count(36) == 2);  // C2, twice
  // Each staff's bars are full: voice 1 fills the measure on both.
  for (const auto* staff : {&piano.measures, &piano.lower})
    for (const Measure& m : *staff) {
      int filled = 0;
      for (const Element& e : m.voice1) filled += e.ticks;
      CHECK(filled == ns.TicksPerMeasure());
    }

  // The same notes within C3..C5 on one side of middle C: one staff, its clef by the notes.
  Events narrow = events;
  narrow.notes.clear();
  for (int p : {60, 64, 67, 72, 76, 79, 84})
    narrow.notes.push_back(Note(narrow.notes.size(), 1, p));
  narrow.notes.push_back(Note(8, 1, 50));  // D3: below middle C, but not an octave below
  const NotationScore one = BuildNotation(score, narrow);
  CHECK_FALSE(one.parts[0].grand_staff);
  CHECK(one.parts[0].lower.empty());
  CHECK(one.parts[0].clef == Clef::kTreble);
  // A wide part for an instrument that is not a keyboard or harp stays on one staff.
  Events flute = events;
  flute.instruments = {{"soft-pad", "Pad", "", 0, 0, 0}};
  CHECK_FALSE(BuildNotation(score, flute).parts[0].grand_staff);
  flute.instruments = {{"concert-harp", "Harp", "", 0, 0, 0}};
  CHECK(BuildNotation(score, flute).parts[0].grand_staff);
}

TEST_CASE("ties only where needed: long held notes sit on beats, struck notes ring untied") {
  Score score;
  score.length_beats = 8;
  score.mapping.grid = 0.5;
  // A pad from beat 1.5 (0-based 0.5) to 4.5: written from beat 2 to the barline, no tie.
  Events pad = OneInstrument({Note(0.5, 4.0, 60)});
  pad.instruments = {{"soft-pad", "Warm pad", "", 0, 0, 0}};
  NotationScore ns = BuildNotation(score, pad);
  REQUIRE(ns.parts.size() == 1);
  const auto& bar1 = ns.parts[0].measures[0].voice1;
  REQUIRE(bar1.size() == 2);
  CHECK(bar1[0].pitches.empty());
  CHECK(bar1[1].ticks == 24);  // dotted half
  CHECK_FALSE(bar1[1].tie_start);
  CHECK(ns.parts[0].measures[1].voice1[0].whole_measure_rest);
  // A marimba note on the off-beat of beat 3 lasting a beat and a half: one quarter, untied.
  Events marimba = OneInstrument({Note(2.5, 1.5, 60)});
  marimba.instruments = {{"marimba", "Marimba", "", 0, 0, 0}};
  ns = BuildNotation(score, marimba);
  int tied = 0, notes = 0;
  for (const Element& e : ns.parts[0].measures[0].voice1) {
    tied += e.tie_start;
    notes += !e.pitches.empty();
  }
  CHECK(tied == 0);
  CHECK(notes == 1);
  // The MIDI is the performance: the written simplification never reaches it (it is built
  // from the events; see exports_test), and a sustained flute keeps its off-beat start.
  Events flute = OneInstrument({Note(0.5, 1.0, 60)});
  ns = BuildNotation(score, flute);
  CHECK(ns.parts[0].notes[0].start == 4);
}

TEST_CASE("the easy level: one line of main notes, quarters and eighths, a beginner's range") {
  Score score;
  Events events;
  testing::MakeDense(&score, &events, 3, 64, {4, 4});  // chords, two voices, ties, 16ths
  NotationOptions easy;
  easy.easy = true;
  const NotationScore full = BuildNotation(score, events);
  const NotationScore ns = BuildNotation(score, events, easy);
  REQUIRE(ns.parts.size() == full.parts.size());
  size_t full_notes = 0, easy_notes = 0;
  for (size_t p = 0; p < ns.parts.size(); ++p) {
    const Part& part = ns.parts[p];
    CAPTURE(part.name);
    full_notes += full.parts[p].notes.size();
    easy_notes += part.notes.size();
    int lo = 127, hi = 0;
    for (const QuantisedNote& q : part.notes) lo = std::min(lo, q.midi), hi = std::max(hi, q.midi);
    CHECK(hi - lo <= 19);  // an octave and a fifth
    const InstrumentTraits* traits = FindInstrument(part.instrument);
    REQUIRE(traits);
    CHECK(lo >= traits->lowest_midi);
    CHECK(hi <= traits->highest_midi);
    for (const Measure& m : part.measures) {
      CHECK(m.voice2.empty());
      for (const Element& e : m.voice1) {
        CHECK(e.pitches.size() <= 1);
        CHECK_FALSE(e.tie_start);
        if (e.whole_measure_rest || e.pitches.empty()) continue;
        // Eighths and quarters only: 4 and 8 ticks in 4/4; a quarter on a beat.
        CHECK((e.ticks == 4 || e.ticks == 8));
        if (e.ticks >= 8) CHECK(e.start % 8 == 0);
      }
    }
  }
  CHECK(easy_notes < full_notes);  // simplified, not empty
  CHECK(easy_notes > full_notes / 5);
}

}  // namespace
}  // namespace graphony::notation
