// People: consent by purpose in score.json (format 2), format-1 migration, one-line errors,
// take consent derived from the players, and the shared person edits.
#include "core/people.h"

#include <doctest/doctest.h>

#include "core/i18n.h"
#include "core/score_defaults.h"
#include "core/score_io.h"

using namespace graphony;

namespace {

std::string Format1(const std::string& consent, const std::string& take_consent) {
  return R"({"format_version": 1, "contributors": [{"id": "c1", "name": "Maya", "consent": )" +
         consent + R"(}], "takes": [{"file": "recordings/t.wav", "players": ["c1"], )" +
         R"("consent_to_share": )" + take_consent + "}]}";
}

std::string Format2Person(const std::string& fields) {
  return R"({"format_version": 2, "contributors": [{"id": "c1", "name": "Maya", )" + fields + "}]}";
}

std::string ErrorOf(const std::string& json) {
  try {
    ScoreFromJson(json, "x.graphony: score.json");
  } catch (const ScoreError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("consent by purpose and keep-until survive score.json") {
  Score s = NewScore();
  Contributor& maya = AddPerson(s, "Maya Stone", "x");
  maya.consent.credit_by_name = true;
  maya.consent.exhibition = true;
  maya.consent.research = true;
  maya.consent.keep_until = "2028-02-29";
  AddPerson(s, "Jo", "x").consent.group = true;
  const Score back = ScoreFromJson(ScoreToJson(s), "x");
  CHECK(back.contributors == s.contributors);
  CHECK(ScoreToJson(back) == ScoreToJson(s));
  CHECK(ScoreToJson(s).find(R"("consent": ["exhibition", "research"])") != std::string::npos);
}

TEST_CASE("format 1 consent is migrated: the group always, share_audio means exhibition") {
  Score yes = ScoreFromJson(Format1(R"({"credit_by_name": true, "share_audio": true})", "false"),
                            "old.graphony");
  const Consent& a = yes.contributors[0].consent;
  CHECK(a.credit_by_name);
  CHECK(a.group);
  CHECK(a.exhibition);
  CHECK_FALSE(a.publicity);
  CHECK_FALSE(a.research);
  // The take said "not shared" while its only player agreed: the player decides now.
  CHECK(TakeAllowed(yes, yes.takes[0], Purpose::kExhibition));

  Score no = ScoreFromJson(Format1(R"({"credit_by_name": false, "share_audio": false})", "true"),
                           "old.graphony");
  CHECK(no.contributors[0].consent.group);
  CHECK_FALSE(no.contributors[0].consent.exhibition);
  // The take claimed consent its player never gave: it no longer can.
  CHECK_FALSE(TakeAllowed(no, no.takes[0], Purpose::kExhibition));
  CHECK(ScoreToJson(no).find("consent_to_share") == std::string::npos);
}

TEST_CASE("bad consent values give one line naming the file and the field") {
  CHECK(ErrorOf(Format2Person(R"("consent": ["group", "press"])")) ==
        "x.graphony: score.json: contributors[0].consent[1]: unknown purpose \"press\" (known: "
        "group, exhibition, publicity, research)");
  CHECK(ErrorOf(Format2Person(R"("keep_until": "2027-13-01")")) ==
        "x.graphony: score.json: contributors[0].keep_until: expected a date like 2027-06-30 "
        "(got \"2027-13-01\")");
  CHECK(ErrorOf(Format2Person(R"("consent": "group")")).find("expected a list") !=
        std::string::npos);
  // A format-1 field in a format-2 file is a typo, not a silent no.
  CHECK(ErrorOf(Format2Person(R"("share_audio": true)")).find("unknown field") !=
        std::string::npos);
  CHECK(ErrorOf(Format2Person(R"("keep_until": "2027-06-30")")).empty());
}

TEST_CASE("dates are real calendar dates") {
  CHECK(IsIsoDate("2028-02-29"));
  CHECK_FALSE(IsIsoDate("2027-02-29"));
  CHECK_FALSE(IsIsoDate("2027-6-30"));
  CHECK_FALSE(IsIsoDate("30/06/2027"));
  CHECK(IsIsoDate(TodayIsoDate()));
  CHECK(DateInWords("2026-12-02") == "2 December 2026");
  CHECK(NewScoreTitle("2026-12-02") == "Music of 2 December 2026");
}

TEST_CASE("a new score's date and title are in the language of whoever makes it") {
  i18n::Init();  // binds the built catalogues (build/locale)
  REQUIRE(i18n::SetLanguage("pl"));
  CHECK(DateInWords("2026-12-02") == "2 grudnia 2026");
  CHECK(NewScoreTitle("2026-12-02") == "Muzyka z 2 grudnia 2026");
  // The translator's format reorders the day, month and year.
  REQUIRE(i18n::SetLanguage("zh_CN"));
  CHECK(DateInWords("2026-05-09") == "2026年5月9日");
  CHECK(NewScoreTitle("2026-05-09") == "2026年5月9日的音乐");
  CHECK(NewScore().title == "无标题");
  REQUIRE(i18n::SetLanguage("en"));
  CHECK(NewScoreTitle("2026-12-02") == "Music of 2 December 2026");
  i18n::SetLanguage("");
}

TEST_CASE("a take may be used for a purpose only when every player agreed") {
  Score s = NewScore();
  AddPerson(s, "Ana", "x").consent.publicity = true;
  AddPerson(s, "Bo", "x");
  Take take;
  take.players = {"c1"};
  CHECK(TakeAllowed(s, take, Purpose::kPublicity));
  take.players.push_back("c2");
  CHECK_FALSE(TakeAllowed(s, take, Purpose::kPublicity));
  take.players.clear();
  CHECK_FALSE(TakeAllowed(s, take, Purpose::kGroup));  // nobody named: nobody agreed
  s.contributors[0].consent.keep_until = "2027-01-01";
  s.contributors[1].consent.keep_until = "2026-12-31";
  take.players = {"c1", "c2"};
  CHECK(TakeKeepUntil(s, take) == "2026-12-31");
}

TEST_CASE("adding, finding, renaming, removing and importing people") {
  Score s = NewScore();
  CHECK(AddPerson(s, "  Ana María López ", "x").initials == "A.M.L.");
  CHECK(s.contributors[0].name == "Ana María López");
  CHECK(AddPerson(s, "Émile Zola", "x").initials == "É.Z.");
  CHECK_THROWS_WITH_AS(AddPerson(s, "ana maría lópez", "f.graphony"),
                       "f.graphony: \"ana maría lópez\" is already in the group (id c1)",
                       ScoreError);
  CHECK_THROWS_AS(AddPerson(s, "  ", "x"), ScoreError);
  CHECK(FindPerson(s, "c2", "x").name == "Émile Zola");
  CHECK(FindPerson(s, "ana", "x").id == "c1");  // a first name alone, when only one has it
  CHECK_THROWS_AS(FindPerson(s, "Zoe", "x"), ScoreError);

  RenamePerson(s, "c1", "Ana Souza", "x");
  CHECK(s.contributors[0].initials == "A.S.");  // automatic initials follow the name
  s.contributors[0].initials = "Nana";
  RenamePerson(s, "c1", "Ana Lima", "x");
  CHECK(s.contributors[0].initials == "Nana");  // chosen ones stay

  Layer layer;
  Stroke stroke;
  stroke.contributor = "c1";
  stroke.points.push_back(StrokePoint{0, 0.5, 1});
  layer.strokes.strokes.push_back(stroke);
  s.layers.push_back(layer);
  Take take;
  take.file = "recordings/take-1.wav";
  take.players = {"c1", "c2"};
  s.takes.push_back(take);
  RemovePerson(s, "c1");
  CHECK(s.contributors.size() == 1);
  CHECK(s.layers[0].strokes.strokes[0].contributor.empty());
  CHECK(s.takes[0].players == std::vector<std::string>{"c2"});

  Score other = NewScore();
  AddPerson(other, "Émile Zola", "x");
  Contributor& kim = AddPerson(other, "Kim", "x");  // id c2 is taken here: gets a fresh one
  kim.consent.research = true;
  CHECK(ImportPeople(s, other) == 1);
  REQUIRE(s.contributors.size() == 2);
  CHECK(s.contributors[1].name == "Kim");
  CHECK(s.contributors[1].id != "c2");
  CHECK(s.contributors[1].consent.research);
  CHECK(ImportPeople(s, other) == 0);
  ValidateScore(s, "x");
}
