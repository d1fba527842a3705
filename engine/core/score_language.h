// The language a score prints in (its `language` field): which codes a score may name.
#pragma once

#include <string>

namespace graphony {

// Throws ScoreError "WHERE: language ..." (one line naming the codes) when `code` is neither
// empty (print in the user's language) nor a language Graphony is translated into.
void CheckScoreLanguage(const std::string& code, const std::string& where);

// "en, pl, it, sq, ro, zh_CN, ar": for help text and errors.
std::string LanguageCodeList();

}  // namespace graphony
