// Staircase events: C4 D4 E4 F4 G4 A4 B4 C5, one beat each, the tests' reference melody.
#pragma once

#include <string>

#include "interpret/events.h"

namespace graphony::test {

inline constexpr int kStaircase[8] = {60, 62, 64, 65, 67, 69, 71, 72};

// The staircase on `instrument` at `tempo_bpm`, each note `note_beats` long, velocity 0.8,
// 8 beats in all.
Events StaircaseEvents(const InstrumentRef& instrument, double tempo_bpm, double note_beats);
// The synth suites' staircase: 60 bpm, one full beat per note, on `instrument` (its name also
// its display name, a grey colour).
Events Staircase(const std::string& instrument);

}  // namespace graphony::test
