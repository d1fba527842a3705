// Credits that respect consent: names only for those who agreed, else initials or "participant".
#include "notation/credits.h"

namespace graphony::notation {

bool NamedInPrint(const Contributor& c) {
  // A print is made to be seen outside the room (a concert programme, an exhibition wall), so
  // "credit me by name" alone is not enough: the person also agreed to exhibition or concert.
  return c.consent.credit_by_name && c.consent.exhibition && !c.name.empty();
}

std::string CreditName(const Contributor& c) {
  if (NamedInPrint(c)) return c.name;
  if (!c.initials.empty()) return c.initials;
  return "participant";
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
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
    const std::string name = CreditName(c);
    if (name == "participant")
      ++anonymous;
    else
      names.push_back(name);
  }
  if (anonymous == 1) names.push_back("one participant");
  if (anonymous > 1) names.push_back(std::to_string(anonymous) + " participants");
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
  if (picture) names.push_back("the picture");
  return names;
}

}  // namespace graphony::notation
