// The engine's instrument names and kinds (the names palettes and Events refer to).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace graphony {

enum class InstrumentKind { kSine, kSoftPad, kPluck, kMarimba, kFlute, kBell, kBass, kDrum, kSampler };

// "sine", "soft-pad", "pluck", "marimba", "flute", "bell", "bass", "drum", "sampler".
std::optional<InstrumentKind> InstrumentKindFromName(const std::string& name);
const char* InstrumentName(InstrumentKind kind);
const std::vector<std::string>& KnownInstrumentNames();

}  // namespace graphony
