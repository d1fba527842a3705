// How long today's engine timbres audibly sound when held (until the shared instrument traits
// table lands): decaying ones are struck again rather than holding a silent voice.
#pragma once

#include <string>

namespace graphony::interpret {

// Seconds a note of `instrument` stays clearly audible; 0 for instruments that sustain.
inline double AudibleSeconds(const std::string& instrument) {
  if (instrument == "marimba") return 1.2;
  if (instrument == "pluck") return 1.6;
  if (instrument == "bell") return 2.5;
  if (instrument == "drum") return 0.5;
  return 0;  // sine, soft-pad, flute, bass, sampler hold while the note lasts
}

}  // namespace graphony::interpret
