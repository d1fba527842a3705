// A piano-roll picture of what a score became: notes as coloured bars over the picture.
#pragma once

#include <filesystem>

#include "core/score.h"
#include "interpret/events.h"

namespace graphony::cli {

// Draws the score's image layers (dimmed) with every sounding note on top as a bar in its
// palette colour (time across, pitch up; louder is more opaque) and a legend of the palette
// below, and writes it as PNG to `path` (a temporary file renamed into place, so an existing
// file is never left half-written). Throws ScoreError naming `path` on failure.
void WriteRollPng(const Score& score, const Events& events, const std::filesystem::path& path);

}  // namespace graphony::cli
