// Interpret(): walks the layers, dispatches to strokes / notes mode / scan mode, then orders.
#include "interpret/interpret.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "interpret/colour.h"
#include "interpret/image_notes.h"
#include "interpret/image_scan.h"
#include "interpret/instrument_decay.h"
#include "interpret/instruments.h"
#include "interpret/musical_shape.h"
#include "interpret/placement.h"
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
  m.max_notes_per_beat = std::clamp(m.max_notes_per_beat, 1, 64);
  return m;
}

struct InterpretCache::Impl {
  struct Entry {
    std::shared_ptr<const Image> pixels;  // held so the key's identity cannot be reused
    ImageLayer layer;                     // placement, mode, opacity, rows (== ignores pixels)
    Mapping mapping;
    double bar_beats = 4;
    std::vector<PaletteEntry> palette;
    std::vector<NoteEvent> notes;
    std::optional<PartialBank> bank;
    bool used = false;
  };
  std::vector<Entry> entries;
  int hits = 0, misses = 0;
  // The last shaping (limit, musical shape, limit) of all image notes: a stroke edit leaves
  // the pictures' notes alone, so it is reused rather than redone on every call.
  std::vector<NoteEvent> shaped_input, shaped_output;
  Mapping shaped_mapping;
  std::vector<double> shaped_key;  // bar, tempo, end, audible beats per instrument
  bool shaped = false;

  Entry* Find(const ImageLayer& layer, const Mapping& mapping, double bar_beats,
              const std::vector<PaletteEntry>& palette) {
    for (Entry& e : entries)
      if (e.pixels == layer.pixels && e.layer == layer && e.mapping == mapping &&
          e.bar_beats == bar_beats && e.palette == palette)
        return &e;
    return nullptr;
  }
};

InterpretCache::InterpretCache() : impl_(std::make_unique<Impl>()) {}
InterpretCache::~InterpretCache() = default;
int InterpretCache::hits() const { return impl_->hits; }
int InterpretCache::misses() const { return impl_->misses; }

Events Interpret(const Score& score) { return Interpret(score, nullptr); }

