// The notes a MIDI keyboard played during `play --midi-record-to`, written as taps on the score.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/score.h"
#include "realtime/midi_input.h"

namespace graphony::cli {

// Adds a strokes layer "MIDI in" holding one tap per note: at beat `from` + (its start −
// `play_offset_seconds`) / `seconds_per_beat`, at its pitch's height in the mapping's range
// (clamped), its velocity as pressure, in palette colour `colour`, credited to
// `contributor`. Notes past the score's end are left out. Returns how many were written.
inline int AddMidiTaps(Score& score, const std::vector<MidiNoteTaken>& notes, int colour,
                       const std::string& contributor, double from, double seconds_per_beat,
                       double play_offset_seconds) {
  Layer layer;
  layer.kind = Layer::Kind::kStrokes;
  // NOT-UI: the layer's name kept in the score (what `play --help` promises), not a message
  layer.name = "MIDI in";
  const double range = std::max(1e-9, score.mapping.highest - score.mapping.lowest);
  // A tap spans less than kTapShareOfGrid of a grid step: one short note on the grid.
  const double span = std::max(1e-3, score.mapping.grid * 0.1);
  for (const MidiNoteTaken& n : notes) {
    const double beat = from + (n.start_seconds - play_offset_seconds) / seconds_per_beat;
    if (beat < 0 || beat + span > score.length_beats) continue;
    const double h = std::clamp((n.note - score.mapping.lowest) / range, 0.0, 1.0);
    Stroke s;
    s.color = score.palette[static_cast<size_t>(colour)].color;
    s.contributor = contributor;
    s.points = {{beat, h, n.velocity}, {beat + span, h, n.velocity}};
    layer.strokes.strokes.push_back(std::move(s));
  }
  const int written = static_cast<int>(layer.strokes.strokes.size());
  score.layers.push_back(std::move(layer));
  return written;
}

}  // namespace graphony::cli
