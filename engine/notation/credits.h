// Credits that respect consent: names only for those who agreed, else initials or "participant".
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony::notation {

// True when a print may show this person's name: they asked to be credited by name AND
// agreed to exhibition or concert (docs/printing.md, "Credits").
bool NamedInPrint(const Contributor& contributor);

// How one contributor may be printed: their name if consent.credit_by_name, else their
// initials if they gave any, else "participant" (translated).
std::string CreditName(const Contributor& contributor);

// "Ana, J.B. and 2 participants" (empty when there are no contributors).
std::string CreditLine(const std::vector<Contributor>& contributors);

// Who plays something, consent-aware, in contributor order: the contributors with an id in
// `ids` ("Ana", "J.B.", "2 participants"), then "the picture" when `picture` plays it too.
std::vector<std::string> PlayerNames(const Score& score, const std::set<std::string>& ids,
                                     bool picture);

// True when a print shows this person only as "participant" (no name, no initials).
bool CreditedAnonymously(const Contributor& contributor);

// Joins names as "A", "A and B", "A, B and C" (in the language this thread prints in).
std::string JoinNames(const std::vector<std::string>& names);

// The credits line under a title: "Music by Ana, J.B. and 2 participants".
std::string MusicBy(const std::string& credits);
// Under a part's name: "played by Ana and the picture" (`players` is already joined).
std::string PlayedBy(const std::string& players);
// The name of a part written at the easy level: "Flute (easy)".
std::string EasyPartName(const std::string& part);

}  // namespace graphony::notation
