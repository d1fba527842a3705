// Shared helpers for the real-time tests: small event lists and signal measurements.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "interpret/events.h"

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

// C4 D4 E4 F4 G4 A4 B4 C5, one beat each (0.5 s at 120 bpm), 0.9 beat long.
inline const int kStaircase[8] = {60, 62, 64, 65, 67, 69, 71, 72};
inline Events StaircaseEvents() {
  Events e = SineEvents(8);
  for (int i = 0; i < 8; ++i) AddNote(e, i, 0.9, kStaircase[i]);
  return e;
}

inline double MidiToHz(double midi) { return 440.0 * std::pow(2.0, (midi - 69.0) / 12.0); }

// Frequency of a (nearly) pure tone from its rising zero crossings, interpolated.
inline double EstimateHz(const std::vector<float>& x, size_t begin, size_t end, double rate) {
  double first = -1, last = -1;
  int crossings = 0;
  for (size_t i = begin + 1; i < end && i < x.size(); ++i) {
    if (x[i - 1] < 0 && x[i] >= 0) {
      const double t = (i - 1) + x[i - 1] / (x[i - 1] - x[i]);
      if (first < 0) first = t; else ++crossings;
      last = t;
    }
  }
  return crossings > 0 ? crossings * rate / (last - first) : 0;
}

inline double Semitones(double hz, double midi) {
  return hz > 0 ? 12.0 * std::log2(hz / MidiToHz(midi)) : 99;
}

inline float Peak(const std::vector<float>& x, size_t begin, size_t end) {
  float p = 0;
  for (size_t i = begin; i < end && i < x.size(); ++i) p = std::max(p, std::fabs(x[i]));
  return p;
}

}  // namespace graphony::test
