// Fuzz target: one UDP payload through the OSC remote control's validator (liblo's reader,
// then our address, type and range checks). A valid request must carry finite, in-range
// numbers, whatever the bytes were.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "realtime/osc_message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Copied so the validator sees exactly `size` bytes (ASan catches any read beyond).
  const std::vector<uint8_t> packet(data, data + size);
  const graphony::OscLimits limits{64.0, 120.0};
  const graphony::OscVerdict v = graphony::ParseOscPacket(packet.data(), packet.size(), limits);
  if (v.request) {
    const auto& r = *v.request;
    if (!std::isfinite(r.a) || !std::isfinite(r.b)) std::abort();
    using Kind = graphony::OscRequest::Kind;
    if (r.kind == Kind::kSeek && !(r.a >= 0 && r.a <= limits.length_beats)) std::abort();
    if (r.kind == Kind::kLoop && !(r.a >= 0 && r.a < r.b && r.b <= limits.length_beats))
      std::abort();
    if (r.kind == Kind::kTempoScale &&
        !(r.a >= graphony::kOscMinTempoScale && r.a <= graphony::kOscMaxTempoScale))
      std::abort();
  }
  return 0;
}
