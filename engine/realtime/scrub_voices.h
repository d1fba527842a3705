// Scrubbing: the live voices that sound what is under a moving playhead. Notes start and stop
// as the beat crosses them and gestures glide, all as ordinary live-voice commands, so the
// audio thread does nothing new (and allocates nothing).
#pragma once

#include <cstdint>
#include <vector>

#include "interpret/events.h"
#include "interpret/sounding_at.h"
#include "realtime/transport_command.h"

namespace graphony {

// Thread rules: [control] only (it allocates while its buffers grow, never on the audio side).
class ScrubVoices {
 public:
  static constexpr int kMaxVoices = 16;  // a dense picture must not take the whole voice pool
  // Live voice ids used for scrubbing: above live audition's (which stay below 1 << 29).
  static constexpr int kFirstId = (1 << 29) + 1;
  static constexpr int kLastId = 1 << 30;

  // The commands that make exactly SoundingAt(events, beat) sound (its first kMaxVoices):
  // NoteOff for what stopped, NoteOn for what started, Gesture for gestures still sounding.
  // `events` must be the ones the published program was prepared from (instrument indices),
  // and `revision` names them: when it changes, every voice is released and started anew
  // (a pointer would not do: new events may be allocated where the old ones were).
  // Returns `*out` (cleared first), for the caller to send in order.
  const std::vector<Command>& MoveTo(const Events& events, uint64_t revision, double beat,
                                     std::vector<Command>* out);
  // NoteOff for every scrub voice (the button was released), in `*out` (cleared first).
  const std::vector<Command>& Release(std::vector<Command>* out);
  int Sounding() const { return static_cast<int>(voices_.size()); }

 private:
  struct Voice {
    SoundingNote::Source source;
    int index;  // into Events::notes / gestures
    int id;     // live voice id
  };
  int NextId();

  uint64_t revision_ = 0;
  bool started_ = false;  // revision_ names the events the voices came from
  std::vector<Voice> voices_, next_;
  std::vector<SoundingNote> now_;
  int next_id_ = kFirstId;
};

}  // namespace graphony