Events Interpret(const Score& score, InterpretCache* cache) {
  using namespace interpret;
  InterpretCache::Impl* memo = cache ? cache->impl_.get() : nullptr;
  if (memo)
    for (auto& e : memo->entries) e.used = false;
  Events events;
  events.tempo_bpm = score.tempo_bpm;
  events.length_beats = std::isfinite(score.length_beats) ? std::max(0.0, score.length_beats) : 0.0;
  events.instruments = ResolveInstruments(score.palette);
  const PaletteMatcher palette(score.palette);
  const Mapping mapping = SanitisedMapping(score.mapping);
  const double bar_beats =
      score.meter.numerator > 0 && score.meter.denominator > 0
          ? std::clamp(4.0 * score.meter.numerator / score.meter.denominator, 0.25, 64.0)
          : 4.0;
  double pictures_end = 0;  // where the last notes-mode picture ends: the music closes there

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
      case Layer::Kind::kImage: {
        InterpretCache::Impl::Entry* entry =
            memo ? memo->Find(layer.image, mapping, bar_beats, score.palette) : nullptr;
        if (entry) {
          ++memo->hits;
        } else {
          InterpretCache::Impl::Entry fresh;
          switch (layer.image.mode) {
            case ImageMode::kNotes:
              fresh.notes = ImageNotes(mapping, layer.image, index, palette, bar_beats);
              break;
            case ImageMode::kScan:
              fresh.bank = ScanImage(mapping, layer.image, index, palette);
              break;
          }
          if (!memo) {
            image_notes.insert(image_notes.end(), fresh.notes.begin(), fresh.notes.end());
            if (fresh.bank) events.banks.push_back(std::move(*fresh.bank));
            break;
          }
          ++memo->misses;
          fresh.pixels = layer.image.pixels;
          fresh.layer = layer.image;
          fresh.mapping = mapping;
          fresh.bar_beats = bar_beats;
          fresh.palette = score.palette;
          memo->entries.push_back(std::move(fresh));
          entry = &memo->entries.back();
        }
        // A remembered result may come from another position in the layer list.
        entry->used = true;
        for (NoteEvent note : entry->notes) {
          note.layer = index;
          image_notes.push_back(note);
        }
        if (entry->bank) {
          events.banks.push_back(*entry->bank);
          events.banks.back().layer = index;
        }
        break;
      }
    }
  }
  if (memo)
    memo->entries.erase(
        std::remove_if(memo->entries.begin(), memo->entries.end(),
                       [](const InterpretCache::Impl::Entry& e) { return !e.used; }),
        memo->entries.end());
  for (const Layer& layer : score.layers)
    if (!layer.muted && layer.kind == Layer::Kind::kImage &&
        layer.image.mode == ImageMode::kNotes && layer.image.pixels &&
        PlacementIsUsable(layer.image))
      pictures_end = std::max(pictures_end, layer.image.start_beat + layer.image.length_beats);
  ShapeContext shape;
  shape.mapping = mapping;
  shape.bar_beats = bar_beats;
  shape.tempo_bpm = std::isfinite(score.tempo_bpm) && score.tempo_bpm > 0 ? score.tempo_bpm : 72;
  shape.end_beat = pictures_end;
  for (const InstrumentRef& ref : events.instruments)
    shape.audible_beats.push_back(AudibleSeconds(ref.name) * shape.tempo_bpm / 60.0);
  std::vector<double> shape_key = {shape.bar_beats, shape.tempo_bpm, shape.end_beat};
  shape_key.insert(shape_key.end(), shape.audible_beats.begin(), shape.audible_beats.end());
  auto same_notes = [](const std::vector<NoteEvent>& a, const std::vector<NoteEvent>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      const NoteEvent& x = a[i];
      const NoteEvent& y = b[i];
      if (x.start_beat != y.start_beat || x.duration_beats != y.duration_beats ||
          x.pitch != y.pitch || x.quantised_pitch != y.quantised_pitch ||
          x.velocity != y.velocity || x.instrument != y.instrument || x.pan != y.pan ||
          x.layer != y.layer || x.contributor != y.contributor || x.sounding != y.sounding ||
          x.gesture != y.gesture)
        return false;
    }
    return true;
  };
  std::vector<NoteEvent> kept;
  if (memo && memo->shaped && memo->shaped_mapping == mapping && memo->shaped_key == shape_key &&
      same_notes(memo->shaped_input, image_notes)) {
    kept = memo->shaped_output;
  } else {
    // Shaping adds notes (the closing root, bridges over rests): the voice limit holds again.
    kept = LimitPolyphony(ShapeMusic(LimitPolyphony(image_notes, mapping.max_polyphony,
                                                    mapping.grid, mapping.max_notes_per_beat),
                                     shape),
                          mapping.max_polyphony, mapping.grid);
    if (memo) {
      memo->shaped = true;
      memo->shaped_input = image_notes;
      memo->shaped_output = kept;
      memo->shaped_mapping = mapping;
      memo->shaped_key = shape_key;
    }
  }
  events.notes.insert(events.notes.end(), kept.begin(), kept.end());

  // Gestures by start beat (drawing order breaks ties); shadow notes follow their gesture.
  std::vector<size_t> order(gestures.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return gestures[a].StartBeat() < gestures[b].StartBeat();
  });
  std::vector<int> new_index(gestures.size());
  for (size_t k = 0; k < order.size(); ++k) {
    new_index[order[k]] = static_cast<int>(k);
    events.gestures.push_back(std::move(gestures[order[k]]));
  }
  for (NoteEvent& note : events.notes)
    if (note.gesture >= 0) note.gesture = new_index[static_cast<size_t>(note.gesture)];

  std::stable_sort(events.notes.begin(), events.notes.end(),
                   [](const NoteEvent& a, const NoteEvent& b) {
                     if (a.start_beat != b.start_beat) return a.start_beat < b.start_beat;
                     if (a.pitch != b.pitch) return a.pitch < b.pitch;
                     if (a.instrument != b.instrument) return a.instrument < b.instrument;
                     if (a.layer != b.layer) return a.layer < b.layer;
                     return a.sounding > b.sounding;
                   });

  // The events last at least as long as the score, and long enough for everything in them.
  for (const NoteEvent& n : events.notes)
    events.length_beats = std::max(events.length_beats, n.start_beat + n.duration_beats);
  for (const GestureEvent& g : events.gestures)
    events.length_beats = std::max(events.length_beats, g.EndBeat());
  for (const PartialBank& b : events.banks)
    events.length_beats = std::max(events.length_beats, b.start_beat + b.length_beats);
  return events;
}

}  // namespace graphony
