// graphony-cli people: list, add, change, remove and import the people of a score, with their
// credit and consent (the same rules as the editor's People panel: core/people.h).
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/people.h"
#include "core/score_io.h"
#include "core/score_text.h"
#include "notation/credits.h"
#include "person_options.h"
#include "rewrite_score.h"

namespace graphony::cli {

namespace {

using Json = nlohmann::ordered_json;

std::string ConsentList(const Consent& consent) {
  std::string out;
  for (Purpose p : kPurposes)
    if (Agrees(consent, p)) out.append(out.empty() ? "" : ",").append(PurposeName(p));
  return out;
}

}  // namespace

// The options add and set share (person_options.h).
void PersonOptions::Take(Args& args) {
  initials = args.Option("--initials");
  credit = args.Option("--credit-by-name");
  consent = args.Option("--consent");
  keep_until = args.Option("--keep-until");
  role = args.Option("--role");
}

void PersonOptions::ApplyTo(Contributor& c, const std::string& where) const {
  if (initials) c.initials = *initials;
  if (role) c.role = *role;
  if (credit) {
    if (*credit != "yes" && *credit != "no")
      throw ScoreError(where + ": " +
                       Fill(_("--credit-by-name expects yes or no (got {value})"),
                            {{"value", QuoteText(*credit)}}));
    c.consent.credit_by_name = *credit == "yes";
  }
  if (consent) {  // the whole list: what is not named is not agreed
    Consent given = c.consent;
    for (Purpose p : kPurposes) SetAgrees(given, p, false);
    if (*consent != "none" && !consent->empty()) {
      size_t start = 0;
      while (start <= consent->size()) {
        const size_t comma = std::min(consent->find(',', start), consent->size());
        const std::string name = consent->substr(start, comma - start);
        const auto purpose = ParsePurpose(name);
        if (!purpose)
          throw ScoreError(where + ": --consent: " +
                           Fill(_("unknown purpose {name} (known: {known}, or none)"),
                                {{"name", QuoteText(name)}, {"known", PurposeNameList()}}));
        SetAgrees(given, *purpose, true);
        start = comma + 1;
      }
    }
    c.consent = given;
  }
  if (keep_until) {
    if (!keep_until->empty() && !IsIsoDate(*keep_until))
      throw ScoreError(where + ": " +
                       Fill(_("--keep-until expects a date like 2027-06-30 (got {value})"),
                            {{"value", QuoteText(*keep_until)}}));
    c.consent.keep_until = *keep_until;
  }
}

namespace {

Json PersonJson(const Contributor& c) {
  Json consent = Json::array();
  for (Purpose p : kPurposes)
    if (Agrees(c.consent, p)) consent.push_back(PurposeName(p));
  return Json{{"id", c.id},
              {"name", c.name},
              {"initials", c.initials},
              {"role", c.role},
              {"credit_by_name", c.consent.credit_by_name},
              {"consent", consent},
              {"keep_until", c.consent.keep_until},
              {"printed_as", notation::CreditName(c)}};
}

void List(const Score& score, bool json) {
  if (json) {
    Json list = Json::array();
    for (const Contributor& c : score.contributors) list.push_back(PersonJson(c));
    std::printf("%s\n", list.dump(2).c_str());
    return;
  }
  if (score.contributors.empty())
    std::printf("%s\n", _("nobody yet (add someone with 'people FILE add NAME')"));
  for (const Contributor& c : score.contributors) {
    const std::string consent = ConsentList(c.consent);
    std::printf(
        "%s\n",
        Fill(_("{id}  {name} ({initials})  {credit}  consent: {consent}  keep until: {keep_until}  "
               "printed as: {printed_as}"),
             {{"id", c.id},
              {"name", DisplayName(c)},
              {"initials", c.initials.empty() ? std::string(_("no initials")) : c.initials},
              {"credit", c.consent.credit_by_name ? _("credit by name") : _("no name credit")},
              {"consent", consent.empty() ? "none" : consent},
              {"keep_until",
               c.consent.keep_until.empty() ? std::string(_("not set")) : c.consent.keep_until},
              {"printed_as", notation::CreditName(c)}})
            .c_str());
  }
}

int RunPeople(Args& args) {
  const bool json = args.Flag("--json");
  PersonOptions options;
  options.Take(args);
  const auto rename = args.Option("--rename");
  const auto rest = args.Positionals();
  if (rest.size() < 2)
    throw UsageError("people", _("give a score and what to do: list, add, set, remove or import"));
  const std::filesystem::path file = rest[0];
  const std::string action = rest[1];
  const std::string where = file.string();
  auto expect_words = [&](size_t n, const char* what) {
    if (rest.size() != n)
      // NOT-UI: the command (and action) as typed, before a translated message
      throw UsageError("people " + action, Fill(_("expects {what}"), {{"what", what}}));
  };
  const bool edits =
      options.initials || options.credit || options.consent || options.keep_until || options.role;
  if (action != "add" && action != "set" && (edits || rename))
    // NOT-UI: the command (and action) as typed, before a translated message
    throw UsageError("people " + action, _("takes no person options"));
  // NOT-UI: the command (and action) as typed, before a translated message
  if (action != "set" && rename) throw UsageError("people " + action, _("--rename is for set"));
  // NOT-UI: the command (and action) as typed, before a translated message
  if (action != "list" && json) throw UsageError("people " + action, _("--json is for list"));

  Score score = LoadScore(file);
  if (action == "list") {
    expect_words(2, _("no more words"));
    List(score, json);
    return kExitOk;
  }
  if (action == "add") {
    expect_words(3, _("one NAME (quote a name with spaces)"));
    Contributor& person = AddPerson(score, rest[2], where);
    options.ApplyTo(person, where);
    const std::string id = person.id;
    RewriteScore(score, file);
    std::printf(
        "%s: %s\n", where.c_str(),
        Fill(_("added {name} as {id}"), {{"name", QuoteText(rest[2])}, {"id", id}}).c_str());
    return kExitOk;
  }
  if (action == "set") {
    expect_words(3, _("one NAME or ID"));
    Contributor& person = FindPerson(score, rest[2], where);
    const std::string id = person.id;
    if (rename) RenamePerson(score, id, *rename, where);  // first: --initials then wins
    options.ApplyTo(person, where);
    RewriteScore(score, file);
    std::printf("%s: %s\n", where.c_str(), Fill(_("changed {id}"), {{"id", id}}).c_str());
    return kExitOk;
  }
  if (action == "remove") {
    expect_words(3, _("one NAME or ID"));
    const std::string id = FindPerson(score, rest[2], where).id;
    RemovePerson(score, id);
    RewriteScore(score, file);
    std::printf("%s: %s\n", where.c_str(), Fill(_("removed {id}"), {{"id", id}}).c_str());
    return kExitOk;
  }
  if (action == "import") {
    expect_words(3, _("one OTHER score to take the group from"));
    const Score other = LoadScore(rest[2]);
    const int added = ImportPeople(score, other);
    RewriteScore(score, file);
    std::printf(
        "%s: %s\n", where.c_str(),
        Fill(_("{people} added from {file}"),
             {{"people", Plural("{n} person", "{n} people", static_cast<unsigned long>(added))},
              {"file", rest[2]}})
            .c_str());
    return kExitOk;
  }
  throw UsageError("people", Fill(_("unknown action '{action}' (list, add, set, remove, import)"),
                                  {{"action", action}}));
}

}  // namespace

const Command kPeopleCommand = {
    "people", N_("list, add, change, remove or import the people of a score (credit and consent)"),
    N_("usage: graphony-cli people FILE list [--json]\n"
       "       graphony-cli people FILE add NAME [PERSON OPTIONS]\n"
       "       graphony-cli people FILE set NAME|ID [PERSON OPTIONS] [--rename NEW]\n"
       "       graphony-cli people FILE remove NAME|ID\n"
       "       graphony-cli people FILE import OTHER.graphony\n\n"
       "The people of a score, what they agreed to and how they are credited. Everything\n"
       "defaults to no: say yes only when the person agreed.\n\n"
       "person options:\n"
       "  --initials X                printed instead of the name (default: from the name)\n"
       "  --credit-by-name yes|no     the person wants their name printed; a print names them\n"
       "                              only if they also agreed to exhibition (docs/printing.md)\n"
       "  --consent LIST              what their recordings may be used for, comma-separated:\n"
       "                              group (shared within the group), exhibition (exhibition or\n"
       "                              concert), publicity, research; or none. Replaces the list.\n"
       "  --keep-until YYYY-MM-DD     keep their recordings until this date (\"\" clears it)\n"
       "  --role TEXT                 optional: painter, cello, facilitator...\n\n"
       "remove: their strokes keep playing without their name; they leave the takes' players.\n"
       "import: adds everyone from OTHER whose name is not in FILE yet (a course's group).\n"
       "The file is rewritten atomically: on any error it is left as it was.\n\n"
       "Exit status: 0 done, 1 bad input (one line naming the file), 2 usage error.\n"),
    RunPeople};

}  // namespace graphony::cli
