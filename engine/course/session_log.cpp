// Session log files (DATE/log.json) and the care-record rows counted from the scores.
#include "course/session_log.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "core/people.h"
#include "core/score_io.h"
#include "core/score_text.h"
#include "course/course.h"
#include "course/redact.h"
#include "notation/credits.h"

namespace graphony {

namespace fs = std::filesystem;

LogEntry& SessionLog::For(const std::string& person_id) {
  for (LogEntry& e : entries)
    if (e.person == person_id) return e;
  entries.push_back(LogEntry{person_id, std::nullopt, 0, ""});
  return entries.back();
}

const LogEntry* SessionLog::Find(const std::string& person_id) const {
  for (const LogEntry& e : entries)
    if (e.person == person_id) return &e;
  return nullptr;
}

SessionLog LoadSessionLog(const fs::path& session_dir) {
  const fs::path file = session_dir / kSessionLogFile;
  const std::string where = file.string();
  SessionLog log;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) return log;
  const std::vector<uint8_t> bytes = ReadFileBytes(file, where, 4u << 20);
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(bytes.begin(), bytes.end());
  } catch (const nlohmann::json::exception&) {
    throw ScoreError(where + ": not valid JSON");
  }
  if (!root.is_object() || !root.contains("people") || !root["people"].is_array())
    throw ScoreError(where + ": expected {\"people\": [...]}");
  const auto& people = root["people"];
  for (size_t i = 0; i < people.size(); ++i) {
    const std::string at = where + ": people[" + std::to_string(i) + "]";
    const auto& p = people[i];
    if (!p.is_object() || !p.contains("person") || !p["person"].is_string())
      throw ScoreError(at + ": expected an object with a \"person\" id");
    LogEntry e;
    e.person = p["person"].get<std::string>();
    if (p.contains("attended") && !p["attended"].is_null()) {
      if (!p["attended"].is_boolean()) throw ScoreError(at + ": attended: expected true/false");
      e.attended = p["attended"].get<bool>();
    }
    if (p.contains("minutes_active")) {
      if (!p["minutes_active"].is_number())
        throw ScoreError(at + ": minutes_active: expected a number");
      e.minutes_active = p["minutes_active"].get<double>();
      if (!std::isfinite(e.minutes_active) || e.minutes_active < 0 || e.minutes_active > 1e6)
        throw ScoreError(at + ": minutes_active: out of range");
    }
    if (p.contains("note")) {
      if (!p["note"].is_string()) throw ScoreError(at + ": note: expected text");
      e.note = p["note"].get<std::string>();
    }
    log.entries.push_back(std::move(e));
  }
  return log;
}

void SaveSessionLog(const SessionLog& log, const fs::path& session_dir) {
  nlohmann::ordered_json people = nlohmann::ordered_json::array();
  for (const LogEntry& e : log.entries) {
    nlohmann::ordered_json j;
    j["person"] = e.person;
    j["attended"] = e.attended ? nlohmann::ordered_json(*e.attended) : nullptr;
    j["minutes_active"] = e.minutes_active;
    j["note"] = e.note;
    people.push_back(std::move(j));
  }
  nlohmann::ordered_json root;
  root["people"] = std::move(people);
  const std::string text =
      root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  WriteFileAtomically(session_dir / kSessionLogFile, text.data(), text.size());
}

bool RecordActivity(const fs::path& score_file, const std::string& person_id, double minutes) {
  const auto course_dir = CourseOfFile(score_file);
  if (!course_dir || !(minutes > 0) || !std::isfinite(minutes)) return false;
  const Course course = LoadCourse(*course_dir);
  const Score group = PeopleAsScore(course);
  if (!PersonById(group, person_id)) return false;
  const fs::path session = fs::absolute(score_file).parent_path();
  SessionLog log = LoadSessionLog(session);
  log.For(person_id).minutes_active += minutes;
  SaveSessionLog(log, session);
  return true;
}

std::vector<LogRow> CourseLog(const fs::path& course_dir) {
  const Course course = LoadCourse(course_dir);
  std::vector<LogRow> rows;
  for (const Session& s : ListSessions(course_dir)) {
    const SessionLog log = LoadSessionLog(s.dir);
    std::vector<Score> scores;
    for (const fs::path& file : s.scores) {
      scores.push_back(LoadScore(file));
      ApplyCoursePeople(course, scores.back());
    }
    for (const Contributor& person : course.people) {
      LogRow row;
      row.date = s.date;
      row.person_id = person.id;
      row.shown_as = notation::CreditName(person);
      if (const LogEntry* e = log.Find(person.id)) {
        if (e->attended) row.attended = *e->attended ? "yes" : "no";
        row.minutes_active = e->minutes_active;
        // The care record leaves the ward too: names in notes follow the print rule.
        row.note = RedactNames(e->note, course.people, notation::NamedInPrint);
      }
      // A score's own ids may differ from the course's: people are matched by name.
      for (const Score& score : scores)
        for (const Contributor& c : score.contributors) {
          if (c.name != person.name) continue;
          for (const Layer& layer : score.layers)
            for (const Stroke& stroke : layer.strokes.strokes)
              if (stroke.contributor == c.id) ++row.strokes;
          for (const Take& take : score.takes)
            for (const std::string& id : take.players)
              if (id == c.id) ++row.takes;
        }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

namespace {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string LogCsv(const std::vector<LogRow>& rows) {
  std::string out = "session,person_id,person,attended,minutes_active,strokes,takes,note\n";
  for (const LogRow& r : rows) {
    char minutes[32];
    std::snprintf(minutes, sizeof minutes, "%g", r.minutes_active);
    out += r.date + "," + CsvField(r.person_id) + "," + CsvField(r.shown_as) + "," + r.attended +
           "," + minutes + "," + std::to_string(r.strokes) + "," + std::to_string(r.takes) + "," +
           CsvField(r.note) + "\n";
  }
  return out;
}

}  // namespace graphony
