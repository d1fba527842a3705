// Greedy polyphony limit over grid steps.
#include "interpret/polyphony.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>

namespace graphony::interpret {

std::vector<NoteEvent> LimitPolyphony(const std::vector<NoteEvent>& notes, int max_per_instrument,
                                      double grid, int max_onsets_per_beat) {
  std::vector<size_t> order(notes.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t i, size_t j) {
    const NoteEvent& a = notes[i];
    const NoteEvent& b = notes[j];
    if (a.velocity != b.velocity) return a.velocity > b.velocity;
    if (a.duration_beats != b.duration_beats) return a.duration_beats > b.duration_beats;
    if (a.start_beat != b.start_beat) return a.start_beat < b.start_beat;
    if (a.pitch != b.pitch) return a.pitch < b.pitch;
    return a.instrument < b.instrument;
  });

  // Sounding count per (instrument, grid step), and pitches taken per (instrument, step).
  std::map<std::pair<int, int64_t>, int> count;
  std::set<std::tuple<int, int64_t, int>> taken;
  std::map<std::pair<int, int64_t>, int> onsets;  // per (instrument, beat)
  std::vector<bool> keep(notes.size(), false);
  for (size_t index : order) {
    const NoteEvent& note = notes[index];
    const int64_t k0 = std::llround(note.start_beat / grid);
    const int64_t k1 = std::max(
        k0 + 1, static_cast<int64_t>(std::llround((note.start_beat + note.duration_beats) / grid)));
    bool fits = true;
    for (int64_t k = k0; k < k1 && fits; ++k) {
      auto it = count.find({note.instrument, k});
      if ((it != count.end() && it->second >= max_per_instrument) ||
          taken.count({note.instrument, k, note.quantised_pitch}))
        fits = false;
    }
    const std::pair<int, int64_t> beat{note.instrument,
                                       static_cast<int64_t>(std::floor(note.start_beat + 1e-9))};
    if (fits && max_onsets_per_beat > 0) {
      auto it = onsets.find(beat);
      if (it != onsets.end() && it->second >= max_onsets_per_beat) fits = false;
    }
    if (!fits) continue;
    ++onsets[beat];
    for (int64_t k = k0; k < k1; ++k) {
      ++count[{note.instrument, k}];
      taken.insert({note.instrument, k, note.quantised_pitch});
    }
    keep[index] = true;
  }
  std::vector<NoteEvent> kept;
  for (size_t i = 0; i < notes.size(); ++i)
    if (keep[i]) kept.push_back(notes[i]);
  return kept;
}

}  // namespace graphony::interpret
