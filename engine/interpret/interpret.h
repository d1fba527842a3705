// Interpret(Score) -> Events: the one pure step from a picture to music. Playback, audio
// export and notation all use its output, so what you hear is what you print.
#pragma once

#include <memory>

#include "core/score.h"
#include "interpret/events.h"

namespace graphony {

// Pure and deterministic: the same score always gives identical events (no clocks or random
// numbers; big pictures are analysed on two threads, each taking whole rows, which gives the
// one-thread result bit for bit). Muted layers give nothing; visibility does not matter for
// sound. Image layers without decoded pixels are skipped. Events::instruments holds every
// palette entry in palette order, so an instrument index is the palette index (an empty palette
// gives one default "sine" instrument). Notes are sorted by start, then pitch.
Events Interpret(const Score& score);

// Remembers the analysis of image layers between calls, so an editor that re-interprets after
// every stroke does not re-analyse unchanged pictures (~50-200 ms each for large images). The
// events are identical with or without a cache. An entry is keyed by the decoded pixels (the
// shared Image object), the layer's placement and mode, the mapping and the palette; entries
// not used by the latest call are dropped. Not thread-safe: one cache per calling thread.
class InterpretCache {
 public:
  InterpretCache();
  ~InterpretCache();
  InterpretCache(const InterpretCache&) = delete;
  InterpretCache& operator=(const InterpretCache&) = delete;
  int hits() const;    // image layers reused, since construction
  int misses() const;  // image layers analysed
  struct Impl;

 private:
  friend Events Interpret(const Score& score, InterpretCache* cache);
  std::unique_ptr<Impl> impl_;
};

// As Interpret(score), reusing and refreshing `cache` (may be null).
Events Interpret(const Score& score, InterpretCache* cache);

// The mapping as Interpret uses it: a grid between 1/64 and 16 beats (0.5 if unusable), a
// range with lowest <= highest inside MIDI 0..127, and a polyphony limit between 1 and 64.
Mapping SanitisedMapping(const Mapping& mapping);

}  // namespace graphony
