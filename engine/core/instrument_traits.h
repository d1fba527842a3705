// The instrument traits table: every fact about an instrument (name, GM program, clef, range,
// decay, icon...) in one place, read by interpretation, synthesis, notation, editor and CLI.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace graphony {

// Which of the engine's own synth voices renders an instrument. Later instruments (General
// MIDI sounds from a soundfont) add their own voice kind here.
enum class InstrumentKind {
  kSine,
  kSoftPad,
  kPluck,
  kMarimba,
  kFlute,
  kBell,
  kBass,
  kDrum,
  kSampler
};

// Orchestral family: groups parts in a printed score and the palette's instrument menu.
enum class InstrumentFamily {
  kSynth,
  kKeyboard,
  kPluckedString,
  kBowedString,
  kWoodwind,
  kBrass,
  kPitchedPercussion,
  kUntunedPercussion
};

// Untuned percussion (a GM drum kit) will add a percussion clef.
enum class Clef { kTreble, kBass };

// The picture the editor draws for an instrument (palette swatches, layer list).
enum class InstrumentIcon {
  kWave,
  kCloud,
  kGuitar,
  kBars,
  kFlute,
  kBell,
  kLowWave,
  kDrum,
  kMicrophone,
  kNote
};

struct InstrumentTraits {
  std::string_view name;          // the id scores and Events use ("soft-pad")
  std::string_view display_name;  // what a palette entry without a name is called ("Warm pad")
  InstrumentKind kind;            // the voice that renders it
  int gm_program;                 // 0-based General MIDI program (MIDI and MusicXML export)
  InstrumentFamily family;
  // The staff it is written on; nullopt for voices with no home register (sine, pad, sampler):
  // notation then picks treble or bass from the notes themselves.
  std::optional<Clef> clef;
  int transposition;  // written = sounding - transposition (semitones); 0 for concert pitch
  int lowest_midi;    // playable range, sounding pitch
  int highest_midi;
  // Sustaining voices hold while the note lasts; decaying ones (struck, plucked) fade by
  // themselves whatever the note's length, in about decay_seconds (T60 near A3..A4).
  bool sustains;
  double decay_seconds;  // 0 for sustaining voices
  InstrumentIcon icon;
  bool untuned_percussion;  // pitch does not matter to the sound (GM drum kit)
};

// The table is a constant array: every lookup below is safe on any thread, the audio thread
// included (no allocation, no lock).

// Every instrument, in menu order ("sine" first: the default for an unnamed palette entry).
std::span<const InstrumentTraits> AllInstruments();

// The traits for an instrument id, or nullptr if unknown.
const InstrumentTraits* FindInstrument(std::string_view name);
// The traits for an id, falling back to the default instrument (sine) for unknown names.
const InstrumentTraits& InstrumentOrDefault(std::string_view name);
// The traits of the instrument a synth voice kind belongs to.
const InstrumentTraits& TraitsOf(InstrumentKind kind);

// The default instrument's id ("sine"), for palette entries that name none.
std::string_view DefaultInstrumentName();
// "sine, soft-pad, pluck, ...": for error messages and help text (allocates).
std::string InstrumentNameList();

// The staff for a part whose notes average `mean_pitch` (sounding MIDI): the instrument's own
// clef while the notes sit in its range; otherwise (the mapping put it out of its register, or
// it has no home clef) bass when the notes sit mostly below middle C, else treble.
Clef StaffClef(const InstrumentTraits* traits, double mean_pitch);

}  // namespace graphony
