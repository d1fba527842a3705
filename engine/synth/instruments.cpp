// Instrument names <-> kinds.
#include "synth/instruments.h"

namespace graphony {

namespace {
constexpr InstrumentKind kAllKinds[] = {InstrumentKind::kSine,    InstrumentKind::kSoftPad,
                                        InstrumentKind::kPluck,   InstrumentKind::kMarimba,
                                        InstrumentKind::kFlute,   InstrumentKind::kBell,
                                        InstrumentKind::kBass,    InstrumentKind::kDrum,
                                        InstrumentKind::kSampler};
}  // namespace

const char* InstrumentName(InstrumentKind kind) {
  switch (kind) {
    case InstrumentKind::kSine: return "sine";
    case InstrumentKind::kSoftPad: return "soft-pad";
    case InstrumentKind::kPluck: return "pluck";
    case InstrumentKind::kMarimba: return "marimba";
    case InstrumentKind::kFlute: return "flute";
    case InstrumentKind::kBell: return "bell";
    case InstrumentKind::kBass: return "bass";
    case InstrumentKind::kDrum: return "drum";
    case InstrumentKind::kSampler: return "sampler";
  }
  return "sine";
}

std::optional<InstrumentKind> InstrumentKindFromName(const std::string& name) {
  for (InstrumentKind k : kAllKinds)
    if (name == InstrumentName(k)) return k;
  return std::nullopt;
}

const std::vector<std::string>& KnownInstrumentNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (InstrumentKind k : kAllKinds) v.emplace_back(InstrumentName(k));
    return v;
  }();
  return names;
}

}  // namespace graphony
