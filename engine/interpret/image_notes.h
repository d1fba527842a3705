// Notes mode: what stands out in an image becomes notes at its place and in its colour;
// calm ground becomes a quiet sustained bed; busy detail becomes quicker notes.
#pragma once

#include <vector>

#include "core/score.h"
#include "interpret/colour.h"
#include "interpret/events.h"

namespace graphony::interpret {

// Working resolution per axis: enough for any grid and scale, small enough to be instant.
inline constexpr int kNotesGridSide = 512;
// Specks: on paper, figures smaller than this share of the working grid are ignored.
inline constexpr double kSpeckShare = 0.0003;
// A voice taller than this many scale bands is a mass: it sounds, but sustained and softer.
inline constexpr double kMassBands = 3.0;
// Texture above this (0..1) re-strikes a voice on every grid step instead of holding it.
inline constexpr float kBusyTexture = 0.35f;

// Candidate notes of one notes-mode image layer, before the polyphony limit is applied (that
// is done across all layers, see polyphony.h). `mapping` must be sanitised (grid > 0).
// `bar_beats` is the bar length: the bed under a painting changes with the bars.
std::vector<NoteEvent> ImageNotes(const Mapping& mapping, const ImageLayer& layer, int layer_index,
                                  const PaletteMatcher& palette, double bar_beats = 4.0);

}  // namespace graphony::interpret
