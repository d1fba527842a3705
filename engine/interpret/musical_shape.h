// Musical shape for the notes of pictures: phrases that breathe with the bars, re-struck
// decaying notes, no long silences inside the painted span, and a closing last bar.
#pragma once

#include <vector>

#include "core/score.h"
#include "interpret/events.h"

namespace graphony::interpret {

struct ShapeContext {
  Mapping mapping;       // sanitised
  double bar_beats = 4;  // from the meter
  double tempo_bpm = 72;
  double end_beat = 0;                // where the pictures end: the last bar closes here
  std::vector<double> audible_beats;  // per instrument; 0 = sustains
};

// Longest stretch without a sounding picture note that is left alone, in beats.
inline constexpr double kLongestRest = 1.5;
// Phrases are this many bars; notes do not run across a phrase's end.
inline constexpr int kPhraseBars = 4;

// Applies, in order: notes split at phrase ends; velocities shaped by the bar (downbeat
// accent) and the phrase (an arch); the last bar fades and closes on the root in the lowest
// voice; rests longer than kLongestRest between the first and last note are bridged by the
// note before them; decaying notes longer than their instrument sounds are struck again.
// Notes stay on the grid. Deterministic.
std::vector<NoteEvent> ShapeMusic(std::vector<NoteEvent> notes, const ShapeContext& context);

}  // namespace graphony::interpret
