// Small counts over a score, shared by the CLI's info/validate and anything that summarises.
#pragma once

#include <cstddef>

#include "core/score.h"

namespace graphony {

size_t CountImageLayers(const Score& score);
size_t CountStrokes(const Score& score);
size_t CountStrokePoints(const Score& score);

}  // namespace graphony
