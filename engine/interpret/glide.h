// How a stroke's height becomes a sounding pitch: continuous, but drawn toward scale notes.
#pragma once

#include <vector>

#include "core/score.h"

namespace graphony::interpret {

// Pitch of a stroke at `height` (0..1). `scale_notes` is ScaleNotesInRange(mapping).
//
// Why: a pitch that follows the pen exactly is out of tune almost everywhere, while snapping
// makes a stroke a staircase. So each scale note owns the middle half of the distance between
// neighbouring band centres (the same bands notes mode and HeightToPitch use), where the pitch
// is exactly that note; in between, the pitch glides along a smoothstep to the next note. A
// steady hand plays in tune ("no wrong notes"), and a moving hand is heard as a glide. With
// scale "none" (or no scale note in range) the pitch is the plain linear height mapping.
double GlidePitch(const Mapping& mapping, const std::vector<int>& scale_notes, double height);

}  // namespace graphony::interpret
