// ParseOscPacket: liblo reads the packet; we check every address, type tag and number.
#include "realtime/osc_message.h"

#include <lo/lo.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

namespace graphony {

namespace {

// Address prefix: one namespace, so Graphony can share a port's sender with other software.
constexpr const char* kPrefix = "/graphony/";

struct MessageDeleter {
  void operator()(lo_message m) const { lo_message_free(m); }
};

bool IsNumber(char type) { return type == 'i' || type == 'f' || type == 'd' || type == 'h'; }

// liblo's argument pointers point into the packet at 4-byte steps, but lo_arg is a union of
// 8-byte members: reading a member through the pointer is misaligned (UB). Copy the bytes.
template <typename T>
T Read(const lo_arg* arg) {
  T value;
  std::memcpy(&value, arg, sizeof value);
  return value;
}

double NumberOf(char type, const lo_arg* arg) {
  switch (type) {
    case 'i':
      return Read<int32_t>(arg);
    case 'h':
      return static_cast<double>(Read<int64_t>(arg));
    case 'f':
      return Read<float>(arg);
    case 'd':
      return Read<double>(arg);
    default:
      return NAN;
  }
}

OscVerdict Reject(OscProblem problem, const std::string& path, const std::string& why) {
  OscVerdict v;
  v.problem = problem;
  v.detail = path + ": " + why;
  return v;
}

OscVerdict Accept(OscRequest::Kind kind, double a = 0, double b = 0) {
  OscVerdict v;
  v.request = OscRequest{kind, a, b};
  return v;
}

// The address's path as text safe for a log line (printable ASCII, at most 64 characters).
std::string Printable(const char* path) {
  std::string out;
  for (const char* p = path; *p && out.size() < 64; ++p) out += (*p >= 32 && *p < 127) ? *p : '?';
  return out;
}

}  // namespace

const char* OscProblemName(OscProblem problem) {
  switch (problem) {
    case OscProblem::kNone:
      return "none";
    case OscProblem::kMalformed:
      return "malformed packet";
    case OscProblem::kBundle:
      return "bundle (not accepted)";
    case OscProblem::kUnknownAddress:
      return "unknown address";
    case OscProblem::kWrongTypes:
      return "wrong arguments";
    case OscProblem::kNotFinite:
      return "NaN or infinite number";
    case OscProblem::kOutOfRange:
      return "number out of range";
  }
  return "?";
}

OscVerdict ParseOscPacket(const void* data, size_t size, const OscLimits& limits) {
  if (size >= 8 && std::memcmp(data, "#bundle", 8) == 0)
    return Reject(OscProblem::kBundle, "#bundle", "send plain messages");
  // liblo's reader checks sizes, padding and type tags; it never reads past `size`.
  // (It takes a non-const pointer but only reads: it copies before byte-swapping.)
  int result = 0;
  std::unique_ptr<std::remove_pointer_t<lo_message>, MessageDeleter> msg(
      size >= 4 && size <= 65536 ? lo_message_deserialise(const_cast<void*>(data), size, &result)
                                 : nullptr);
  if (!msg) return Reject(OscProblem::kMalformed, "packet", "liblo could not read it");
  // A readable message starts with its NUL-terminated address (liblo checked it).
  const std::string path = Printable(static_cast<const char*>(data));
  const char* types = lo_message_get_types(msg.get());
  const int argc = lo_message_get_argc(msg.get());
  lo_arg** argv = lo_message_get_argv(msg.get());
  if (!types || argc < 0 || static_cast<size_t>(argc) != std::strlen(types))
    return Reject(OscProblem::kMalformed, path, "type tags do not match the arguments");
  if (path.rfind(kPrefix, 0) != 0) return Reject(OscProblem::kUnknownAddress, path, "not ours");
  const std::string name = path.substr(std::strlen(kPrefix));

  // Every argument is a number here; check type and finiteness once.
  double n[2] = {0, 0};
  for (int i = 0; i < argc; ++i) {
    if (!IsNumber(types[i]))
      return Reject(OscProblem::kWrongTypes, path,
                    std::string("argument ") + std::to_string(i + 1) + " has type '" + types[i] +
                        "' (numbers only: i, h, f, d)");
    if (i < 2) n[i] = NumberOf(types[i], argv[i]);
    if (i < 2 && !std::isfinite(n[i]))
      return Reject(OscProblem::kNotFinite, path, "argument " + std::to_string(i + 1));
  }
  auto want = [&](int count) {
    return argc == count ? OscVerdict{}
                         : Reject(OscProblem::kWrongTypes, path,
                                  "takes " + std::to_string(count) + " number(s), got " +
                                      std::to_string(argc) + " argument(s)");
  };
  auto in_beats = [&](double beat) { return beat >= 0 && beat <= limits.length_beats; };

  if (name == "play" || name == "stop") {
    // A button on a control surface sends 1 when pressed and 0 when released.
    if (argc > 1) return want(argc == 0 ? 0 : 1);
    if (argc == 1 && n[0] == 0) return OscVerdict{};
    return Accept(name == "play" ? OscRequest::Kind::kPlay : OscRequest::Kind::kStop);
  }
  if (name == "seek") {
    if (argc != 1) return want(1);
    if (!in_beats(n[0]))
      return Reject(OscProblem::kOutOfRange, path, "beat must be within 0 to the score's length");
    return Accept(OscRequest::Kind::kSeek, n[0]);
  }
  if (name == "loop") {
    if (argc != 2) return want(2);
    if (!in_beats(n[0]) || !in_beats(n[1]) || !(n[1] > n[0]))
      return Reject(OscProblem::kOutOfRange, path,
                    "start and end must be beats within the score, start before end");
    return Accept(OscRequest::Kind::kLoop, n[0], n[1]);
  }
  if (name == "loop/off") {
    if (argc != 0) return want(0);
    return Accept(OscRequest::Kind::kLoopOff);
  }
  if (name == "tempo") {
    if (argc != 1) return want(1);
    const double scale = limits.tempo_bpm > 0 ? n[0] / limits.tempo_bpm : 0;
    if (!(n[0] >= 20 && n[0] <= 400) || !(scale >= kOscMinTempoScale && scale <= kOscMaxTempoScale))
      return Reject(OscProblem::kOutOfRange, path, "bpm must be 20 to 400 (and 0.05x to 8x)");
    return Accept(OscRequest::Kind::kTempoScale, scale);
  }
  if (name == "tempo/scale") {
    if (argc != 1) return want(1);
    if (!(n[0] >= kOscMinTempoScale && n[0] <= kOscMaxTempoScale))
      return Reject(OscProblem::kOutOfRange, path, "scale must be 0.05 to 8");
    return Accept(OscRequest::Kind::kTempoScale, n[0]);
  }
  return Reject(OscProblem::kUnknownAddress, path, "not one of Graphony's addresses");
}

}  // namespace graphony
