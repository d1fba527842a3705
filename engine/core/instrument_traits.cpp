// The instrument traits table (see instrument_traits.h): the one copy of each instrument fact.
#include "core/instrument_traits.h"

namespace graphony {

namespace {

using F = InstrumentFamily;
using I = InstrumentIcon;
using K = InstrumentKind;

// Ranges are the real instrument's where there is one (flute C4..C7, five-octave marimba
// C2..C7, harp C1..G#7, bass E1..G4); the synthetic voices get the span they sound good in.
// Decay times are the fundamental's T60 the voices are built with (synth/units read them).
constexpr InstrumentTraits kTable[] = {
    // name, display, kind, GM, family, clef, transp, low, high, sustains, decay, icon, untuned
    {"sine", "Sine", K::kSine, 79 /* ocarina: the purest GM tone */, F::kSynth, std::nullopt, 0, 24,
     108, true, 0.0, I::kWave, false},
    {"soft-pad", "Warm pad", K::kSoftPad, 89 /* pad 2 (warm) */, F::kSynth, std::nullopt, 0, 36, 96,
     true, 0.0, I::kCloud, false},
    {"pluck", "Harp", K::kPluck, 46 /* orchestral harp */, F::kPluckedString, std::nullopt, 0, 24,
     103, false, 2.8, I::kGuitar, false},
    {"marimba", "Marimba", K::kMarimba, 12, F::kPitchedPercussion, Clef::kTreble, 0, 36, 96, false,
     1.4, I::kBars, false},
    {"flute", "Flute", K::kFlute, 73, F::kWoodwind, Clef::kTreble, 0, 60, 96, true, 0.0, I::kFlute,
     false},
    {"bell", "Bells", K::kBell, 14 /* tubular bells */, F::kPitchedPercussion, Clef::kTreble, 0, 48,
     96, false, 5.0, I::kBell, false},
    {"bass", "Bass", K::kBass, 32 /* acoustic bass */, F::kPluckedString, Clef::kBass, 0, 28, 67,
     true, 0.0, I::kLowWave, false},
    // The engine's drum is a tom whose body pitch follows the note (a tint), hence a pitched
    // staff and taiko (a pitched GM drum) rather than the GM kit.
    {"drum", "Drum", K::kDrum, 116 /* taiko drum */, F::kPitchedPercussion, std::nullopt, 0, 36, 72,
     false, 0.6, I::kDrum, false},
    {"sampler", "Sampler", K::kSampler, 0 /* acoustic grand piano */, F::kKeyboard, std::nullopt, 0,
     21, 108, false, 0.0, I::kMicrophone, false},
};

}  // namespace

std::span<const InstrumentTraits> AllInstruments() { return kTable; }

const InstrumentTraits* FindInstrument(std::string_view name) {
  for (const InstrumentTraits& t : AllInstruments())
    if (t.name == name) return &t;
  return nullptr;
}

const InstrumentTraits& InstrumentOrDefault(std::string_view name) {
  const InstrumentTraits* t = FindInstrument(name);
  return t ? *t : AllInstruments().front();
}

const InstrumentTraits& TraitsOf(InstrumentKind kind) {
  for (const InstrumentTraits& t : AllInstruments())
    if (t.kind == kind) return t;
  return AllInstruments().front();
}

std::string_view DefaultInstrumentName() { return AllInstruments().front().name; }

std::string InstrumentNameList() {
  std::string names;
  for (const InstrumentTraits& t : AllInstruments()) {
    if (!names.empty()) names += ", ";
    names += t.name;
  }
  return names;
}

Clef StaffClef(const InstrumentTraits* traits, double mean_pitch) {
  if (traits && traits->clef && mean_pitch >= traits->lowest_midi &&
      mean_pitch <= traits->highest_midi)
    return *traits->clef;
  return mean_pitch < 60 ? Clef::kBass : Clef::kTreble;
}

}  // namespace graphony
