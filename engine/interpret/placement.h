// Where an image layer's cells sit in the score: columns -> beats, rows -> heights (0..1).
#pragma once

#include <algorithm>
#include <cmath>

#include "core/score.h"

namespace graphony::interpret {

struct Placement {
  double start_beat = 0;
  double length_beats = 0;
  double bottom = 0;
  double top = 1;
  int columns = 1;
  int rows = 1;

  Placement(const ImageLayer& layer, int cols, int rws)
      : start_beat(layer.start_beat),
        length_beats(layer.length_beats),
        bottom(std::clamp(layer.bottom, 0.0, 1.0)),
        top(std::clamp(layer.top, 0.0, 1.0)),
        columns(cols),
        rows(rws) {}

  // Beat at a (fractional) column position; column x spans [BeatAt(x), BeatAt(x + 1)).
  double BeatAt(double x) const { return start_beat + length_beats * x / columns; }
  // Fractional column position of a beat (inverse of BeatAt).
  double ColumnAt(double beat) const { return (beat - start_beat) / length_beats * columns; }
  // Height of a (fractional) row position; rows count from the top, so row y's centre is y+0.5.
  double HeightAt(double y) const { return bottom + (top - bottom) * (1.0 - y / rows); }
};

// Layers whose timeline extent cannot hold sound are skipped rather than divided by.
inline bool PlacementIsUsable(const ImageLayer& layer) {
  return layer.length_beats > 0 && layer.length_beats <= kMaxBeats &&
         layer.start_beat >= -kMaxBeats && layer.start_beat <= kMaxBeats;
}

// Opacity scales loudness; anything unusable (NaN) is treated as fully transparent.
inline float LayerOpacity(const ImageLayer& layer) {
  return std::isfinite(layer.opacity) ? std::clamp(layer.opacity, 0.0f, 1.0f) : 0.0f;
}

}  // namespace graphony::interpret
