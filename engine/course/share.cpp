// share --purpose: filters takes by their players' consent and keep-until dates, redacts
// names, and leaves internal notes behind, writing a new bundle or course zip atomically.
#include "course/share.h"

#include <algorithm>

#include "core/file_io.h"
#include "core/limits.h"
#include "core/score_io.h"
#include "core/temp_files.h"
#include "core/zip_bundle.h"
#include "course/course.h"
#include "course/redact.h"

namespace graphony {

namespace fs = std::filesystem;

namespace {

// The score bundle's bytes, written by SaveScore itself (so a shared score is a normal one).
Bytes BundleBytes(const Score& score, const std::string& where) {
  const PrivateTempDir scratch("graphony-share");
  if (!scratch.Ok()) throw ScoreError(where + ": cannot make a temporary directory");
  const fs::path file = scratch.Path() / "shared.graphony";
  SaveScore(score, file);
  return ReadFileBytes(file, where, MaxEntryBytes());
}

void RefuseSameFile(const fs::path& source, const fs::path& out) {
  if (source.empty()) return;  // a score not saved anywhere yet
  std::error_code ec;
  const fs::path a = fs::weakly_canonical(source, ec), b = fs::weakly_canonical(out, ec);
  if (a == b || (!b.empty() && b.string().rfind(a.string() + "/", 0) == 0))
    throw ScoreError(out.string() + ": the shared copy may not replace or sit inside " +
                     source.string());
}

}  // namespace

bool NamedFor(const Contributor& person, Purpose purpose) {
  return person.consent.credit_by_name && Agrees(person.consent, purpose) && !person.name.empty();
}

Score ShareableScore(const Score& score, Purpose purpose, const std::string& today,
                     ShareReport* report) {
  ShareReport local;
  ShareReport& r = report ? *report : local;
  Score out = score;
  std::vector<Take> kept;
  for (const Take& take : score.takes) {
    const std::string until = TakeKeepUntil(score, take);
    if (!TakeAllowed(score, take, purpose)) {
      ++r.takes_not_agreed;
    } else if (!until.empty() && until < today) {
      ++r.takes_expired;
    } else {
      kept.push_back(take);
      continue;
    }
    out.assets.files.erase(take.file);  // the recording itself leaves with its take
  }
  r.takes_kept += static_cast<int>(kept.size());
  out.takes = std::move(kept);
  const MayBeNamed may = [purpose](const Contributor& c) { return NamedFor(c, purpose); };
  for (const Contributor& c : score.contributors)
    if (!c.name.empty() && !may(c)) ++r.names_replaced;
  // File names inside the bundle can carry names too ("recordings/Ana-solo.wav").
  for (Take& take : out.takes) {
    const std::string renamed = RedactFileName(take.file, score.contributors, may);
    if (renamed == take.file || out.assets.files.count(renamed)) continue;
    auto node = out.assets.files.extract(take.file);
    if (!node.empty()) {
      node.key() = renamed;
      out.assets.files.insert(std::move(node));
    }
    take.file = renamed;
  }
  RedactScore(out, may);
  ++r.scores;
  return out;
}

Score ShareableScoreAt(Score score, const fs::path& source, Purpose purpose,
                       const std::string& today, ShareReport* report) {
  if (!source.empty())
    if (const auto course = CourseOfFile(source)) ApplyCoursePeople(LoadCourse(*course), score);
  return ShareableScore(score, purpose, today, report);
}

void WriteScoreCopy(const Score& score, const fs::path& source, const fs::path& out) {
  RefuseSameFile(source, out);
  const Bytes bytes = BundleBytes(score, out.string());
  WriteFileAtomically(out, bytes.data(), bytes.size());
}

ShareReport ShareScoreFile(const fs::path& source, const fs::path& out, Purpose purpose,
                           const std::string& today) {
  RefuseSameFile(source, out);
  ShareReport report;
  const Score shared = ShareableScoreAt(LoadScore(source), source, purpose, today, &report);
  WriteScoreCopy(shared, source, out);
  return report;
}

ShareReport ShareCourse(const fs::path& dir, const fs::path& out, Purpose purpose,
                        const std::string& today) {
  RefuseSameFile(dir, out);
  const Course course = LoadCourse(dir);
  ShareReport report;
  const MayBeNamed may = [purpose](const Contributor& c) { return NamedFor(c, purpose); };
  Course shared = course;
  Score group = PeopleAsScore(course);
  RedactScore(group, may);
  shared.people = group.contributors;
  for (const Contributor& c : course.people)
    if (!c.name.empty() && !may(c)) ++report.names_replaced;
  std::vector<std::pair<std::string, std::shared_ptr<const Bytes>>> entries;
  auto add = [&](const std::string& name, const std::string& text) {
    entries.emplace_back(name, std::make_shared<const Bytes>(text.begin(), text.end()));
  };
  add(kCourseFile, CourseToJson(shared));
  for (const Session& s : ListSessions(dir)) {
    // Only what ListSessions recognises is shared: log.json (staff notes and the session
    // log), an internal/ folder and anything else are internal by default.
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(s.dir, ec)) {
      const std::string ext = e.path().extension().string();
      if (e.is_directory(ec) ||
          (ext != ".graphony" && ext != ".txt" && ext != ".png" && ext != ".jpg" && ext != ".jpeg"))
        ++report.files_left_out;
    }
    for (const fs::path& file : s.scores) {
      Score score = LoadScore(file);
      ApplyCoursePeople(course, score);
      const Score copy = ShareableScore(score, purpose, today, &report);
      const std::string name = RedactFileName(file.filename().string(), course.people, may);
      entries.emplace_back(s.date + "/" + name,
                           std::make_shared<const Bytes>(BundleBytes(copy, file.string())));
    }
    for (const fs::path& file : s.texts) {
      const Bytes bytes = ReadFileBytes(file, file.string(), MaxEntryBytes());
      const std::string name = RedactFileName(file.filename().string(), course.people, may);
      add(s.date + "/" + name,
          RedactNames(std::string(bytes.begin(), bytes.end()), course.people, may));
    }
    for (const fs::path& file : s.pictures) {
      const std::string name = RedactFileName(file.filename().string(), course.people, may);
      entries.emplace_back(s.date + "/" + name, std::make_shared<const Bytes>(ReadFileBytes(
                                                    file, file.string(), MaxEntryBytes())));
    }
  }
  const Bytes zip = WriteZipBundle(entries, out.string());
  WriteFileAtomically(out, zip.data(), zip.size());
  return report;
}

}  // namespace graphony
