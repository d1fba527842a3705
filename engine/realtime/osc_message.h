// OSC remote control, the message half: one received packet checked (address, type tags,
// finite numbers, ranges) and turned into a transport request, or rejected with the reason.
// Pure (no sockets), so the fuzz target and the tests drive exactly what the CLI runs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace graphony {

// What a conductor's or projector machine may ask (docs/osc.md lists the addresses).
struct OscRequest {
  enum class Kind { kPlay, kStop, kSeek, kLoop, kLoopOff, kTempoScale };
  Kind kind = Kind::kStop;
  double a = 0;  // seek beat, loop start, tempo scale
  double b = 0;  // loop end
};

// Why a packet was ignored; each kind is logged once (OscRemote), then only counted.
enum class OscProblem {
  kNone,            // a valid request, or a button release (a 0 sent to /play or /stop)
  kMalformed,       // not an OSC message liblo can read (bad padding, sizes, type tags)
  kBundle,          // OSC bundles are not accepted: send plain messages
  kUnknownAddress,  // not one of ours
  kWrongTypes,      // the address is ours, its arguments' count or types are not
  kNotFinite,       // NaN or infinity
  kOutOfRange,      // a number outside what the address allows
};
inline constexpr int kOscProblemKinds = 7;
const char* OscProblemName(OscProblem problem);  // "malformed packet", "unknown address"...

// The ranges requests are checked against: the score being played.
struct OscLimits {
  double length_beats = 0;  // seek and loop must lie in 0..length
  double tempo_bpm = 72;    // the score's tempo (for /graphony/tempo in bpm)
};
// Tempo scales allowed remotely, as `graphony-cli play --tempo` allows.
inline constexpr double kOscMinTempoScale = 0.05, kOscMaxTempoScale = 8;

struct OscVerdict {
  std::optional<OscRequest> request;  // set when the packet asks for something valid
  OscProblem problem = OscProblem::kNone;
  std::string detail;  // for the log: the address and what was wrong ("" when valid)
};

// Parses one UDP payload with liblo (lo_message_deserialise) and validates it.
OscVerdict ParseOscPacket(const void* data, size_t size, const OscLimits& limits);

}  // namespace graphony
