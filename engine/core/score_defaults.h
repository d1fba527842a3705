// Calm starting points for new scores: the default palette and mapping the editor and CLI use.
#pragma once

#include <string>
#include <vector>

#include "core/score.h"

namespace graphony {

// Six colour-blind-friendly colours (the Okabe-Ito set), one instrument each.
std::vector<PaletteEntry> DefaultPalette();

// An empty score dated today: 72 bpm, 4/4, 32 beats, C major pentatonic from G3 to G5, notes mode,
// the default palette, no layers.
Score NewScore();

// The title a new score gets until the group names it: "Music of 2 December 2026".
std::string NewScoreTitle(const std::string& iso_date);

}  // namespace graphony
