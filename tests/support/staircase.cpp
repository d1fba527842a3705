// Staircase events (see staircase.h).
#include "support/staircase.h"

namespace graphony::test {

Events StaircaseEvents(const InstrumentRef& instrument, double tempo_bpm, double note_beats) {
  Events e;
  e.tempo_bpm = tempo_bpm;
  e.length_beats = 8;
  e.instruments.push_back(instrument);
  for (int i = 0; i < 8; ++i) {
    NoteEvent n;
    n.start_beat = i;
    n.duration_beats = note_beats;
    n.pitch = kStaircase[i];
    n.quantised_pitch = kStaircase[i];
    n.velocity = 0.8f;
    e.notes.push_back(n);
  }
  return e;
}

Events Staircase(const std::string& instrument) {
  return StaircaseEvents({instrument, instrument, "", 200, 200, 200}, 60, 1);
}

}  // namespace graphony::test
