// SoundingAt: a pure look-up over interpreted events (no state, no allocation beyond `out`).
#include "interpret/sounding_at.h"

#include <algorithm>
#include <cmath>

namespace graphony {

void GestureAt(const GestureEvent& g, double beat, double& pitch, float& loudness) {
  const auto& p = g.points;
  if (beat <= p.front().beat) {
    pitch = p.front().pitch;
    loudness = p.front().loudness;
    return;
  }
  if (beat >= p.back().beat) {
    pitch = p.back().pitch;
    loudness = p.back().loudness;
    return;
  }
  auto it = std::upper_bound(p.begin(), p.end(), beat,
                             [](double b, const GesturePoint& q) { return b < q.beat; });
  const GesturePoint& b = *it;
  const GesturePoint& a = *(it - 1);
  const double span = b.beat - a.beat;
  const double t = span > 0 ? (beat - a.beat) / span : 1.0;
  pitch = a.pitch + (b.pitch - a.pitch) * t;
  loudness = static_cast<float>(a.loudness + (b.loudness - a.loudness) * t);
}

void SoundingAt(const Events& events, double beat, std::vector<SoundingNote>* out) {
  out->clear();
  if (!std::isfinite(beat)) return;
  // Notes are sorted by start: none after the first one starting later than `beat` can sound.
  const auto& notes = events.notes;
  const auto end = std::upper_bound(notes.begin(), notes.end(), beat,
                                    [](double b, const NoteEvent& n) { return b < n.start_beat; });
  for (auto it = notes.begin(); it != end; ++it) {
    const NoteEvent& n = *it;
    if (!n.sounding || !(beat < n.start_beat + n.duration_beats)) continue;
    SoundingNote s;
    s.source = SoundingNote::Source::kNote;
    s.index = static_cast<int>(it - notes.begin());
    s.instrument = n.instrument;
    s.pitch = n.pitch;
    s.velocity = n.velocity;
    s.loudness = 1;
    s.pan = n.pan;
    out->push_back(s);
  }
  for (size_t i = 0; i < events.gestures.size(); ++i) {
    const GestureEvent& g = events.gestures[i];
    if (g.points.empty() || beat < g.StartBeat() || !(beat < g.EndBeat())) continue;
    SoundingNote s;
    s.source = SoundingNote::Source::kGesture;
    s.index = static_cast<int>(i);
    s.instrument = g.instrument;
    GestureAt(g, beat, s.pitch, s.loudness);
    s.velocity = kGestureVelocity;
    s.pan = g.pan;
    out->push_back(s);
  }
}

std::vector<SoundingNote> SoundingAt(const Events& events, double beat) {
  std::vector<SoundingNote> out;
  SoundingAt(events, beat, &out);
  return out;
}

}  // namespace graphony
