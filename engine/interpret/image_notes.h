// Notes mode: an image's coloured regions become grid-aligned notes on the scale.
#pragma once

#include <vector>

#include "core/score.h"
#include "interpret/colour.h"
#include "interpret/events.h"

namespace graphony::interpret {

// Working resolution per axis: enough for any grid and scale, small enough to be instant.
inline constexpr int kNotesGridSide = 512;
// Specks: regions smaller than this share of the working grid are ignored.
inline constexpr double kSpeckShare = 0.0003;

// Candidate notes of one notes-mode image layer, before the polyphony limit is applied (that
// is done across all layers, see polyphony.h). `mapping` must be sanitised (grid > 0).
std::vector<NoteEvent> ImageNotes(const Mapping& mapping, const ImageLayer& layer, int layer_index,
                                  const PaletteMatcher& palette);

}  // namespace graphony::interpret
