// Exporting notation files by extension: .musicxml/.xml, .mid/.midi, .ly (atomic writes).
#pragma once

#include <filesystem>
#include <string>

#include "core/score.h"
#include "interpret/events.h"
#include "notation/notation.h"

namespace graphony::notation {

enum class ExportFormat { kMusicXml, kMidi, kLilyPond, kUnknown };

ExportFormat ExportFormatOf(const std::filesystem::path& out);

// Builds the notation and writes `out` atomically; throws ScoreError naming `out`.
// Returns the notation that was written (for summaries).
NotationScore ExportNotation(const Score& score, const Events& events,
                             const std::filesystem::path& out, const std::string& paper = "a4");

}  // namespace graphony::notation
