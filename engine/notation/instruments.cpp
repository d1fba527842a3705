// General MIDI programs for Graphony's engine instruments.
#include "notation/instruments.h"

#include <map>

namespace graphony::notation {

int GeneralMidiProgram(const std::string& instrument) {
  // The nearest General MIDI sound to each engine voice (0-based program numbers).
  static const std::map<std::string, int> kPrograms = {
      {"sine", 79},      // ocarina: the purest GM tone
      {"soft-pad", 89},  // pad 2 (warm)
      {"pluck", 46},     // orchestral harp
      {"marimba", 12},   // marimba
      {"flute", 73},     // flute
      {"bell", 14},      // tubular bells
      {"bass", 32},      // acoustic bass
      {"drum", 116},     // taiko drum: pitched, so it can share a staff with notes
      {"sampler", 0},    // acoustic grand piano
  };
  auto it = kPrograms.find(instrument);
  return it == kPrograms.end() ? 0 : it->second;
}

}  // namespace graphony::notation
