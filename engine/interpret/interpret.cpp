// Interpret(): walks the layers, dispatches to strokes / notes mode / scan mode, then orders.
#include "interpret/interpret.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "interpret/colour.h"
#include "interpret/image_notes.h"
#include "interpret/image_scan.h"
#include "interpret/instruments.h"
#include "interpret/polyphony.h"
#include "interpret/strokes.h"

namespace graphony {

Mapping SanitisedMapping(const Mapping& in) {
  Mapping m = in;
  if (!std::isfinite(m.grid) || m.grid <= 0) m.grid = 0.5;
  m.grid = std::clamp(m.grid, 1.0 / 64, 16.0);
  if (!std::isfinite(m.lowest)) m.lowest = 55;
  if (!std::isfinite(m.highest)) m.highest = 79;
  if (m.highest < m.lowest) std::swap(m.lowest, m.highest);
  m.lowest = std::clamp(m.lowest, double{kLowestMidi}, double{kHighestMidi});
  m.highest = std::clamp(m.highest, double{kLowestMidi}, double{kHighestMidi});
  m.root = std::clamp(m.root, kLowestMidi, kHighestMidi);
  m.max_polyphony = std::clamp(m.max_polyphony, 1, 64);
  return m;
}

Events Interpret(const Score& score) {
  using namespace interpret;
  Events events;
  events.tempo_bpm = score.tempo_bpm;
  events.length_beats = std::isfinite(score.length_beats) ? std::max(0.0, score.length_beats) : 0.0;
  events.instruments = ResolveInstruments(score.palette);
  const PaletteMatcher palette(score.palette);
  const Mapping mapping = SanitisedMapping(score.mapping);

  std::vector<NoteEvent> image_notes;  // limited together: polyphony is per instrument, score-wide
  std::vector<GestureEvent> gestures;
  for (size_t i = 0; i < score.layers.size(); ++i) {
    const Layer& layer = score.layers[i];
    const int index = static_cast<int>(i);
    if (layer.muted) continue;
    switch (layer.kind) {
      case Layer::Kind::kStrokes:
        for (const Stroke& stroke : layer.strokes.strokes)
          InterpretStroke(mapping, stroke, index, palette, &gestures, &events.notes);
        break;
      case Layer::Kind::kImage:
        switch (layer.image.mode) {
          case ImageMode::kNotes: {
            std::vector<NoteEvent> notes = ImageNotes(mapping, layer.image, index, palette);
            image_notes.insert(image_notes.end(), notes.begin(), notes.end());
            break;
          }
          case ImageMode::kScan:
            if (auto bank = ScanImage(mapping, layer.image, index, palette)) events.banks.push_back(std::move(*bank));
            break;
        }
        break;
    }
  }
  const std::vector<NoteEvent> kept = LimitPolyphony(image_notes, mapping.max_polyphony, mapping.grid);
  events.notes.insert(events.notes.end(), kept.begin(), kept.end());

  // Gestures by start beat (drawing order breaks ties); shadow notes follow their gesture.
  std::vector<size_t> order(gestures.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return gestures[a].StartBeat() < gestures[b].StartBeat(); });
  std::vector<int> new_index(gestures.size());
  for (size_t k = 0; k < order.size(); ++k) {
    new_index[order[k]] = static_cast<int>(k);
    events.gestures.push_back(std::move(gestures[order[k]]));
  }
  for (NoteEvent& note : events.notes)
    if (note.gesture >= 0) note.gesture = new_index[static_cast<size_t>(note.gesture)];

  std::stable_sort(events.notes.begin(), events.notes.end(), [](const NoteEvent& a, const NoteEvent& b) {
    if (a.start_beat != b.start_beat) return a.start_beat < b.start_beat;
    if (a.pitch != b.pitch) return a.pitch < b.pitch;
    if (a.instrument != b.instrument) return a.instrument < b.instrument;
    if (a.layer != b.layer) return a.layer < b.layer;
    return a.sounding > b.sounding;
  });

  // The events last at least as long as the score, and long enough for everything in them.
  for (const NoteEvent& n : events.notes)
    events.length_beats = std::max(events.length_beats, n.start_beat + n.duration_beats);
  for (const GestureEvent& g : events.gestures) events.length_beats = std::max(events.length_beats, g.EndBeat());
  for (const PartialBank& b : events.banks)
    events.length_beats = std::max(events.length_beats, b.start_beat + b.length_beats);
  return events;
}

}  // namespace graphony
