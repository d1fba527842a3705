// Keeps notes-mode output playable by a group: at most N simultaneous notes per instrument.
#pragma once

#include <vector>

#include "interpret/events.h"

namespace graphony::interpret {

// Keeps the most prominent notes (loudest, then longest, then earliest, then lowest) such that
// no instrument ever has more than max_per_instrument notes sounding at once and no instrument
// plays the same pitch twice at once. Notes must lie on `grid` (notes mode guarantees it).
// Deterministic; returns the kept notes in their original order.
// With max_onsets_per_beat > 0, also no instrument starts more than that many notes within
// one beat (whole beats from 0).
std::vector<NoteEvent> LimitPolyphony(const std::vector<NoteEvent>& notes, int max_per_instrument,
                                      double grid, int max_onsets_per_beat = 0);

}  // namespace graphony::interpret
