// What sounds at one beat of interpreted events: the notes and gestures a scrub plays.
#pragma once

#include <cstdint>
#include <vector>

#include "interpret/events.h"

namespace graphony {

// One note or gesture sounding at a beat, with what a live voice needs to play it.
struct SoundingNote {
  enum class Source : uint8_t { kNote, kGesture };
  Source source = Source::kNote;
  int index = 0;  // into Events::notes or Events::gestures: the same sound while the beat moves
  int instrument = 0;
  double pitch = 60;      // MIDI number (a gesture's, interpolated at the beat)
  float velocity = 0.8f;  // the note's, or kGestureVelocity
  float loudness = 1;     // a gesture's loudness curve at the beat (1 for notes)
  float pan = 0;
  bool operator==(const SoundingNote&) const = default;
};

// Pitch and loudness of a gesture at `beat`: linear between points, held at the ends. The one
// definition playback (SynthEngine) and scrubbing share. `g.points` must not be empty.
void GestureAt(const GestureEvent& g, double beat, double& pitch, float& loudness);

// [any thread] Fills `out` (cleared first) with what sounds at `beat`: sounding notes with
// start <= beat < start + duration, and gestures with start <= beat < end, notes first, each
// in index order. Partial banks (scan mode) are not included. Allocates only when `out` has
// to grow.
void SoundingAt(const Events& events, double beat, std::vector<SoundingNote>* out);
std::vector<SoundingNote> SoundingAt(const Events& events, double beat);

}  // namespace graphony
