// Scan strength of a row of cells at once, four cells per SSE2 instruction.
#pragma once

#include <cstddef>

#include "interpret/foreground.h"

namespace graphony::interpret {

// strength[i] = StrengthOf(&rgba[4 * i], bg, full_distance) for i < n, bit for bit: the same
// IEEE operations in the same order, four cells at a time (x86-64 always has SSE2; elsewhere
// the scalar loop).
void StrengthsOf(const float* rgba, size_t n, const Background& bg, float full_distance,
                 float* strength);

}  // namespace graphony::interpret
