// The language a score prints in: validated against the languages we ship (core/i18n.h).
#include "core/score_language.h"

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/score_io.h"

namespace graphony {

std::string LanguageCodeList() {
  std::string codes;
  for (const auto& lang : i18n::Languages())
    codes += (codes.empty() ? "" : ", ") + std::string(lang.code);
  return codes;
}

void CheckScoreLanguage(const std::string& code, const std::string& where) {
  if (code.empty() || i18n::IsKnownLanguage(code)) return;
  std::string shown;
  for (const char ch : code) shown += (ch >= 0x20 && ch < 0x7f) ? ch : '?';  // one line
  if (shown.size() > 40) shown = shown.substr(0, 40) + "...";
  // TRANSLATORS: {code} is what the file says; {codes} is "en, pl, it, sq, ro, zh_CN, ar"
  throw ScoreError(
      where + ": " +
      i18n::Fill(_("language \"{code}\" is not one Graphony prints in (one of {codes})"),
                 {{"code", shown}, {"codes", LanguageCodeList()}}));
}

}  // namespace graphony
