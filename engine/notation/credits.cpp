// Credits that respect consent: names only for those who agreed, else initials or "participant".
#include "notation/credits.h"

#include "core/i18n.h"
#include "core/i18n_fill.h"

namespace graphony::notation {

bool NamedInPrint(const Contributor& c) {
  // A print is made to be seen outside the room (a concert programme, an exhibition wall), so
  // "credit me by name" alone is not enough: the person also agreed to exhibition or concert.
  return c.consent.credit_by_name && c.consent.exhibition && !c.name.empty();
}

bool CreditedAnonymously(const Contributor& c) { return !NamedInPrint(c) && c.initials.empty(); }

std::string CreditName(const Contributor& c) {
  if (NamedInPrint(c)) return c.name;
  if (!c.initials.empty()) return c.initials;
  // TRANSLATORS: printed instead of the name of someone who did not agree to be named
  return _("participant");
}

std::string JoinNames(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string out = names[0];
  for (size_t i = 1; i + 1 < names.size(); ++i)
    // TRANSLATORS: between names in a list, "Ana, Bo and Cy" (Chinese: "、")
    out += _(", ") + names[i];
  if (names.size() == 1) return out;
  // TRANSLATORS: the last name of a list: {names} is "Ana" or "Ana, Bo", {last} is "Cy"
  return i18n::Fill(_("{names} and {last}"), {{"names", out}, {"last", names.back()}});
}

namespace {

// The credited names of the contributors `wanted` picks. Anonymous people are counted, not
// listed: "participant, participant" reads badly.
template <typename Wanted>
std::vector<std::string> CreditedNames(const std::vector<Contributor>& contributors,
                                       Wanted wanted) {
  std::vector<std::string> names;
  int anonymous = 0;
  for (const Contributor& c : contributors) {
    if (!wanted(c)) continue;
    if (CreditedAnonymously(c))
      ++anonymous;
    else
      names.push_back(CreditName(c));
  }
  if (anonymous > 0)
    // TRANSLATORS: people who did not agree to be named, counted: "Ana, J.B. and 2 participants"
    names.push_back(i18n::Fill(i18n::TranslatePlural("one participant", "{count} participants",
                                                     static_cast<unsigned long>(anonymous)),
                               {{"count", std::to_string(anonymous)}}));
  return names;
}

}  // namespace

std::string CreditLine(const std::vector<Contributor>& contributors) {
  return JoinNames(CreditedNames(contributors, [](const Contributor&) { return true; }));
}

std::vector<std::string> PlayerNames(const Score& score, const std::set<std::string>& ids,
                                     bool picture) {
  std::vector<std::string> names =
      CreditedNames(score.contributors, [&](const Contributor& c) { return ids.count(c.id) > 0; });
  // TRANSLATORS: the picture a group painted over plays too: "played by: Ana and the picture"
  if (picture) names.push_back(_("the picture"));
  return names;
}

std::string MusicBy(const std::string& credits) {
  // TRANSLATORS: the credits line under a printed score's title; {names} is a list of people
  return i18n::Fill(_("Music by {names}"), {{"names", credits}});
}

std::string PlayedBy(const std::string& players) {
  // TRANSLATORS: under a part's name on its own pages; {names} is "Ana and the picture"
  return i18n::Fill(_("played by {names}"), {{"names", players}});
}

std::string EasyPartName(const std::string& part) {
  // TRANSLATORS: a part written simply, for beginners; {part} is "Flute"
  return i18n::Fill(_("{part} (easy)"), {{"part", part}});
}

}  // namespace graphony::notation
