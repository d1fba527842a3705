// graphony-cli share: a copy of a score or a course holding only what its people agreed to
// for one purpose. The source is never modified.
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "core/people.h"
#include "core/score_io.h"
#include "course/course.h"
#include "course/share.h"

namespace graphony::cli {

namespace {

int RunShare(Args& args) {
  const auto out = args.Option("-o");
  const auto purpose_name = args.Option("--purpose");
  const auto today = args.Option("--today");
  const auto rest = args.Positionals();
  if (rest.size() != 1 || !out || !purpose_name)
    throw UsageError("share: usage: graphony-cli share SCORE|DIR -o OUT --purpose " +
                     PurposeNameList());
  const auto purpose = ParsePurpose(*purpose_name);
  if (!purpose)
    throw UsageError("share: --purpose is one of " + PurposeNameList() + " (got \"" +
                     *purpose_name + "\")");
  const std::string date = today.value_or(TodayIsoDate());
  if (!IsIsoDate(date)) throw UsageError("share: --today expects a date like 2026-12-02");
  const std::filesystem::path source = rest[0], target = *out;
  std::error_code ec;
  const bool course = std::filesystem::is_directory(source, ec);
  if (course && target.extension() != ".zip")
    throw UsageError("share: a course is shared as a .zip (got " + target.string() + ")");
  if (!course && target.extension() != ".graphony")
    throw UsageError("share: a score is shared as a .graphony bundle (got " + target.string() +
                     ")");
  const ShareReport r = course ? ShareCourse(source, target, *purpose, date)
                               : ShareScoreFile(source, target, *purpose, date);
  std::printf(
      "wrote %s for %s: %d score%s, %d take%s kept, %d left out (not agreed), %d left out "
      "(past keep-until), %d name%s shown as initials or participant",
      target.string().c_str(), PurposeName(*purpose), r.scores, r.scores == 1 ? "" : "s",
      r.takes_kept, r.takes_kept == 1 ? "" : "s", r.takes_not_agreed, r.takes_expired,
      r.names_replaced, r.names_replaced == 1 ? "" : "s");
  if (course)
    std::printf(", %d internal file%s left out", r.files_left_out,
                r.files_left_out == 1 ? "" : "s");
  std::printf("\n");
  return kExitOk;
}

}  // namespace

const Command kShareCommand = {
    "share", N_("a copy of a score or course with only what people agreed to for a purpose"),
    "usage: graphony-cli share SCORE.graphony -o OUT.graphony --purpose PURPOSE [--today DATE]\n"
    "       graphony-cli share COURSE_DIR -o OUT.zip --purpose PURPOSE [--today DATE]\n\n"
    "PURPOSE is group, exhibition, publicity or research. The copy leaves out:\n"
    "  - takes whose players did not all agree to the purpose (and their recordings);\n"
    "  - recordings past a player's keep-until date (--today sets the date, default today);\n"
    "  - names beyond what each person agreed: a person is named only if they asked to be\n"
    "    credited by name and agreed to the purpose; otherwise initials or \"participant\",\n"
    "    in titles, take names, file names and poems too;\n"
    "  - internal notes: each session's log.json (attendance, staff notes) and anything\n"
    "    that is not a score, poem/note (.txt) or picture.\n"
    "The source is never modified, and OUT may not replace it or sit inside it.\n\n"
    "Exit status: 0 written, 1 bad input (nothing written), 2 usage error.\n",
    RunShare};

}  // namespace graphony::cli
