// People commands (what the People panel sends): one undo step each, refusals change nothing.
#include "logic/people_commands.h"

#include <doctest/doctest.h>

#include "core/score_defaults.h"

using namespace graphony;
using namespace graphony::editor;

namespace {
PeopleCommand Command(PeopleCommand::Kind kind, const std::string& id = {},
                      const std::string& text = {}) {
  PeopleCommand c;
  c.kind = kind;
  c.id = id;
  c.text = text;
  return c;
}
}  // namespace

TEST_CASE("each people command is one undoable edit") {
  using Kind = PeopleCommand::Kind;
  Document doc;
  doc.Reset(NewScore(), {});
  const PeopleResult added = ApplyPeopleCommand(doc, Command(Kind::kAdd, {}, "Maya Stone"));
  REQUIRE(added.ok);
  CHECK(added.id == "c1");
  CHECK(doc.score.contributors.at(0).initials == "M.S.");
  PeopleCommand tick = Command(Kind::kSetConsent, "c1");
  tick.purpose = Purpose::kExhibition;
  tick.yes = true;
  REQUIRE(ApplyPeopleCommand(doc, tick).ok);
  REQUIRE(ApplyPeopleCommand(doc, Command(Kind::kSetKeepUntil, "c1", "2027-06-30")).ok);
  CHECK(doc.score.contributors[0].consent.exhibition);
  CHECK(doc.dirty);
  CHECK(doc.History().UndoCount() == 3);

  // Refused: a bad date, a duplicate name, a person who left. Nothing changes, no undo step.
  const Score before = doc.score;
  const PeopleResult bad_date = ApplyPeopleCommand(doc, Command(Kind::kSetKeepUntil, "c1", "soon"));
  CHECK_FALSE(bad_date.ok);
  CHECK(bad_date.message.find("2027-06-30") != std::string::npos);
  CHECK_FALSE(ApplyPeopleCommand(doc, Command(Kind::kAdd, {}, "maya stone")).ok);
  CHECK_FALSE(ApplyPeopleCommand(doc, Command(Kind::kRemove, "c9")).ok);
  CHECK(doc.score == before);
  CHECK(doc.History().UndoCount() == 3);

  REQUIRE(doc.Undo());
  CHECK(doc.score.contributors[0].consent.keep_until.empty());
  REQUIRE(doc.Undo());
  CHECK_FALSE(doc.score.contributors[0].consent.exhibition);
  REQUIRE(doc.Redo());
  CHECK(doc.score.contributors[0].consent.exhibition);

  Score other = NewScore();
  AddPerson(other, "Jo Kim", "x");
  AddPerson(other, "Maya Stone", "x");
  PeopleCommand import = Command(Kind::kImport);
  import.other = &other;
  const PeopleResult imported = ApplyPeopleCommand(doc, import);
  CHECK(imported.ok);
  CHECK(imported.message == "1 person joined the group.");
  CHECK(doc.score.contributors.size() == 2);
  REQUIRE(ApplyPeopleCommand(doc, Command(Kind::kRemove, "c1")).ok);
  CHECK(doc.score.contributors.size() == 1);
  REQUIRE(doc.Undo());
  CHECK(doc.score.contributors.size() == 2);
}
