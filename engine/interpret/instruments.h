// Events::instruments from the score's palette.
#pragma once

#include <vector>

#include "core/score.h"
#include "interpret/events.h"

namespace graphony::interpret {

// One InstrumentRef per palette entry, in palette order (index == palette index). An empty
// palette gives one default sine instrument so colour matching always has a target.
std::vector<InstrumentRef> ResolveInstruments(const std::vector<PaletteEntry>& palette);

}  // namespace graphony::interpret
