// Sharing only what was agreed: a copy of a score or a whole course for one purpose, without
// the takes its players did not agree to, names beyond what each person agreed, recordings
// past their keep-until date, and internal notes. The source is never modified.
#pragma once

#include <filesystem>
#include <string>

#include "core/people.h"
#include "core/score.h"

namespace graphony {

struct ShareReport {
  int scores = 0;
  int takes_kept = 0;
  int takes_not_agreed = 0;  // a player did not agree to the purpose (or a take names nobody)
  int takes_expired = 0;     // past a player's keep-until date
  int names_replaced = 0;    // people shown by initials or "participant"
  int files_left_out = 0;    // internal notes: session logs, internal/ folders
};

// May this person be named when shared for `purpose`: they asked for credit by name and
// agreed to the purpose itself.
bool NamedFor(const Contributor& person, Purpose purpose);

// The copy of `score` that may be shared for `purpose` on `today` (YYYY-MM-DD).
Score ShareableScore(const Score& score, Purpose purpose, const std::string& today,
                     ShareReport* report);

// The shareable copy of `score`, which is (or will be) saved at `source` (empty: nowhere yet):
// a score of a course session first takes course.json's people, with their latest consent.
Score ShareableScoreAt(Score score, const std::filesystem::path& source, Purpose purpose,
                       const std::string& today, ShareReport* report);

// Writes `score` as a .graphony bundle at `out` atomically; refuses an `out` that would
// replace `source` or sit inside it (`source` may be empty).
void WriteScoreCopy(const Score& score, const std::filesystem::path& source,
                    const std::filesystem::path& out);

// Writes the shareable copy of the score bundle `source` to `out` (a .graphony bundle).
ShareReport ShareScoreFile(const std::filesystem::path& source, const std::filesystem::path& out,
                           Purpose purpose, const std::string& today);

// Writes a zip of the course folder `dir` to `out`: course.json with redacted people, each
// session's scores made shareable, poems/notes with names redacted, pictures; no log.json,
// nothing under a session's internal/ folder, nothing else.
ShareReport ShareCourse(const std::filesystem::path& dir, const std::filesystem::path& out,
                        Purpose purpose, const std::string& today);

}  // namespace graphony
