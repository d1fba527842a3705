// A score's print language: saved only when set, read back, and an unknown code refused in
// one line naming the file.
#include <doctest/doctest.h>

#include "core/score.h"
#include "core/score_defaults.h"
#include "core/score_io.h"

using namespace graphony;

namespace {
Score Plain() {
  Score score;
  score.palette = DefaultPalette();
  return score;
}
}  // namespace

TEST_CASE("a score's language is written only when set and read back") {
  Score score = Plain();
  CHECK(ScoreToJson(score).find("\"language\"") == std::string::npos);
  score.language = "zh_CN";
  const std::string json = ScoreToJson(score);
  CHECK(json.find("\"language\": \"zh_CN\"") != std::string::npos);
  CHECK(ScoreFromJson(json, "song.json").language == "zh_CN");
  CHECK(ScoreFromJson(ScoreToJson(Plain()), "song.json").language.empty());
}

TEST_CASE("an unknown language in a score is refused in one line naming the file") {
  Score score = Plain();
  score.language = "klingon\nnext";
  CHECK_THROWS_WITH_AS(ScoreFromJson(ScoreToJson(score), "song.json"),
                       "song.json: language \"klingon?next\" is not one Graphony prints in (one "
                       "of en, pl, it, sq, ro, zh_CN, ar)",
                       ScoreError);
  score.language = "EN";  // codes are exact, as gettext names its catalogues
  CHECK_THROWS_AS(ScoreFromJson(ScoreToJson(score), "song.json"), ScoreError);
}
