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
    throw UsageError("share",
                     Fill(_("usage: graphony-cli share SCORE|DIR -o OUT --purpose {purposes}"),
                          {{"purposes", PurposeNameList()}}));
  const auto purpose = ParsePurpose(*purpose_name);
  if (!purpose)
    throw UsageError("share", Fill(_("--purpose is one of {purposes} (got \"{value}\")"),
                                   {{"purposes", PurposeNameList()}, {"value", *purpose_name}}));
  const std::string date = today.value_or(TodayIsoDate());
  if (!IsIsoDate(date)) throw UsageError("share", _("--today expects a date like 2026-12-02"));
  const std::filesystem::path source = rest[0], target = *out;
  std::error_code ec;
  const bool course = std::filesystem::is_directory(source, ec);
  if (course && target.extension() != ".zip")
    throw UsageError(
        "share", Fill(_("a course is shared as a .zip (got {file})"), {{"file", target.string()}}));
  if (!course && target.extension() != ".graphony")
    throw UsageError("share", Fill(_("a score is shared as a .graphony bundle (got {file})"),
                                   {{"file", target.string()}}));
  const ShareReport r = course ? ShareCourse(source, target, *purpose, date)
                               : ShareScoreFile(source, target, *purpose, date);
  const auto count = [](int n) { return static_cast<unsigned long>(n); };
  std::string line = Fill(
      _("wrote {file} for {purpose}: {scores}, {takes} kept, {not_agreed} left out (not agreed), "
        "{expired} left out (past keep-until), {names} shown as initials or participant"),
      {{"file", target.string()},
       {"purpose", PurposeName(*purpose)},
       {"scores", Plural("{n} score", "{n} scores", count(r.scores))},
       {"takes", Plural("{n} take", "{n} takes", count(r.takes_kept))},
       {"not_agreed", std::to_string(r.takes_not_agreed)},
       {"expired", std::to_string(r.takes_expired)},
       {"names", Plural("{n} name", "{n} names", count(r.names_replaced))}});
  if (course)
    line += Fill(
        _(", {files} left out"),
        {{"files", Plural("{n} internal file", "{n} internal files", count(r.files_left_out))}});
  std::printf("%s\n", line.c_str());
  return kExitOk;
}

}  // namespace

const Command kShareCommand = {
    "share", N_("a copy of a score or course with only what people agreed to for a purpose"),
    N_("usage: graphony-cli share SCORE.graphony -o OUT.graphony --purpose PURPOSE [--today DATE]\n"
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
       "Exit status: 0 written, 1 bad input (nothing written), 2 usage error.\n"),
    RunShare};

}  // namespace graphony::cli
