// A course is a folder: course.json (title, theme, site, facilitators, the group) and one
// dated subfolder per session holding its scores, takes, poems or notes (.txt) and pictures.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony {

inline constexpr const char* kCourseFile = "course.json";
inline constexpr int kCourseFormatVersion = 1;

struct Course {
  std::string title;
  std::string theme;
  std::string site;
  std::vector<std::string> facilitators;  // staff: printed by name in the portfolio
  std::vector<Contributor> people;        // the group, as a score's contributors
};

// One session folder, named by its date (YYYY-MM-DD). Files sorted by name.
struct Session {
  std::string date;
  std::filesystem::path dir;
  std::vector<std::filesystem::path> scores;    // *.graphony
  std::vector<std::filesystem::path> texts;     // *.txt: poems and notes shared by the group
  std::vector<std::filesystem::path> pictures;  // *.png, *.jpg, *.jpeg
};

std::string CourseToJson(const Course& course);
// Strict: unknown keys, wrong types and bad people are errors naming `where` and the field.
Course CourseFromJson(const std::string& text, const std::string& where);

// Reads DIR/course.json; throws ScoreError "DIR/course.json: problem" (one line).
Course LoadCourse(const std::filesystem::path& dir);
// Writes DIR/course.json atomically (the old file is untouched on failure).
void SaveCourse(const Course& course, const std::filesystem::path& dir);
bool IsCourseDir(const std::filesystem::path& dir);

// Session folders in date order; other folders and files are ignored (never followed
// through symlinks).
std::vector<Session> ListSessions(const std::filesystem::path& dir);
// The session of that date; throws ScoreError naming the course when there is none.
Session FindSession(const std::filesystem::path& dir, const std::string& date);
// Makes DIR/DATE; throws ScoreError for a bad date or an existing session.
std::filesystem::path AddSession(const std::filesystem::path& dir, const std::string& date);

// When `file` lies in a session folder of a course (COURSE/DATE/file): the course folder.
std::optional<std::filesystem::path> CourseOfFile(const std::filesystem::path& file);

// The course's people as a score's group, so the person edits of core/people.h apply.
Score PeopleAsScore(const Course& course);

// A new score that will be saved at `file`: when that is in a course session, it starts with
// the course's people (`graphony-cli new` and the editor both come here). Returns false,
// changing nothing, outside a course; throws ScoreError for a bad course.json.
bool GiveCoursePeople(Score& score, const std::filesystem::path& file);

// A free file name for a new score titled `title` in a session folder: the title's letters,
// digits and dashes, ".graphony", and "-2", "-3"... when taken.
std::filesystem::path FreeScorePath(const std::filesystem::path& session_dir,
                                    const std::string& title);

// course.json owns the people: a session's score takes each person's name, initials and
// consent from the course (matched by name, else id), so a consent changed later applies to
// every score. People only in the score keep what the score says.
void ApplyCoursePeople(const Course& course, Score& score);

}  // namespace graphony
