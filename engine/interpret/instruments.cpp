// Palette entries -> instrument references.
#include "interpret/instruments.h"

#include "core/instrument_traits.h"

namespace graphony::interpret {

std::vector<InstrumentRef> ResolveInstruments(const std::vector<PaletteEntry>& palette) {
  std::vector<InstrumentRef> out;
  for (const PaletteEntry& e : palette) {
    InstrumentRef ref;
    ref.name = e.instrument.empty() ? std::string(DefaultInstrumentName()) : e.instrument;
    // An unnamed entry is called what the instrument is called ("Warm pad" for soft-pad).
    const InstrumentTraits* traits = FindInstrument(ref.name);
    ref.display_name = !e.display_name.empty() ? e.display_name
                       : traits                ? std::string(traits->display_name)
                                               : ref.name;
    ref.sample = e.sample;
    ref.r = e.color.r;
    ref.g = e.color.g;
    ref.b = e.color.b;
    out.push_back(ref);
  }
  if (out.empty()) {
    const InstrumentTraits& fallback = InstrumentOrDefault(DefaultInstrumentName());
    InstrumentRef ref;
    ref.name = fallback.name;
    ref.display_name = fallback.display_name;
    ref.r = ref.g = ref.b = 255;
    out.push_back(ref);
  }
  return out;
}

}  // namespace graphony::interpret
