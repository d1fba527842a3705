// The beginner's level of a part: one line of main notes, quarters and eighths, within an octave
// and a fifth.
#include <algorithm>
#include <map>

#include "notation/notation.h"

namespace graphony::notation {

void SimplifyForBeginners(std::vector<QuantisedNote>& notes, int lowest, int highest,
                          const NotationScore& ns) {
  if (notes.empty()) return;
  const int eighth = ns.TicksPerWhole() / 8;
  const int bar = ns.TicksPerMeasure();
  // The main notes: at each (eighth-grid) onset only the highest, the tune a listener follows.
  std::map<int, QuantisedNote> line;
  for (QuantisedNote q : notes) {
    q.start = q.start / eighth * eighth;
    auto [it, fresh] = line.emplace(q.start, q);
    if (!fresh && q.midi > it->second.midi) it->second = q;
  }
  // Under a beginner's hands: every note folded by octaves into the octave (and a fifth: a
  // tune rarely fits one octave) around the line's median, inside the instrument's range.
  std::vector<int> pitches;
  for (const auto& [start, q] : line) pitches.push_back(q.midi);
  std::nth_element(pitches.begin(), pitches.begin() + static_cast<long>(pitches.size() / 2),
                   pitches.end());
  int low = pitches[pitches.size() / 2] - 9;
  low = std::clamp(low, lowest, std::max(lowest, highest - 19));
  const int high = std::min(highest, low + 19);
  // Quarters and eighths only, as a beginner counts them (a longer note is a quarter and the
  // rest of its time a rest: on chime bars or a keyboard it rings on); a quarter starts on a
  // beat; never over a barline or into the next note.
  std::vector<QuantisedNote> out;
  for (auto it = line.begin(); it != line.end(); ++it) {
    QuantisedNote q = it->second;
    while (q.midi < low) q.midi += 12;
    while (q.midi > high) q.midi -= 12;
    const auto next = std::next(it);
    const int bar_end = (q.start / bar + 1) * bar;
    const int room = std::min(next == line.end() ? bar_end : std::min(next->first, bar_end),
                              std::max(q.end, q.start + eighth));
    int value = eighth;
    for (int v = eighth * 2; v > eighth; v /= 2)
      if (v <= room - q.start && q.start % std::min(v, kTicksPerBeat) == 0) {
        value = v;
        break;
      }
    q.end = q.start + value;
    out.push_back(q);
  }
  notes = std::move(out);
}

}  // namespace graphony::notation
