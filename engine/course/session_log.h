// The session log for care plans: per session and person, attendance, minutes active in the
// editor and a staff note, stored as DATE/log.json in the course folder and never sent
// anywhere. Strokes and takes are not stored: they are counted from the session's scores.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace graphony {

inline constexpr const char* kSessionLogFile = "log.json";

struct LogEntry {
  std::string person;            // Contributor::id in course.json
  std::optional<bool> attended;  // not recorded yet when empty
  double minutes_active = 0;     // added by the editor through RecordActivity
  std::string note;              // free text by staff (internal: never shared or printed)
};

struct SessionLog {
  std::vector<LogEntry> entries;
  LogEntry& For(const std::string& person_id);  // adds an entry when missing
  const LogEntry* Find(const std::string& person_id) const;
};

// A missing log.json is an empty log; a bad one throws ScoreError naming the file.
SessionLog LoadSessionLog(const std::filesystem::path& session_dir);
// Atomic, as every save.
void SaveSessionLog(const SessionLog& log, const std::filesystem::path& session_dir);

// The hook for the editor: adds `minutes` of activity by `person_id` to the log of the
// session holding `score_file` (COURSE/DATE/x.graphony). Returns false, doing nothing, when
// the score is not in a course session or the person is not in course.json. Call it from
// the UI thread when a person's turn ends or the score is saved, never from the audio
// callback (it writes a file). Throws ScoreError if log.json cannot be read or written.
bool RecordActivity(const std::filesystem::path& score_file, const std::string& person_id,
                    double minutes);

// One row of the care-record export: a person in a session.
struct LogRow {
  std::string date;
  std::string person_id;
  std::string shown_as;  // the print rule (NamedInPrint): name, else initials/"participant"
  std::string attended;  // "yes", "no" or "" (not recorded)
  double minutes_active = 0;
  int strokes = 0;  // strokes painted in the session's scores
  int takes = 0;    // takes recorded and played in
  std::string note;
};

// One row per person of course.json per session, sessions in date order.
std::vector<LogRow> CourseLog(const std::filesystem::path& course_dir);

// RFC 4180 CSV with a header line.
std::string LogCsv(const std::vector<LogRow>& rows);

}  // namespace graphony
