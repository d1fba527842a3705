// Scan (spectral) mode: columns are time, rows are pitches, difference from the background is
// loudness. The image becomes one bank of sine partials.
#pragma once

#include <optional>

#include "core/score.h"
#include "interpret/colour.h"
#include "interpret/events.h"

namespace graphony::interpret {

inline constexpr int kDefaultMaxScanRows = 1024;  // rows = 0: the image height, up to this
inline constexpr int kMaxScanRows = 4096;         // an explicit ImageLayer::rows, up to this
inline constexpr int kMaxScanColumns = 2048;      // amplitude steps across the layer
// Memory bound for old laptops: with very many rows, fewer columns (time steps).
inline constexpr int kMaxScanCells = 1 << 21;

// nullopt when nothing in the image differs from its background (silence, not an error).
std::optional<PartialBank> ScanImage(const Mapping& mapping, const ImageLayer& layer,
                                     int layer_index, const PaletteMatcher& palette);

}  // namespace graphony::interpret
