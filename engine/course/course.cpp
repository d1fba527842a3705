// course.json reading and writing, and the session folders of a course.
#include "course/course.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "core/people.h"
#include "core/people_json.h"
#include "core/score_io.h"
#include "core/score_text.h"

namespace graphony {

namespace fs = std::filesystem;

namespace {

constexpr uint64_t kMaxCourseBytes = 4u << 20;  // a course.json is a few kilobytes

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string Extension(const fs::path& file) { return Lower(file.extension().string()); }

std::string TextField(const nlohmann::json& root, const char* key, const std::string& where) {
  if (!root.contains(key)) return {};
  const auto& value = root[key];
  if (!value.is_string()) throw ScoreError(where + ": " + key + ": expected text");
  return value.get<std::string>();
}

}  // namespace

std::string CourseToJson(const Course& course) {
  nlohmann::ordered_json j;
  j["format_version"] = kCourseFormatVersion;
  j["title"] = course.title;
  j["theme"] = course.theme;
  j["site"] = course.site;
  j["facilitators"] = course.facilitators;
  nlohmann::ordered_json people = nlohmann::ordered_json::array();
  for (const Contributor& c : course.people) people.push_back(PersonToJson(c));
  j["people"] = std::move(people);
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Course CourseFromJson(const std::string& text, const std::string& where) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    std::string message = e.what();
    const size_t bracket = message.find("] ");
    if (bracket != std::string::npos) message = message.substr(bracket + 2);
    throw ScoreError(where + ": not valid JSON (" + message + ")");
  }
  if (!root.is_object()) throw ScoreError(where + ": expected an object {...}");
  for (const auto& [key, value] : root.items()) {
    static const char* const kKeys[] = {"format_version", "title",        "theme",
                                        "site",           "facilitators", "people"};
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys))
      throw ScoreError(where + ": unknown field " + QuoteText(key));
  }
  if (!root.contains("format_version") || !root["format_version"].is_number_integer())
    throw ScoreError(where + ": format_version: expected a whole number");
  const int version = root["format_version"].get<int>();
  if (version > kCourseFormatVersion)
    throw ScoreError(where + ": was saved by a newer Graphony (format_version " +
                     std::to_string(version) + ")");
  Course course;
  course.title = TextField(root, "title", where);
  course.theme = TextField(root, "theme", where);
  course.site = TextField(root, "site", where);
  if (root.contains("facilitators")) {
    const auto& list = root["facilitators"];
    if (!list.is_array()) throw ScoreError(where + ": facilitators: expected a list");
    for (size_t i = 0; i < list.size(); ++i) {
      if (!list[i].is_string())
        throw ScoreError(where + ": facilitators[" + std::to_string(i) + "]: expected text");
      course.facilitators.push_back(list[i].get<std::string>());
    }
  }
  if (root.contains("people")) {
    const auto& list = root["people"];
    if (!list.is_array()) throw ScoreError(where + ": people: expected a list");
    Score group;
    for (size_t i = 0; i < list.size(); ++i) {
      Contributor c = PersonFromJson(list[i], where, "people[" + std::to_string(i) + "]");
      if (c.id.empty() || PersonById(group, c.id))
        throw ScoreError(where + ": people[" + std::to_string(i) + "]: id " + QuoteText(c.id) +
                         " is empty or used twice");
      group.contributors.push_back(std::move(c));
    }
    course.people = std::move(group.contributors);
  }
  return course;
}

Course LoadCourse(const fs::path& dir) {
  const fs::path file = dir / kCourseFile;
  const std::string where = file.string();
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw ScoreError(dir.string() + ": not a course folder (no such folder)");
  if (!fs::exists(file, ec))
    throw ScoreError(where + ": missing (make a course with 'graphony-cli course new')");
  const std::vector<uint8_t> bytes = ReadFileBytes(file, where, kMaxCourseBytes);
  return CourseFromJson(std::string(bytes.begin(), bytes.end()), where);
}

void SaveCourse(const Course& course, const fs::path& dir) {
  const std::string json = CourseToJson(course);
  WriteFileAtomically(dir / kCourseFile, json.data(), json.size());
}

