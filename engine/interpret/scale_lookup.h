// ScaleLookup is core's PitchMap (the one height <-> scale note map), under the name the
// interpretation code has used; nothing is computed here.
#pragma once

#include "core/pitch.h"

namespace graphony::interpret {

using ScaleLookup = PitchMap;

}  // namespace graphony::interpret
