// Palette entries -> instrument references.
#include "interpret/instruments.h"

namespace graphony::interpret {

std::vector<InstrumentRef> ResolveInstruments(const std::vector<PaletteEntry>& palette) {
  std::vector<InstrumentRef> out;
  for (const PaletteEntry& e : palette) {
    InstrumentRef ref;
    ref.name = e.instrument.empty() ? "sine" : e.instrument;
    ref.display_name = e.display_name.empty() ? ref.name : e.display_name;
    ref.sample = e.sample;
    ref.r = e.color.r;
    ref.g = e.color.g;
    ref.b = e.color.b;
    out.push_back(ref);
  }
  if (out.empty()) {
    InstrumentRef ref;
    ref.name = "sine";
    ref.display_name = "Sine";
    ref.r = ref.g = ref.b = 255;
    out.push_back(ref);
  }
  return out;
}

}  // namespace graphony::interpret
