// Heard notes placed on the painting: one stroke layer, in the score's own grid and scale,
// so it plays, prints and edits like a layer painted by hand.
#pragma once

#include <string>
#include <vector>

#include "core/score.h"
#include "transcribe/detect_notes.h"

namespace graphony::transcribe {

struct Placement {
  double at_beat = 0;       // where the audio's first sample lies on the timeline
  int colour = 0;           // palette index the strokes are painted with
  std::string contributor;  // Contributor::id credited for the strokes ("" = nobody)
  std::string layer_name;
};

struct MelodyLayer {
  Layer layer;
  int notes = 0;
  int folded = 0;  // notes moved by octaves into the score's playable range
};

// Each note becomes a flat stroke at the centre of its pitch's band (exactly that pitch once
// snapped to the scale; plain semitones when the scale is "none"), from its onset to its end.
// Gentle quantising: an onset within a quarter of a grid step of a grid line moves onto it;
// others stay where they were played (notation still prints them on the grid, as it does
// hand-painted strokes). A note shorter than half a grid step becomes a tap, one grid long.
// Loudness follows each note's level against the loudest. Notes outside the range are folded
// into it by octaves.
MelodyLayer BuildMelodyLayer(const Score& score, const std::vector<HeardNote>& notes,
                             const Placement& placement);

}  // namespace graphony::transcribe
