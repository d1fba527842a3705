// Strokes become gestures (continuous glides) plus printable shadow notes; dots become notes.
#pragma once

#include <vector>

#include "core/score.h"
#include "interpret/colour.h"
#include "interpret/events.h"

namespace graphony::interpret {

// A stroke spanning less than this share of a grid step is a dot or tap: one short note.
inline constexpr double kTapShareOfGrid = 0.5;
// Backward moves smaller than this share of a grid step are hand jitter, not a turn back.
inline constexpr double kTurnToleranceShareOfGrid = 0.1;
// A forward part shorter than this share of a grid step (after splitting) is dropped.
inline constexpr double kMinPartShareOfGrid = 0.25;

// The forward-moving parts of a stroke: each has strictly increasing beats. A part drawn
// backwards in time is reversed so it plays forward. Exposed for tests.
std::vector<std::vector<StrokePoint>> SplitForward(const std::vector<StrokePoint>& points,
                                                   double grid);

// Loudness of a stroke from its pressure (0..1) and brush width (share of canvas height).
float StrokeLoudness(float pressure, float width);

// What one point of a stroke sounds like. The one mapping from a pen position to sound, used
// by Interpret and by the editor's live audition alike, so drawing sounds like playback.
struct StrokePointSound {
  int instrument = 0;  // Events::instruments index (nearest palette colour)
  double pitch = 60;   // MIDI as heard
  float velocity = kGestureVelocity;
  float loudness = 1;  // gain on top of velocity (the gesture's loudness curve)
  float pan = 0;       // -1..1
};
// `scale_notes` is ScaleNotesInRange(mapping); `tap` is a dot (one short note on the grid:
// pitch snapped to the scale, loudness in the velocity) rather than a point of a glide.
StrokePointSound SoundOfStrokePoint(const Mapping& mapping, const std::vector<int>& scale_notes,
                                    const PaletteMatcher& palette, Color color, double height,
                                    float pressure, float width, bool tap);

// Appends the stroke's gestures to `gestures` and its notes to `notes` (shadow notes carry
// the index of their gesture within `gestures`). `mapping` must be sanitised (grid > 0).
void InterpretStroke(const Mapping& mapping, const Stroke& stroke, int layer_index,
                     const PaletteMatcher& palette, std::vector<GestureEvent>* gestures,
                     std::vector<NoteEvent>* notes);

}  // namespace graphony::interpret
