// The notation model: interpreted events quantised into parts, measures and voices for printing.
#pragma once

#include <string>
#include <vector>

#include "core/instrument_traits.h"
#include "core/score.h"
#include "interpret/events.h"

namespace graphony::notation {

// Internal time unit: 8 ticks per beat (a beat is one meter denominator unit), so the
// finest grid is a 32nd note in x/4. A whole note is 8 * denominator ticks.
inline constexpr int kTicksPerBeat = 8;

// A note after quantisation to the grid: what every export (MusicXML, MIDI, LilyPond) writes.
struct QuantisedNote {
  int start = 0;  // ticks from the start of the score
  int end = 0;    // exclusive, > start
  int midi = 60;
  float velocity = 0.8f;
};

// How a MIDI note is written: letter (0 = C .. 6 = B), alteration in semitones, octave.
struct Spelling {
  int letter = 0;
  int alter = 0;
  int octave = 4;
};

// One written symbol in one voice of one measure: a note, chord or rest (empty pitches).
struct Element {
  int start = 0;             // ticks from the start of the measure
  int ticks = 0;             // written duration (a plain or dotted note value)
  std::vector<int> pitches;  // ascending MIDI numbers; empty = rest
  bool tie_start = false;    // tied to the next element (same pitches)
  bool tie_stop = false;     // tied from the previous element
  bool whole_measure_rest = false;
  bool hidden = false;  // a gap in voice 2: spacing, not a printed rest
};

struct Measure {
  std::vector<Element> voice1;  // always fills the measure
  std::vector<Element> voice2;  // empty when the measure has one voice
};

struct Part {
  std::string name;        // shown as the part name ("Warm pad")
  std::string instrument;  // engine instrument ("soft-pad")
  int midi_program = 0;    // General MIDI program, 0-based
  int midi_channel = 0;    // 0-based; 9 (GM channel 10) only for untuned percussion
  Clef clef = Clef::kTreble;
  // Notes are written pitch: written = sounding - transposition (instrument traits).
  int transposition = 0;
  bool percussion = false;            // untuned (GM drum kit): a percussion staff, unpitched notes
  unsigned char r = 0, g = 0, b = 0;  // palette colour
  std::string players;                // who plays it, consent-aware ("Ana and the picture")
  std::vector<QuantisedNote> notes;   // after the polyphony cap, sorted by start
  std::vector<Measure> measures;
  // A keyboard or harp part reaching an octave and more both above and below middle C is
  // written on a grand staff: `measures` is the treble staff (C4 and up), `lower` the bass
  // staff (below C4), each with its own two voices.
  bool grand_staff = false;
  std::vector<Measure> lower;
};

struct NotationScore {
  std::string title;
  std::string date;
  std::string credits;        // "Music by Ana, J.B. and 2 participants" (consent respected)
  double tempo_bpm = 72;      // beats (denominator units) per minute
  int beats_per_measure = 4;  // meter numerator
  int beat_unit = 4;          // meter denominator, a power of two 1..16
  int key_fifths = 0;         // key signature: + sharps, - flats
  bool minor = false;         // the key is a minor one (relative of key_fifths' major)
  int quantum = 4;            // grid in ticks
  int measure_count = 1;
  bool easy = false;  // written at the easy level
  std::vector<Part> parts;

  int TicksPerMeasure() const { return beats_per_measure * kTicksPerBeat; }
  int TicksPerWhole() const { return beat_unit * kTicksPerBeat; }
  // Quarter notes per minute, as MIDI and MusicXML's <sound tempo> expect.
  double QuarterBpm() const { return tempo_bpm * 4.0 / beat_unit; }
};

// How much of the arrangement is written.
struct NotationOptions {
  // false: the full arrangement. true (`--level easy`): each part is one line of its main
  // notes in plain eighth..whole values within an octave and a fifth, for beginners.
  bool easy = false;
};

// Builds the printable form of `events` for `score` (meter, grid, key, credits, polyphony).
// Notes with sounding=false are printed (they are the written form of strokes); gestures
// and scan banks are not. An empty score gives one part of whole-measure rests.
// Whether an instrument is written on a grand staff when its notes need one (keyboards, harps).
bool PlaysOnGrandStaff(const InstrumentTraits* traits);
// Whether a keyboard or harp part with these written notes needs two staves: it reaches
// C3 or lower and C5 or higher (an octave each side of middle C).
bool NeedsGrandStaff(const std::vector<QuantisedNote>& notes);

// A part of fewer than kFewestScoreNotes notes is left out of the full score's staves (its
// player's part and the exports keep it); the legend says so. Never every part.
inline constexpr int kFewestScoreNotes = 3;
// The parts the full score prints, in order.
std::vector<const Part*> ScoreStaves(const NotationScore& ns);
// One line a part left out of the full score: "Bells: 2 notes, bars 3 and 7 — left out of
// the score".
std::vector<std::string> LeftOutOfScore(const NotationScore& ns);

NotationScore BuildNotation(const Score& score, const Events& events,
                            const NotationOptions& options = {});

// The easy level of one part's notes (see NotationOptions::easy), kept within the
// instrument's lowest..highest MIDI notes.
void SimplifyForBeginners(std::vector<QuantisedNote>& notes, int lowest, int highest,
                          const NotationScore& ns);

// Splits `ticks` starting at `position` (ticks from the measure start) into written note
// values (plain or single-dotted), longest first: values of a beat or more start on a beat,
// shorter ones stay within their beat; `rest` spells plain values only, each on its own grid.
std::vector<int> SplitIntoNoteValues(int position, int ticks, int ticks_per_whole,
                                     bool rest = false);

// Spells a MIDI note in the key with `key_fifths` sharps (negative: flats).
Spelling SpellPitch(int midi, int key_fifths);
// Key signature for the mapping's root and scale (matches KeyPrefersFlats).
int KeyFifths(const Mapping& mapping, bool* minor = nullptr);

}  // namespace graphony::notation
