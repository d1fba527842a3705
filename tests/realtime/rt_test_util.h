// Shared helpers for the real-time tests: small event lists and a peak meter (pitch and the
// staircase come from tests/support).
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "interpret/events.h"
#include "support/pitch_estimate.h"
#include "support/staircase.h"

namespace graphony::test {

// One sine instrument, no notes yet; 120 bpm so one beat is 0.5 s.
inline Events SineEvents(double length_beats = 8) {
  Events e;
  e.tempo_bpm = 120;
  e.length_beats = length_beats;
  InstrumentRef sine;
  sine.name = "sine";
  sine.display_name = "Sine";
  e.instruments.push_back(sine);
  return e;
}

inline void AddNote(Events& e, double beat, double length, double pitch, float velocity = 0.8f) {
  NoteEvent n;
  n.start_beat = beat;
  n.duration_beats = length;
  n.pitch = pitch;
  n.quantised_pitch = static_cast<int>(std::lround(pitch));
  n.velocity = velocity;
  e.notes.push_back(n);
}

// The staircase (support/staircase.h) on the sine, one beat each (0.5 s at 120 bpm), 0.9 beat long.
inline Events StaircaseEvents() { return StaircaseEvents(SineEvents(8).instruments[0], 120, 0.9); }

inline float Peak(const std::vector<float>& x, size_t begin, size_t end) {
  float p = 0;
  for (size_t i = begin; i < end && i < x.size(); ++i) p = std::max(p, std::fabs(x[i]));
  return p;
}

}  // namespace graphony::test
