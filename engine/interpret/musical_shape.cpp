// Musical shape: phrase splits, breathing velocities, the closing bar, bridged rests, re-strikes.
#include "interpret/musical_shape.h"

#include <algorithm>
#include <cmath>

namespace graphony::interpret {

namespace {

double Snap(double beat, double g) { return std::round(beat / g) * g; }

void SplitAtPhrases(std::vector<NoteEvent>& notes, double phrase, double g) {
  std::vector<NoteEvent> out;
  for (NoteEvent n : notes) {
    while (true) {
      const double boundary = (std::floor(n.start_beat / phrase + 1e-9) + 1) * phrase;
      if (n.start_beat + n.duration_beats <= boundary + 1e-9 || boundary - n.start_beat < g - 1e-9)
        break;
      NoteEvent head = n;
      head.duration_beats = boundary - n.start_beat;
      out.push_back(head);
      n.duration_beats -= head.duration_beats;
      n.start_beat = boundary;
      n.velocity *= 0.9f;  // the next phrase takes a breath and comes back a little softer
    }
    out.push_back(n);
  }
  notes = std::move(out);
}

void Breathe(std::vector<NoteEvent>& notes, double bar, double phrase) {
  for (NoteEvent& n : notes) {
    const double in_bar = std::fmod(n.start_beat, bar);
    const double accent = in_bar < 1e-6 ? 1.12 : std::abs(in_bar - bar / 2) < 1e-6 ? 1.04 : 0.96;
    const double p = std::fmod(n.start_beat, phrase) / phrase;  // 0..1 through the phrase
    const double arch = 0.86 + 0.18 * std::sin(3.14159265358979 * p);
    n.velocity = static_cast<float>(std::clamp(n.velocity * accent * arch, 0.02, 1.0));
  }
}

// The last bar: a fade, and the root under whatever sounds at the very end.
void Close(std::vector<NoteEvent>& notes, const ShapeContext& c, double g) {
  if (notes.empty() || c.end_beat <= 0) return;
  const double end = c.end_beat;
  const double bar_start = std::max(0.0, end - c.bar_beats);
  for (NoteEvent& n : notes)
    if (n.start_beat >= bar_start)
      n.velocity *=
          static_cast<float>(1.0 - 0.45 * (n.start_beat - bar_start) / std::max(g, c.bar_beats));
  // The final sonority: notes still sounding in the last grid step, else the last to end.
  double last_end = 0;
  for (const NoteEvent& n : notes)
    last_end = std::max(last_end, std::min(end, n.start_beat + n.duration_beats));
  const double final_step = last_end - g;
  int lowest = 1000, lowest_index = -1;
  for (size_t i = 0; i < notes.size(); ++i) {
    const NoteEvent& n = notes[i];
    if (n.start_beat < last_end - 1e-9 && n.start_beat + n.duration_beats > final_step + 1e-9 &&
        n.quantised_pitch < lowest) {
      lowest = n.quantised_pitch;
      lowest_index = static_cast<int>(i);
    }
  }
  if (lowest_index < 0) return;
  const int root_class = ((c.mapping.root % 12) + 12) % 12;
  if (((lowest % 12) + 12) % 12 == root_class) return;  // already closes on the root
  const int lo = static_cast<int>(std::ceil(c.mapping.lowest - 1e-9)),
            hi = static_cast<int>(std::floor(c.mapping.highest + 1e-9));
  int root = -1;
  for (int m = lowest; m >= lo; --m)
    if (((m % 12) + 12) % 12 == root_class) {
      root = m;
      break;
    }
  if (root < 0)
    for (int m = lo; m <= hi; ++m)
      if (((m % 12) + 12) % 12 == root_class) {
        root = m;
        break;
      }
  if (root < 0) return;
  // Under the final sonority, at most a bar before the music ends.
  const double close_from = std::max(0.0, last_end - c.bar_beats);
  const double start =
      Snap(std::max(close_from,
                    std::min(final_step, notes[static_cast<size_t>(lowest_index)].start_beat)),
           g);
  // Nothing may sound below the root at the close.
  std::vector<NoteEvent> kept;
  for (NoteEvent n : notes) {
    if (n.quantised_pitch < root && n.start_beat + n.duration_beats > start + 1e-9) {
      if (n.start_beat >= start - 1e-9) continue;
      n.duration_beats = start - n.start_beat;
    }
    kept.push_back(n);
  }
  NoteEvent r = notes[static_cast<size_t>(lowest_index)];
  r.start_beat = start;
  r.duration_beats = std::max(g, Snap(last_end, g) - start);
  r.pitch = root;
  r.quantised_pitch = root;
  r.velocity = std::max(0.35f, r.velocity);
  r.sounding = true;
  r.gesture = -1;
  kept.push_back(r);
  notes = std::move(kept);
}

double Audible(const ShapeContext& c, const NoteEvent& n) {
  const double a = n.instrument >= 0 && n.instrument < static_cast<int>(c.audible_beats.size())
                       ? c.audible_beats[static_cast<size_t>(n.instrument)]
                       : 0.0;
  return a > 0 ? a : 1e18;
}

// Rests longer than kLongestRest between the first and the last note: the last note heard
// before the rest carries on softly through it.
void Bridge(std::vector<NoteEvent>& notes, const ShapeContext& c, double g) {
  if (notes.empty()) return;
  std::sort(notes.begin(), notes.end(),
            [](const NoteEvent& a, const NoteEvent& b) { return a.start_beat < b.start_beat; });
  std::vector<NoteEvent> added;
  double heard_until = notes.front().start_beat;
  const NoteEvent* last = nullptr;
  for (const NoteEvent& n : notes) {
    if (last && n.start_beat - heard_until > kLongestRest + 1e-9) {
      NoteEvent b = *last;
      b.start_beat = Snap(heard_until, g);
      if (b.start_beat < heard_until - 1e-9) b.start_beat += g;
      b.duration_beats = n.start_beat - b.start_beat;
      b.velocity = std::max(0.12f, 0.6f * last->velocity);
      if (b.duration_beats >= g - 1e-9) added.push_back(b);
    }
    const double until = n.start_beat + std::min(n.duration_beats, Audible(c, n));
    if (until >= heard_until) {
      heard_until = until;
      last = &n;
    }
  }
  notes.insert(notes.end(), added.begin(), added.end());
}

void Restrike(std::vector<NoteEvent>& notes, const ShapeContext& c, double g) {
  std::vector<NoteEvent> out;
  for (NoteEvent n : notes) {
    const double a = Audible(c, n);
    if (a >= 1e17 || n.duration_beats <= a + 1e-9) {
      out.push_back(n);
      continue;
    }
    const double piece = std::max(g, std::floor(a / g) * g);
    while (n.duration_beats > piece + 1e-9) {
      NoteEvent head = n;
      head.duration_beats = piece;
      out.push_back(head);
      n.start_beat += piece;
      n.duration_beats -= piece;
      n.velocity *= 0.92f;
    }
    out.push_back(n);
  }
  notes = std::move(out);
}

}  // namespace

std::vector<NoteEvent> ShapeMusic(std::vector<NoteEvent> notes, const ShapeContext& c) {
  if (notes.empty()) return notes;
  const double g = c.mapping.grid;
  const double bar = std::max(g, c.bar_beats);
  const double phrase = bar * kPhraseBars;
  SplitAtPhrases(notes, phrase, g);
  Breathe(notes, bar, phrase);
  Close(notes, c, g);
  Restrike(notes, c, g);  // first, so a rest is measured from what is really heard
  Bridge(notes, c, g);
  Restrike(notes, c, g);  // the bridges too
  std::stable_sort(notes.begin(), notes.end(), [](const NoteEvent& a, const NoteEvent& b) {
    if (a.start_beat != b.start_beat) return a.start_beat < b.start_beat;
    return a.pitch < b.pitch;
  });
  return notes;
}

}  // namespace graphony::interpret
