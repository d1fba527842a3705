// Notes played on a MIDI keyboard, written onto the score as taps: the one place that turns
// a played note into a stroke (graphony-cli play --midi-record-to and the editor's takes).
#pragma once

#include <string>
#include <vector>

#include "core/score.h"
#include "realtime/midi_input.h"

namespace graphony {

// One played note placed in the score's time.
struct MidiTap {
  double beat = 0;
  int note = 60;
  float velocity = 1;  // 0..1, becomes the tap's pressure (loudness)
  int colour = 0;      // palette index: the player's colour when it was played
};

// Places `notes` (seconds on MidiInput's clock) in beats: a note at `anchor_seconds` is at
// `anchor_beat`, and `seconds_per_beat` apart from there (a steady tempo).
std::vector<MidiTap> PlaceMidiNotes(const std::vector<MidiNoteTaken>& notes, double anchor_seconds,
                                    double anchor_beat, double seconds_per_beat, int colour);

// A strokes layer "MIDI in" holding one tap per note: at its beat, at its pitch's height in
// the mapping's range (clamped), its velocity as pressure, in its palette colour (clamped to
// the palette), credited to `contributor`. Notes outside the score are left out.
Layer MidiTapsLayer(const Score& score, const std::vector<MidiTap>& taps,
                    const std::string& contributor);

}  // namespace graphony
