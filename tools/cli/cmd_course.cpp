// graphony-cli course: make a course folder, add sessions and people, list it, and start or
// add to the scores of a session (a new score gets the course's people).
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "commands.h"
#include "core/file_io.h"
#include "core/people.h"
#include "core/score_io.h"
#include "core/score_text.h"
#include "course/course.h"
#include "notation/credits.h"
#include "person_options.h"
#include "synth/sound_file.h"

namespace graphony::cli {

namespace {

namespace fs = std::filesystem;

void NoMoreWords(const std::vector<std::string>& rest, size_t n, const std::string& what) {
  // NOT-UI: the command (and action) as typed, before a translated message
  if (rest.size() != n) throw UsageError("course " + what);
}

// The words left once options are taken are ACTION DIR [more]: the course folder.
// "ACTION: MESSAGE", the message translated, the action as typed.
std::string Action(const char* action, const std::string& message) {
  return std::string(action) + ": " + message;
}

fs::path Folder(Args& args, size_t words, const std::string& what) {
  const auto rest = args.Positionals();
  NoMoreWords(rest, words, what);
  return rest[1];
}

int New(Args& args) {
  const auto title = args.Option("--title");
  const auto theme = args.Option("--theme");
  const auto site = args.Option("--site");
  const auto facilitators = args.Options("--facilitator");
  const fs::path dir = Folder(args, 2, Action("new", _("expects one folder")));
  // NOT-UI: the command (and action) as typed, before a translated message
  if (!title || title->empty()) throw UsageError("course new", _("--title is required"));
  std::error_code ec;
  if (IsCourseDir(dir)) throw ScoreError((dir / kCourseFile).string() + ": " + _("already exists"));
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
    throw ScoreError(dir.string() + ": " +
                     _("the folder is not empty (a course starts in a new folder)"));
  fs::create_directories(dir, ec);
  if (ec)
    throw ScoreError(dir.string() + ": " +
                     Fill(_("cannot make the folder ({reason})"), {{"reason", ec.message()}}));
  Course course;
  course.title = *title;
  course.theme = theme.value_or("");
  course.site = site.value_or("");
  course.facilitators = facilitators;
  SaveCourse(course, dir);
  std::printf("%s: %s\n", dir.string().c_str(),
              Fill(_("new course {title}"), {{"title", QuoteText(course.title)}}).c_str());
  return kExitOk;
}

int AddSessionCommand(Args& args) {
  const auto date = args.Option("--date");
  const fs::path dir = Folder(args, 2, Action("add-session", _("expects one folder")));
  // NOT-UI: the command (and action) as typed, before a translated message
  if (!date) throw UsageError("course add-session", _("--date YYYY-MM-DD is required"));
  LoadCourse(dir);  // a bad course.json is reported before anything is made
  const fs::path session = AddSession(dir, *date);
  std::printf("%s: %s\n", session.string().c_str(), _("new session"));
  return kExitOk;
}

int List(Args& args) {
  const bool json = args.Flag("--json");
  const fs::path dir = Folder(args, 2, Action("list", _("expects one folder")));
  const Course course = LoadCourse(dir);
  const std::vector<Session> sessions = ListSessions(dir);
  using Json = nlohmann::ordered_json;
  Json out;
  out["title"] = course.title;
  out["theme"] = course.theme;
  out["site"] = course.site;
  out["facilitators"] = course.facilitators;
  Json people = Json::array();
  for (const Contributor& c : course.people) {
    Json consent = Json::array();
    for (Purpose p : kPurposes)
      if (Agrees(c.consent, p)) consent.push_back(PurposeName(p));
    people.push_back(Json{{"id", c.id},
                          {"name", c.name},
                          {"initials", c.initials},
                          {"role", c.role},
                          {"credit_by_name", c.consent.credit_by_name},
                          {"consent", consent},
                          {"keep_until", c.consent.keep_until},
                          {"printed_as", notation::CreditName(c)}});
  }
  out["people"] = people;
  Json list = Json::array();
  for (const Session& s : sessions) {
    Json scores = Json::array();
    for (const fs::path& f : s.scores) {
      const Score score = LoadScore(f);
      scores.push_back(Json{
          {"file", f.filename().string()}, {"title", score.title}, {"takes", score.takes.size()}});
    }
    Json texts = Json::array(), pictures = Json::array();
    for (const fs::path& f : s.texts) texts.push_back(f.filename().string());
    for (const fs::path& f : s.pictures) pictures.push_back(f.filename().string());
    list.push_back(
        Json{{"date", s.date}, {"scores", scores}, {"texts", texts}, {"pictures", pictures}});
  }
  out["sessions"] = list;
  if (json) {
    std::printf("%s\n", out.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::printf(
      "%s\n%s\n%s\n%s\n", course.title.c_str(),
      Fill(_("theme: {theme}"), {{"theme", course.theme}}).c_str(),
      Fill(_("site: {site}"), {{"site", course.site}}).c_str(),
      Fill(_("facilitators: {names}"), {{"names", notation::JoinNames(course.facilitators)}})
          .c_str());
  std::printf("%s\n",
              Fill(_("people: {n}"), {{"n", std::to_string(course.people.size())}}).c_str());
  for (const Contributor& c : course.people)
    std::printf("  %s  %s  %s\n", c.id.c_str(), DisplayName(c).c_str(),
                Fill(_("printed as {name}"), {{"name", notation::CreditName(c)}}).c_str());
  std::printf("%s\n", Fill(_("sessions: {n}"), {{"n", std::to_string(sessions.size())}}).c_str());
  for (const Json& s : list) {
    std::printf("  %s  %s, %s, %s\n", s["date"].get<std::string>().c_str(),
                Plural("{n} score", "{n} scores", s["scores"].size()).c_str(),
                Plural("{n} text", "{n} texts", s["texts"].size()).c_str(),
                Plural("{n} picture", "{n} pictures", s["pictures"].size()).c_str());
    for (const Json& score : s["scores"])
      std::printf("    %s  %s (%s)\n", score["file"].get<std::string>().c_str(),
                  QuoteText(score["title"].get<std::string>()).c_str(),
                  Plural("{n} take", "{n} takes", score["takes"].get<size_t>()).c_str());
  }
  return kExitOk;
}

int Person(Args& args, bool add) {
  PersonOptions options;
  options.Take(args);
  const auto rest = args.Positionals();
  NoMoreWords(rest, 3,
              Action(add ? "add-person" : "set-person",
                     _("expects a folder and one NAME (quote a name with spaces)")));
  const fs::path dir = rest[1];
  const std::string where = (dir / kCourseFile).string();
  Course course = LoadCourse(dir);
  Score group = PeopleAsScore(course);
  Contributor& person = add ? AddPerson(group, rest[2], where) : FindPerson(group, rest[2], where);
  options.ApplyTo(person, where);
  const std::string id = person.id;
  course.people = group.contributors;
  SaveCourse(course, dir);
  std::printf("%s: %s\n", where.c_str(),
              Fill(add ? _("added {name} as {id}") : _("changed {name} as {id}"),
                   {{"name", QuoteText(rest[2])}, {"id", id}})
                  .c_str());
  return kExitOk;
}

int NewScoreCommand(Args& args) {
  const auto date = args.Option("--session");
  const auto pictures = args.Options("--picture");
  const auto title = args.Option("--title");
  const fs::path dir = Folder(args, 2, Action("new-score", _("expects one folder")));
  // NOT-UI: the command (and action) as typed, before a translated message
  if (!date) throw UsageError("course new-score", _("--session YYYY-MM-DD is required"));
  LoadCourse(dir);
  const Session session = FindSession(dir, *date);
  const fs::path out = FreeScorePath(session.dir, title.value_or("score"));
  // `new` does the work: it gives a score in a session folder the course's people.
  std::vector<std::string> words = {out.string(), "--date", *date};
  if (title) words.insert(words.end(), {"--title", *title});
  for (const std::string& p : pictures) words.insert(words.end(), {"--image", p});
  Args forwarded("new", words);
  return kNewCommand.run(forwarded);
}

int AddTake(Args& args) {
  const auto date = args.Option("--session");
  const auto score_name = args.Option("--score");
  const auto wav = args.Option("--wav");
  const auto name = args.Option("--name");
  const auto players = args.Options("--player");
  const auto at = args.Option("--at");
  const auto recorded = args.Option("--recorded-at");
  const fs::path dir = Folder(args, 2, Action("add-take", _("expects one folder")));
  if (!date || !score_name || !wav)
    // NOT-UI: the command (and action) as typed, before a translated message
    throw UsageError("course add-take",
                     _("--session DATE, --score FILE and --wav TAKE are required"));
  const Course course = LoadCourse(dir);
  const Session session = FindSession(dir, *date);
  const fs::path file = session.dir / fs::path(*score_name).filename();
  Score score = LoadScore(file);
  const std::string where = file.string();
  // The recording is checked (it decodes) before the score is touched.
  const std::vector<uint8_t> bytes = ReadFileBytes(*wav, *wav, 1ull << 31);
  try {
    ReadSoundFile(bytes, *wav, 6 * 3600.0);
  } catch (const std::exception& e) {
    throw ScoreError(std::string(e.what()));
  }
  ImportPeople(score, PeopleAsScore(course));
  Take take;
  take.name = name.value_or(fs::path(*wav).stem().string());
  std::string ext = fs::path(*wav).extension().string();
  for (int n = static_cast<int>(score.takes.size()) + 1;; ++n) {
    take.file = "recordings/take-" + std::to_string(n) + ext;
    if (!score.assets.files.count(take.file)) break;
  }
  for (const std::string& p : players) take.players.push_back(FindPerson(score, p, where).id);
  take.recorded_at = recorded.value_or(*date);
  if (at) take.start_beat = ParseNumber("--at", *at);
  score.assets.files[take.file] = std::make_shared<const std::vector<uint8_t>>(bytes);
  score.takes.push_back(take);
  SaveScore(score, file);
  std::printf(
      "%s: %s\n", where.c_str(),
      Fill(_("added take {name} ({file})"), {{"name", QuoteText(take.name)}, {"file", take.file}})
          .c_str());
  return kExitOk;
}

int RunCourse(Args& args) {
  const std::string action = args.FirstWord();
  if (action == "new") return New(args);
  if (action == "add-session") return AddSessionCommand(args);
  if (action == "list") return List(args);
  if (action == "add-person") return Person(args, true);
  if (action == "set-person") return Person(args, false);
  if (action == "new-score") return NewScoreCommand(args);
  if (action == "add-take") return AddTake(args);
  throw UsageError("course", Fill(_("unknown action {action} (new, add-session, list, add-person, "
                                    "set-person, new-score, add-take)"),
                                  {{"action", QuoteText(action)}}));
}

}  // namespace

const Command kCourseCommand = {
    "course", N_("a course folder: its sessions, its people and the scores of each session"),
    N_("usage: graphony-cli course new DIR --title TEXT [--theme TEXT] [--site TEXT]\n"
       "                              [--facilitator NAME]...\n"
       "       graphony-cli course add-session DIR --date YYYY-MM-DD\n"
       "       graphony-cli course list DIR [--json]\n"
       "       graphony-cli course add-person DIR NAME [PERSON OPTIONS]\n"
       "       graphony-cli course set-person DIR NAME|ID [PERSON OPTIONS]\n"
       "       graphony-cli course new-score DIR --session DATE [--title TEXT] [--picture P]...\n"
       "       graphony-cli course add-take DIR --session DATE --score FILE --wav TAKE.wav\n"
       "                              [--name TITLE] [--player NAME]... [--at BEAT]\n\n"
       "A course is a folder: course.json (title, theme, site, facilitators and the group) and\n"
       "one folder per session named by its date, holding its scores (*.graphony), poems and\n"
       "notes (*.txt) and pictures (*.png, *.jpg). docs/courses.md describes it.\n\n"
       "Person options are those of 'graphony-cli people' (--initials, --credit-by-name yes|no,\n"
       "--consent LIST, --keep-until DATE, --role TEXT); everything defaults to no.\n"
       "course.json owns the people: their credit and consent apply to every score of the course.\n"
       "new-score (or 'graphony-cli new' into a session folder) starts with the course's people.\n"
       "add-take carries a recording made elsewhere into a session's score, with its players.\n\n"
       "Exit status: 0 done, 1 bad input (one line naming the file; nothing changed), 2 usage.\n"),
    RunCourse};

}  // namespace graphony::cli
