// Replacing the names of people who did not agree to be named, in a score's words and in
// free text (poems, take titles), by their initials or "participant".
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony {

// Who may be named, decided by the caller (the print rule, or a sharing purpose).
using MayBeNamed = std::function<bool(const Contributor&)>;

// The name used in place of a person who may not be named: initials, else "participant".
std::string StandInName(const Contributor& person);

// Replaces, in `text`, each hidden person's full name and then their first name (when it
// is 3 letters or more) by StandInName. Whole words only, case-sensitive.
std::string RedactNames(const std::string& text, const std::vector<Contributor>& people,
                        const MayBeNamed& may_be_named);

// For file names ("dmitri-s-river.graphony"): every word of a hidden person's name, in any
// case, becomes their initials in lower case without dots ("dv-s-river.graphony").
std::string RedactFileName(const std::string& name, const std::vector<Contributor>& people,
                           const MayBeNamed& may_be_named);

// Redacts the score's words (title, layer names, section labels, take names) and replaces
// each hidden person's name field by StandInName.
void RedactScore(Score& score, const MayBeNamed& may_be_named);

}  // namespace graphony
