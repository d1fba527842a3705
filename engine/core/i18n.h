// Translations: the gettext domain, the language the user chose, and the _() / N_() markers.
#pragma once

#include <string>
#include <vector>

namespace graphony::i18n {

// A language Graphony is translated into, shown to the user in its own name and script.
struct Language {
  const char* code;      // gettext code: "en", "pl", "it", "sq", "ro", "zh_CN", "ar"
  const char* own_name;  // "English", "Polski", ... "中文", "العربية"
  bool right_to_left;
};

// Every language we ship, English first.
const std::vector<Language>& Languages();

// Binds the "graphony" domain to the built catalogues and follows LANGUAGE / LC_ALL / LANG.
// Works where only the C.UTF-8 locale exists (a fresh Debian): gettext then reads LANGUAGE.
void Init();

// Switches the language at any time ("" = follow the environment again). False for an
// unknown code; the current language is kept.
bool SetLanguage(const std::string& code);

// The language in use now, as a code from Languages() ("en" when nothing matches).
std::string CurrentLanguage();
bool IsRightToLeft();

// A known language code ("en", "pl", ... "ar"), as scores and --language name them.
bool IsKnownLanguage(const std::string& code);

// While one lives, _() and TranslatePlural on THIS thread translate into `code` (from its
// catalogue, read once and kept), whatever the process-wide language: a print job prints in
// the score's language while the editor's UI thread stays in the user's. "" changes nothing.
// Nests; restores what was before. An unknown code or a missing catalogue gives English.
class ScopedLanguage {
 public:
  explicit ScopedLanguage(const std::string& code);
  ~ScopedLanguage();
  ScopedLanguage(const ScopedLanguage&) = delete;
  ScopedLanguage& operator=(const ScopedLanguage&) = delete;

 private:
  bool active_ = false;
  bool had_previous_ = false;
  const void* previous_ = nullptr;
  std::string previous_code_;
};

// The language this thread translates into: the ScopedLanguage's, else CurrentLanguage().
std::string ThreadLanguage();

// gettext() on the graphony domain; returns msgid itself when there is no translation.
const char* Translate(const char* msgid);
// ngettext() on the graphony domain.
const char* TranslatePlural(const char* singular, const char* plural, unsigned long n);

}  // namespace graphony::i18n

// Marks a string for translation and translates it (xgettext --keyword=_ --keyword=N_).
#define _(msgid) ::graphony::i18n::Translate(msgid)
// Marks a string for extraction without translating it here (tables of constant strings).
#define N_(msgid) msgid
