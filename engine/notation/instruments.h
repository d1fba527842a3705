// General MIDI programs for Graphony's engine instruments, so MuseScore and MIDI players
// pick a similar sound.
#pragma once

#include <string>

namespace graphony::notation {

// 0-based General MIDI program for an engine instrument name (piano for unknown names).
int GeneralMidiProgram(const std::string& instrument);

}  // namespace graphony::notation
