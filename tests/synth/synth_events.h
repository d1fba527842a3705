// Hand-made Events for synth tests (the engine is tested without score loading/interpretation).
#pragma once

#include <string>
#include <vector>

#include "interpret/events.h"
#include "synth/offline_render.h"

namespace graphony::test {

// C4 D4 E4 F4 G4 A4 B4 C5, one beat each at 60 bpm, on one instrument.
inline Events Staircase(const std::string& instrument) {
  Events e;
  e.tempo_bpm = 60;
  e.length_beats = 8;
  e.instruments.push_back({instrument, instrument, "", 200, 200, 200});
  const int pitches[8] = {60, 62, 64, 65, 67, 69, 71, 72};
  for (int i = 0; i < 8; ++i) {
    NoteEvent n;
    n.start_beat = i;
    n.duration_beats = 1;
    n.pitch = pitches[i];
    n.quantised_pitch = pitches[i];
    n.velocity = 0.8f;
    e.notes.push_back(n);
  }
  return e;
}

inline Events SingleNote(const std::string& instrument, double pitch = 60, double beats = 1,
                         double tempo = 60, const std::string& sample = "") {
  Events e;
  e.tempo_bpm = tempo;
  e.length_beats = beats;
  e.instruments.push_back({instrument, instrument, sample, 200, 200, 200});
  NoteEvent n;
  n.duration_beats = beats;
  n.pitch = pitch;
  n.quantised_pitch = static_cast<int>(pitch);
  e.notes.push_back(n);
  return e;
}

inline OfflineOptions Dry(double sample_rate = 48000) {
  OfflineOptions o;
  o.engine.sample_rate = sample_rate;
  o.engine.reverb_mix = 0;
  o.engine.samples_dir = std::string(GRAPHONY_SOURCE_DIR) + "/samples";
  return o;
}

}  // namespace graphony::test
