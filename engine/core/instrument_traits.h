// The instrument traits table: every fact about an instrument (name, GM program, clef, range,
// decay, icon...) in one place, read by interpretation, synthesis, notation, editor and CLI.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace graphony {

// Which voice renders an instrument: one of the engine's own synth voices, or kGeneralMidi, a
// preset of the General MIDI soundfont played through FluidSynth (synth/gm_synth.h).
enum class InstrumentKind {
  kSine,
  kSoftPad,
  kPluck,
  kMarimba,
  kFlute,
  kBell,
  kBass,
  kDrum,
  kSampler,
  kGeneralMidi
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
  kUntunedPercussion,
  kVoice,
  kEffects
};

// kPercussion: the neutral clef of an untuned percussion staff (a GM drum kit).
enum class Clef { kTreble, kBass, kPercussion };

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
  kNote,
  kBowed,
  kKeys,
  kBrass,
  kVoice
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
  // kGeneralMidi only: the engine's own voice that stands in when no soundfont is installed.
  InstrumentKind fallback = InstrumentKind::kSine;
  int gm_bank = 0;  // soundfont bank: 0 melodic, 128 the GM percussion kits
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

// The voice that renders `traits` when no soundfont can be loaded: its own kind, or for a
// General MIDI instrument the stand-in the table names.
InstrumentKind KindWithoutSoundfont(const InstrumentTraits& traits);
// "Bowed strings", "Woodwinds"...: the palette menu's and `graphony-cli instruments`' groups.
std::string_view FamilyName(InstrumentFamily family);
// Every family, in the order menus list them.
std::span<const InstrumentFamily> AllFamilies();
// The chamber set (cello, violin, clarinet, flute, harp, double bass, marimba, glockenspiel,
// piano): the soundfont instruments the groups' musicians play.
std::span<const std::string_view> ChamberInstruments();
bool IsChamberInstrument(const InstrumentTraits& traits);

// The default instrument's id ("sine"), for palette entries that name none.
std::string_view DefaultInstrumentName();
// "sine, soft-pad, pluck, ..., and 128 General MIDI programs gm-...": one line for error
// messages and help text (allocates).
std::string InstrumentNameList();

// The staff for a part whose notes average `mean_pitch` (sounding MIDI): the instrument's own
// clef while the notes sit in its range; otherwise (the mapping put it out of its register, or
// it has no home clef) bass when the notes sit mostly below middle C, else treble.
Clef StaffClef(const InstrumentTraits* traits, double mean_pitch);

}  // namespace graphony
