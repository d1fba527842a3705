// Ableton Link for the one transport: the audio thread asks it, once per buffer, what the
// peers' tempo, beat phase and start/stop say; the renderer applies that to its transport.
#pragma once

#include <cstdint>
#include <memory>

#include "realtime/spsc_ring.h"

namespace graphony {

struct LinkOptions {
  double tempo_bpm = 120;        // our tempo until a peer's session is joined
  bool start_stop_sync = false;  // follow and share play/stop
  double quantum = 4;            // beats whose phase is shared (one bar of 4/4)
};

// What the transport should do for the buffer about to be rendered.
struct LinkFollow {
  double tempo_bpm = 120;  // the session's tempo
  double rate = 1;         // small speed-up/slow-down that closes the phase gap
  double seek_to = -1;     // >= 0: jump here (the phase gap was too large to glide)
  int start_stop = 0;      // +1 a peer started, -1 a peer stopped (start/stop sync only)
};

// One published sample: the host time (Link's clock, CLOCK_MONOTONIC microseconds) of a
// buffer's first frame and the transport's beat there.
struct LinkBeatSample {
  int64_t host_us = 0;
  double beat = 0;
  double tempo_bpm = 0;
  bool playing = false;
};

class LinkSync {
 public:
  // [control] Joins Link (opens its sockets). Only constructed when the user asks for it.
  explicit LinkSync(const LinkOptions& options);
  ~LinkSync();
  LinkSync(const LinkSync&) = delete;
  LinkSync& operator=(const LinkSync&) = delete;

  // [audio] Called at the start of each buffer. `sample_time` = frames rendered so far,
  // `beat` = the transport's beat at this buffer's first frame. `request_tempo` > 0 and
  // `request_playing` (+1 play, -1 stop, 0 none) are local changes to share with peers.
  // Realtime-safe: captureAudioSessionState, no allocation, lock or log.
  LinkFollow Follow(int64_t sample_time, double beat, bool playing, double request_tempo,
                    int request_playing);

  // [control] Peers currently in the session.
  size_t Peers() const;
  // [control] Beat samples the audio thread published (one per ~20 ms); false when empty.
  bool PopSample(LinkBeatSample* sample) { return samples_.Pop(*sample); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  LinkOptions options_;
  bool link_playing_ = false;  // the session's play state last seen (audio thread)
  int64_t last_sample_us_ = 0;
  SpscRing<LinkBeatSample> samples_{4096};
};

}  // namespace graphony
