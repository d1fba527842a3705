// The benchmark's peer: notes mode by region slicing, as it was before figure/ground.
#pragma once

#include <vector>

#include "core/score.h"
#include "interpret/colour.h"
#include "interpret/events.h"

namespace graphony::old_notes {

// Candidate notes of one notes-mode image layer (before the polyphony limit), the old way.
std::vector<NoteEvent> OldImageNotes(const Mapping& mapping, const ImageLayer& layer,
                                     int layer_index, const interpret::PaletteMatcher& palette);

}  // namespace graphony::old_notes
