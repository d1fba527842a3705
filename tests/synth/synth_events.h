// Hand-made Events for synth tests (the engine is tested without score loading/interpretation).
#pragma once

#include <string>
#include <vector>

#include "interpret/events.h"
#include "support/staircase.h"
#include "synth/offline_render.h"

namespace graphony::test {

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
