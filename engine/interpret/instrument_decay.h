// How long a note of a decaying instrument is clearly heard, from the instrument traits table:
// decaying notes are struck again rather than holding a voice that has gone silent.
#pragma once

#include <string>

#include "core/instrument_traits.h"

namespace graphony::interpret {

// Seconds a held note of `instrument` stays clearly audible (half its T60: about 30 dB down);
// 0 for instruments that sustain while the note lasts (and for unknown ones).
inline double AudibleSeconds(const std::string& instrument) {
  const InstrumentTraits* traits = FindInstrument(instrument);
  if (!traits || traits->sustains || traits->decay_seconds <= 0) return 0;
  return 0.5 * traits->decay_seconds;
}

}  // namespace graphony::interpret
