// MIDI notes -> tap strokes on the score.
#include "realtime/midi_taps.h"

#include <algorithm>

namespace graphony {

std::vector<MidiTap> PlaceMidiNotes(const std::vector<MidiNoteTaken>& notes, double anchor_seconds,
                                    double anchor_beat, double seconds_per_beat, int colour) {
  std::vector<MidiTap> taps;
  taps.reserve(notes.size());
  for (const MidiNoteTaken& n : notes)
    taps.push_back(MidiTap{anchor_beat + (n.start_seconds - anchor_seconds) / seconds_per_beat,
                           n.note, n.velocity, colour});
  return taps;
}

Layer MidiTapsLayer(const Score& score, const std::vector<MidiTap>& taps,
                    const std::string& contributor) {
  Layer layer;
  layer.kind = Layer::Kind::kStrokes;
  layer.name = "MIDI in";
  const double range = std::max(1e-9, score.mapping.highest - score.mapping.lowest);
  // A tap spans a tenth of a grid step: one short note on the grid.
  const double span = std::max(1e-3, score.mapping.grid * 0.1);
  const int colours = static_cast<int>(score.palette.size());
  for (const MidiTap& t : taps) {
    if (!(t.beat >= 0) || t.beat + span > score.length_beats || colours == 0) continue;
    const double h = std::clamp((t.note - score.mapping.lowest) / range, 0.0, 1.0);
    Stroke s;
    s.color = score.palette[static_cast<size_t>(std::clamp(t.colour, 0, colours - 1))].color;
    s.contributor = contributor;
    s.points = {{t.beat, h, t.velocity}, {t.beat + span, h, t.velocity}};
    layer.strokes.strokes.push_back(std::move(s));
  }
  return layer;
}

}  // namespace graphony
