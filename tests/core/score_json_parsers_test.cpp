// score.json read through simdjson (the fast path) gives exactly what nlohmann alone gave: the
// same score, or the same one-line error, for good, damaged and hostile texts.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/score_defaults.h"
#include "core/score_io.h"
#include "core/score_io_testing.h"
#include "test_files.h"

using namespace graphony;
using namespace graphony::test;

namespace {

// What reading `text` gives: the score written back as JSON, or the error's text.
std::string Outcome(const std::string& text, bool nlohmann_only) {
  testing::SetScoreJsonNlohmannOnlyForTesting(nlohmann_only);
  std::string result;
  try {
    result = "score " + ScoreToJson(ScoreFromJson(text, "t.graphony: score.json"));
  } catch (const ScoreError& e) {
    result = std::string("error ") + e.what();
  }
  testing::SetScoreJsonNlohmannOnlyForTesting(false);
  return result;
}

void CheckSame(const std::string& text) {
  CAPTURE(text.substr(0, 300));
  CHECK(Outcome(text, false) == Outcome(text, true));
}

}  // namespace

TEST_CASE("simdjson and nlohmann read a full score the same") {
  const std::string json = ScoreToJson(FullScore());
  const std::string both = Outcome(json, false);
  REQUIRE(both.rfind("score ", 0) == 0);  // it is read, not refused
  CHECK(both == Outcome(json, true));
}

TEST_CASE("simdjson and nlohmann agree on edge cases of JSON itself") {
  const std::string head = R"({"format_version": 1, "layers": [{"kind": "strokes", "strokes": [)"
                           R"({"color": "#112233", "points": [{"beat": )";
  const std::string tail = R"(, "height": 0.5}]}]}]})";
  // Numbers as a point's beat: integers of every size, exponents, negative zero, overflow.
  for (const char* beat : {"1",
                           "1.0",
                           "1e2",
                           "-0",
                           "-0.0",
                           "0",
                           "9007199254740993",
                           "18446744073709551615",
                           "18446744073709551616",
                           "-9223372036854775809",
                           "1e400",
                           "1e-400",
                           "01",
                           "1.",
                           ".5",
                           "+1",
                           "0x10",
                           "NaN",
                           "Infinity",
                           "1E+2",
                           "2.5e-3",
                           "true",
                           "null",
                           "\"3\"",
                           "[]",
                           "{}"}) {
    CheckSame(head + beat + tail);
  }
  const std::string ok = head + "1" + tail;
  // Duplicate keys (the last wins in both), unknown keys in any order, the byte-order mark,
  // trailing text, control characters and broken escapes in strings, bytes that are not UTF-8.
  CheckSame(R"({"format_version": 1, "title": "a", "title": "b"})");
  CheckSame(R"({"format_version": 1, "title": "a", "title": 3})");
  CheckSame(R"({"format_version": 1, "zeta": 1, "alpha": 2, "mid": 3})");
  CheckSame(R"({"format_version": 1, "layers": [{"kind": "strokes", "zz": 1, "aa": 2}]})");
  CheckSame("\xef\xbb\xbf" + ok);
  CheckSame(ok + " ");
  CheckSame(ok + " x");
  CheckSame(ok + "{}");
  CheckSame(std::string(R"({"format_version": 1, "title": "a)") + '\x01' + R"("})");
  CheckSame(std::string(R"({"format_version": 1, "title": "a)") + '\0' + R"("})");
  CheckSame(R"({"format_version": 1, "title": "\u0000x"})");
  CheckSame(R"({"format_version": 1, "title": "\ud800"})");
  CheckSame(R"({"format_version": 1, "title": "\ud83d\ude00"})");
  CheckSame(R"({"format_version": 1, "title": "\x"})");
  CheckSame("{\"format_version\": 1, \"title\": \"\xff\xfe\"}");
  CheckSame("{\"format_version\": 1, \"title\": \"\xc3\"}");
  CheckSame(R"({"format_version": 1, "ti\u0000tle": "a"})");
  CheckSame(R"({"format_version": 1, "title": )" + std::string(2000, '[') + std::string(2000, ']') +
            "}");
  CheckSame(R"({"format_version": 1, "layers": [)" + std::string(1100, '[') +
            std::string(1100, ']') + "]}");
  CheckSame("[1, 2]");
  CheckSame("nul");
  CheckSame(" ");
  CheckSame("{\"format_version\": 1,}");
}

TEST_CASE("simdjson and nlohmann agree on damaged scores") {
  Score score = FullScore();
  const std::string json = ScoreToJson(score);
  std::mt19937 rng(20);
  const char kBytes[] = "{}[]\",:0123456789.eE+-tfn \\u\x01\xff\xc3";
  for (int round = 0; round < 600; ++round) {
    std::string text = json;
    switch (round % 4) {
      case 0:
        text.resize(rng() % text.size());
        break;
      case 1:
        text[rng() % text.size()] = static_cast<char>(rng());
        break;
      case 2:
        for (int k = 0; k < 3; ++k) text[rng() % text.size()] = kBytes[rng() % (sizeof kBytes - 1)];
        break;
      default:
        text.erase(rng() % text.size(), 1 + rng() % 12);
        break;
    }
    CheckSame(text);
  }
}