bool IsCourseDir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / kCourseFile, ec);
}

std::vector<Session> ListSessions(const fs::path& dir) {
  std::vector<Session> sessions;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!IsIsoDate(name) || entry.is_symlink(ec) || !entry.is_directory(ec)) continue;
    Session s;
    s.date = name;
    s.dir = entry.path();
    std::error_code inner;
    for (const auto& file : fs::directory_iterator(s.dir, inner)) {
      if (file.is_symlink(inner) || !file.is_regular_file(inner)) continue;
      const std::string ext = Extension(file.path());
      if (file.path().filename().string().front() == '.') continue;  // temp files of saves
      if (ext == ".graphony")
        s.scores.push_back(file.path());
      else if (ext == ".txt")
        s.texts.push_back(file.path());
      else if (ext == ".png" || ext == ".jpg" || ext == ".jpeg")
        s.pictures.push_back(file.path());
    }
    for (auto* list : {&s.scores, &s.texts, &s.pictures}) std::sort(list->begin(), list->end());
    sessions.push_back(std::move(s));
  }
  std::sort(sessions.begin(), sessions.end(),
            [](const Session& a, const Session& b) { return a.date < b.date; });
  return sessions;
}

Session FindSession(const fs::path& dir, const std::string& date) {
  for (Session& s : ListSessions(dir))
    if (s.date == date) return s;
  throw ScoreError(dir.string() + ": no session on " + QuoteText(date) +
                   " (add it with 'graphony-cli course add-session')");
}

fs::path AddSession(const fs::path& dir, const std::string& date) {
  if (!IsIsoDate(date))
    throw ScoreError(dir.string() + ": --date expects a date like 2026-12-02 (got " +
                     QuoteText(date) + ")");
  const fs::path session = dir / date;
  std::error_code ec;
  if (fs::exists(session, ec)) throw ScoreError(session.string() + ": the session already exists");
  if (!fs::create_directory(session, ec))
    throw ScoreError(session.string() + ": cannot make the session folder (" + ec.message() + ")");
  return session;
}

std::optional<fs::path> CourseOfFile(const fs::path& file) {
  const fs::path session = fs::absolute(file).parent_path();
  if (!IsIsoDate(session.filename().string())) return std::nullopt;
  const fs::path course = session.parent_path();
  if (!IsCourseDir(course)) return std::nullopt;
  return course;
}

Score PeopleAsScore(const Course& course) {
  Score group;
  group.contributors = course.people;
  return group;
}

bool GiveCoursePeople(Score& score, const fs::path& file) {
  const auto course = CourseOfFile(file);
  if (!course) return false;
  ImportPeople(score, PeopleAsScore(LoadCourse(*course)));
  return true;
}

fs::path FreeScorePath(const fs::path& session_dir, const std::string& title) {
  std::string stem;
  for (unsigned char c : title) {
    if (std::isalnum(c))
      stem += static_cast<char>(std::tolower(c));
    else if (!stem.empty() && stem.back() != '-')
      stem += '-';
  }
  while (!stem.empty() && stem.back() == '-') stem.pop_back();
  if (stem.empty()) stem = "score";
  fs::path out = session_dir / (stem + ".graphony");
  std::error_code ec;
  for (int n = 2; fs::exists(out, ec); ++n)
    out = session_dir / (stem + "-" + std::to_string(n) + ".graphony");
  return out;
}

void ApplyCoursePeople(const Course& course, Score& score) {
  for (Contributor& mine : score.contributors) {
    const Contributor* theirs = nullptr;
    for (const Contributor& c : course.people)
      if (!c.name.empty() && Lower(c.name) == Lower(mine.name)) theirs = &c;
    if (!theirs)
      for (const Contributor& c : course.people)
        if (c.id == mine.id && mine.name.empty()) theirs = &c;
    if (!theirs) continue;
    mine.name = theirs->name;
    mine.initials = theirs->initials;
    mine.role = theirs->role;
    mine.consent = theirs->consent;
  }
}

}  // namespace graphony
