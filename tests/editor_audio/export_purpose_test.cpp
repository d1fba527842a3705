// The Export window's share purposes, without a window: a copy for a purpose keeps only the
// takes every player agreed to and names only who agreed, through the engine's share code;
// "everything" keeps it all; a score of a course session follows course.json's consent.
#include "export_purpose.h"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/score_defaults.h"
#include "core/score_io.h"
#include "course/course.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using graphony::Contributor;
using graphony::Purpose;
using graphony::Score;
using graphony::Take;
using graphony::editor::ExportJob;
using graphony::editor::ExportKind;
using graphony::editor::RunExportJobFor;
using graphony::test::TempDir;

namespace {

// Ana agreed to publicity and to be named; Ben only to the group. One take each.
Score TwoPeopleScore() {
  Score s = graphony::NewScore();
  s.title = "Ana and Ben";
  Contributor ana{"c1", "Ana Lima", "A.L.", "", {}};
  ana.consent.credit_by_name = ana.consent.group = ana.consent.publicity = true;
  Contributor ben{"c2", "Ben Ode", "B.O.", "", {}};
  ben.consent.group = true;
  s.contributors = {ana, ben};
  const std::vector<uint8_t> bytes = {'R', 'I', 'F', 'F'};  // never decoded by a copy
  for (const auto& [file, player] :
       {std::pair{"recordings/take-1.wav", "c1"}, std::pair{"recordings/take-2.wav", "c2"}}) {
    Take t;
    t.file = file;
    t.name = std::string("take by ") + player;
    t.players = {player};
    s.takes.push_back(t);
    s.assets.files[file] = std::make_shared<const std::vector<uint8_t>>(bytes);
  }
  return s;
}

Score Copy(const Score& score, std::optional<Purpose> purpose, const fs::path& source,
           const fs::path& out, std::string* message = nullptr) {
  ExportJob job;
  job.kind = ExportKind::kScoreCopy;
  job.out = out;
  job.purpose = purpose;
  job.source = source;
  job.today = "2026-12-03";
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  const std::string said = RunExportJobFor(score, job, &progress, &cancel);
  if (message) *message = said;
  CHECK(progress.load() == doctest::Approx(1.0));
  return graphony::LoadScore(out);
}

}  // namespace

TEST_CASE("export for publicity leaves out the take and the name that were not agreed") {
  TempDir dir("export-purpose");
  std::string message;
  const Score shared =
      Copy(TwoPeopleScore(), Purpose::kPublicity, {}, dir.Path() / "pub.graphony", &message);
  REQUIRE(shared.takes.size() == 1);
  CHECK(shared.takes[0].players == std::vector<std::string>{"c1"});
  CHECK(shared.assets.files.count("recordings/take-2.wav") == 0);
  REQUIRE(shared.contributors.size() == 2);
  CHECK(shared.contributors[0].name == "Ana Lima");
  CHECK(shared.contributors[1].name != "Ben Ode");
  CHECK(message.find("pub.graphony") != std::string::npos);
  CHECK(message.find("takes left out: 1;") != std::string::npos);
}

TEST_CASE("export of everything keeps every take and name") {
  TempDir dir("export-purpose");
  const Score copy = Copy(TwoPeopleScore(), std::nullopt, {}, dir.Path() / "all.graphony");
  CHECK(copy.takes.size() == 2);
  CHECK(copy.contributors[1].name == "Ben Ode");
}

TEST_CASE("a course session's score is shared by course.json's consent, not its own") {
  TempDir dir("export-purpose");
  const fs::path course = dir.Path() / "course";
  graphony::Course c;
  c.title = "Course";
  c.people = TwoPeopleScore().contributors;
  c.people[1].consent.publicity = true;  // Ben said yes later, in course.json
  c.people[1].consent.credit_by_name = true;
  fs::create_directories(course);
  graphony::SaveCourse(c, course);
  const fs::path session = graphony::AddSession(course, "2026-11-18");
  const fs::path source = session / "ours.graphony";
  graphony::SaveScore(TwoPeopleScore(), source);
  const Score shared =
      Copy(graphony::LoadScore(source), Purpose::kPublicity, source, dir.Path() / "pub.graphony");
  CHECK(shared.takes.size() == 2);
  CHECK(shared.contributors[1].name == "Ben Ode");
  // The copy may not replace the score it is made from.
  ExportJob job;
  job.kind = ExportKind::kScoreCopy;
  job.out = source;
  job.purpose = Purpose::kPublicity;
  job.source = source;
  job.today = "2026-12-03";
  std::atomic<double> progress{0};
  std::atomic<bool> cancel{false};
  CHECK_THROWS(RunExportJobFor(graphony::LoadScore(source), job, &progress, &cancel));
}
