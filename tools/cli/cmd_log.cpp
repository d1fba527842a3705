// graphony-cli log: the session log of a course for care plans (attendance, minutes active,
// strokes, takes, staff notes), shown or exported as CSV; and staff entries with --set.
#include <cstdio>

#include "commands.h"
#include "core/people.h"
#include "core/score_io.h"
#include "core/score_text.h"
#include "course/course.h"
#include "course/session_log.h"

namespace graphony::cli {

namespace {

int Set(Args& args) {
  const auto date = args.Option("--session");
  const auto person = args.Option("--person");
  const auto attended = args.Option("--attended");
  const auto note = args.Option("--note");
  const auto minutes = args.Option("--minutes");
  const auto rest = args.Positionals();
  if (rest.size() != 1 || !date || !person)
    // NOT-UI: the command (and action) as typed, before a translated message
    throw UsageError("log --set",
                     _("usage: graphony-cli log DIR --set --session DATE --person NAME "
                       "[--attended yes|no] [--note TEXT] [--minutes N]"));
  if (attended && *attended != "yes" && *attended != "no")
    // NOT-UI: the command (and action) as typed, before a translated message
    throw UsageError("log --set", _("--attended is yes or no"));
  const std::filesystem::path dir = rest[0];
  const Course course = LoadCourse(dir);
  const Session session = FindSession(dir, *date);
  Score group = PeopleAsScore(course);
  const std::string id = FindPerson(group, *person, (dir / kCourseFile).string()).id;
  SessionLog log = LoadSessionLog(session.dir);
  LogEntry& entry = log.For(id);
  if (attended) entry.attended = *attended == "yes";
  if (note) entry.note = *note;
  if (minutes) {
    const double m = ParseNumber("--minutes", *minutes);
    // NOT-UI: the command (and action) as typed, before a translated message
    if (!(m >= 0) || m > 1e6) throw UsageError("log --set", _("--minutes is 0 or more"));
    entry.minutes_active = m;
  }
  SaveSessionLog(log, session.dir);
  std::printf("%s: %s\n", (session.dir / kSessionLogFile).string().c_str(),
              Fill(_("{id} updated"), {{"id", id}}).c_str());
  return kExitOk;
}

int RunLog(Args& args) {
  if (args.Flag("--set")) return Set(args);
  const bool csv = args.Flag("--csv");
  const auto rest = args.Positionals();
  if (rest.size() != 1)
    throw UsageError("log", _("usage: graphony-cli log DIR [--csv] (or --set, see --help)"));
  const std::vector<LogRow> rows = CourseLog(rest[0]);
  if (csv) {
    std::fputs(LogCsv(rows).c_str(), stdout);
    return kExitOk;
  }
  for (const LogRow& r : rows)
    std::printf(
        "%s\n",
        Fill(_("{date}  {id} {name} attended: {attended}  {minutes} min  {strokes} strokes  "
               "{takes} takes  {note}"),
             {{"date", r.date},
              {"id", Sprintf("%-4s", r.person_id.c_str())},
              {"name", Sprintf("%-14s", r.shown_as.c_str())},
              {"attended", Sprintf("%-3s", r.attended.empty() ? "?" : r.attended.c_str())},
              {"minutes", Sprintf("%g", r.minutes_active)},
              {"strokes", std::to_string(r.strokes)},
              {"takes", std::to_string(r.takes)},
              {"note", r.note.empty() ? "" : QuoteText(r.note)}})
            .c_str());
  return kExitOk;
}

}  // namespace

const Command kLogCommand = {
    "log", N_("the session log of a course for care plans (attendance, activity, notes)"),
    N_("usage: graphony-cli log DIR [--csv]\n"
       "       graphony-cli log DIR --set --session DATE --person NAME|ID [--attended yes|no]\n"
       "                            [--note TEXT] [--minutes N]\n\n"
       "One row per person of the course per session: attended, minutes active in the editor,\n"
       "strokes painted and takes played in (counted from the session's scores) and the staff\n"
       "note. --csv writes it for the care record. People are named as in print: by name only\n"
       "if they agreed, otherwise initials or \"participant\" (the id column stays for staff).\n"
       "The log is kept in the course folder (DATE/log.json), is never sent anywhere, and is\n"
       "left out of 'graphony-cli share' and the portfolio.\n\n"
       "Exit status: 0 done, 1 bad input (one line naming the file), 2 usage error.\n"),
    RunLog};

}  // namespace graphony::cli
