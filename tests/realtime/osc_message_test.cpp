// The OSC validator: every address, its argument types and ranges, NaN/inf, broken packets.
#include "realtime/osc_message.h"

#include <doctest/doctest.h>
#include <lo/lo.h>

#include <cmath>
#include <cstdlib>
#include <random>
#include <vector>

namespace graphony {
namespace {

const OscLimits kLimits{32.0, 120.0};

// Serialises a message built with liblo, as a sender would put it on the wire.
std::vector<uint8_t> Wire(const char* path, lo_message m) {
  size_t size = 0;
  void* data = lo_message_serialise(m, path, nullptr, &size);
  std::vector<uint8_t> out(static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
  std::free(data);
  lo_message_free(m);
  return out;
}

OscVerdict Check(const std::vector<uint8_t>& wire) {
  return ParseOscPacket(wire.data(), wire.size(), kLimits);
}

lo_message Floats(std::initializer_list<float> values) {
  lo_message m = lo_message_new();
  for (float v : values) lo_message_add_float(m, v);
  return m;
}

TEST_CASE("osc: each address gives its request") {
  auto v = Check(Wire("/graphony/play", lo_message_new()));
  REQUIRE(v.request);
  CHECK(v.request->kind == OscRequest::Kind::kPlay);
  v = Check(Wire("/graphony/stop", lo_message_new()));
  REQUIRE(v.request);
  CHECK(v.request->kind == OscRequest::Kind::kStop);
  v = Check(Wire("/graphony/seek", Floats({12.5f})));
  REQUIRE(v.request);
  CHECK(v.request->kind == OscRequest::Kind::kSeek);
  CHECK(v.request->a == 12.5);
  lo_message seek_int = lo_message_new();
  lo_message_add_int32(seek_int, 8);
  v = Check(Wire("/graphony/seek", seek_int));
  REQUIRE(v.request);
  CHECK(v.request->a == 8);
  v = Check(Wire("/graphony/loop", Floats({4, 8})));
  REQUIRE(v.request);
  CHECK(v.request->kind == OscRequest::Kind::kLoop);
  CHECK(v.request->b == 8);
  v = Check(Wire("/graphony/loop/off", lo_message_new()));
  REQUIRE(v.request);
  CHECK(v.request->kind == OscRequest::Kind::kLoopOff);
  v = Check(Wire("/graphony/tempo", Floats({60})));  // the score is 120 bpm
  REQUIRE(v.request);
  CHECK(v.request->kind == OscRequest::Kind::kTempoScale);
  CHECK(v.request->a == doctest::Approx(0.5));
  lo_message scale = lo_message_new();
  lo_message_add_double(scale, 1.5);
  v = Check(Wire("/graphony/tempo/scale", scale));
  REQUIRE(v.request);
  CHECK(v.request->a == 1.5);
}

TEST_CASE("osc: a button release (0) is neither obeyed nor an error") {
  const auto v = Check(Wire("/graphony/play", Floats({0})));
  CHECK_FALSE(v.request);
  CHECK(v.problem == OscProblem::kNone);
  CHECK(Check(Wire("/graphony/play", Floats({1}))).request);
}

TEST_CASE("osc: wrong addresses, types, counts, ranges and non-finite numbers are refused") {
  CHECK(Check(Wire("/graphony/jump", Floats({1}))).problem == OscProblem::kUnknownAddress);
  CHECK(Check(Wire("/other/play", lo_message_new())).problem == OscProblem::kUnknownAddress);
  lo_message text = lo_message_new();
  lo_message_add_string(text, "12");
  CHECK(Check(Wire("/graphony/seek", text)).problem == OscProblem::kWrongTypes);
  CHECK(Check(Wire("/graphony/seek", lo_message_new())).problem == OscProblem::kWrongTypes);
  CHECK(Check(Wire("/graphony/loop", Floats({1}))).problem == OscProblem::kWrongTypes);
  CHECK(Check(Wire("/graphony/play", Floats({1, 1}))).problem == OscProblem::kWrongTypes);
  CHECK(Check(Wire("/graphony/seek", Floats({NAN}))).problem == OscProblem::kNotFinite);
  CHECK(Check(Wire("/graphony/seek", Floats({INFINITY}))).problem == OscProblem::kNotFinite);
  CHECK(Check(Wire("/graphony/tempo", Floats({-INFINITY}))).problem == OscProblem::kNotFinite);
  CHECK(Check(Wire("/graphony/seek", Floats({-1}))).problem == OscProblem::kOutOfRange);
  CHECK(Check(Wire("/graphony/seek", Floats({33}))).problem == OscProblem::kOutOfRange);
  CHECK(Check(Wire("/graphony/loop", Floats({8, 4}))).problem == OscProblem::kOutOfRange);
  CHECK(Check(Wire("/graphony/tempo", Floats({10}))).problem == OscProblem::kOutOfRange);
  CHECK(Check(Wire("/graphony/tempo", Floats({1200}))).problem == OscProblem::kOutOfRange);
  CHECK(Check(Wire("/graphony/tempo/scale", Floats({9}))).problem == OscProblem::kOutOfRange);
}

TEST_CASE("osc: broken packets and bundles are refused without reading past them") {
  const std::vector<uint8_t> good = Wire("/graphony/seek", Floats({3}));
  for (size_t n = 0; n < good.size(); ++n) {
    const std::vector<uint8_t> cut(good.begin(), good.begin() + static_cast<long>(n));
    const auto v = ParseOscPacket(cut.data(), cut.size(), kLimits);
    CHECK_FALSE(v.request);
  }
  const char bundle[] = "#bundle\0\0\0\0\0\0\0\0\1";
  CHECK(ParseOscPacket(bundle, sizeof bundle, kLimits).problem == OscProblem::kBundle);
  std::mt19937 rng(19);
  for (int i = 0; i < 20000; ++i) {
    std::vector<uint8_t> junk(rng() % 96);
    for (uint8_t& b : junk) b = static_cast<uint8_t>(rng());
    if (i % 2 && junk.size() > 12) std::copy(good.begin(), good.begin() + 12, junk.begin());
    const auto v = ParseOscPacket(junk.data(), junk.size(), kLimits);
    if (v.request)
      CHECK((v.request->kind != OscRequest::Kind::kSeek || std::isfinite(v.request->a)));
  }
}

}  // namespace
}  // namespace graphony
