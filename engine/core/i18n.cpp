// Translations through gettext: where the catalogues are, and which language is chosen.
#include "core/i18n.h"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include "core/i18n_catalogue.h"

namespace graphony::i18n {
namespace {

constexpr const char* kDomain = "graphony";
std::string g_chosen;  // set by SetLanguage; empty = follow the environment

// This thread's ScopedLanguage: active, its catalogue (nullptr = English) and its code.
thread_local bool t_scoped = false;
thread_local const Catalogue* t_catalogue = nullptr;
thread_local std::string t_code;

// The built catalogues: $GRAPHONY_LOCALEDIR, else locale/ beside the executable's build
// tree (build/locale), else the installed share/locale.
std::string LocaleDir() {
  if (const char* env = std::getenv("GRAPHONY_LOCALEDIR"); env && *env) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      if (std::filesystem::is_directory(dir / "locale", ec)) return (dir / "locale").string();
    }
  }
#ifdef GRAPHONY_INSTALL_LOCALEDIR
  return GRAPHONY_INSTALL_LOCALEDIR;
#else
  return "/usr/share/locale";
#endif
}

std::string EnvLanguage() {
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);
    if (v && *v) return v;
  }
  return "";
}

// "pl_PL.UTF-8:en" -> "pl"; "zh_CN.UTF-8" -> "zh_CN"; unknown -> "en".
std::string MatchLanguage(const std::string& spec) {
  std::string first = spec.substr(0, spec.find(':'));
  first = first.substr(0, first.find('.'));
  first = first.substr(0, first.find('@'));
  for (const auto& lang : Languages())
    if (first == lang.code) return lang.code;
  std::string base = first.substr(0, first.find('_'));
  if (base == "zh") return "zh_CN";
  for (const auto& lang : Languages())
    if (base == lang.code) return lang.code;
  return "en";
}

// The catalogue of one language, read on first use and kept for the process (never freed,
// so pointers into it stay valid for any thread). nullptr for English or a missing file.
const Catalogue* CatalogueFor(const std::string& code) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Catalogue>> loaded;
  if (code == "en") return nullptr;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = loaded.find(code);
  if (it == loaded.end()) {
    auto catalogue = std::make_unique<Catalogue>();
    if (!catalogue->Load(LocaleDir() + "/" + code + "/LC_MESSAGES/" + kDomain + ".mo"))
      catalogue.reset();
    it = loaded.emplace(code, std::move(catalogue)).first;
  }
  return it->second.get();
}

}  // namespace

bool IsKnownLanguage(const std::string& code) {
  for (const auto& lang : Languages())
    if (code == lang.code) return true;
  return false;
}

ScopedLanguage::ScopedLanguage(const std::string& code) {
  if (code.empty()) return;
  active_ = true;
  had_previous_ = t_scoped;
  previous_ = t_catalogue;
  previous_code_ = t_code;
  t_scoped = true;
  t_code = IsKnownLanguage(code) ? code : "en";
  t_catalogue = CatalogueFor(t_code);
}

ScopedLanguage::~ScopedLanguage() {
  if (!active_) return;
  t_scoped = had_previous_;
  t_catalogue = static_cast<const Catalogue*>(previous_);
  t_code = previous_code_;
}

std::string ThreadLanguage() { return t_scoped ? t_code : CurrentLanguage(); }

const std::vector<Language>& Languages() {
  static const std::vector<Language> kLanguages = {
      {"en", "English", false}, {"pl", "Polski", false}, {"it", "Italiano", false},
      {"sq", "Shqip", false},   {"ro", "Română", false}, {"zh_CN", "中文", false},
      {"ar", "العربية", true},
  };
  return kLanguages;
}

void Init() {
  // A language's own locale is rarely installed on a ward laptop; C.UTF-8 always is, and
  // with it gettext follows LANGUAGE.
  if (!std::setlocale(LC_ALL, "")) std::setlocale(LC_ALL, "C.UTF-8");
  std::setlocale(LC_NUMERIC, "C");  // score files and figures keep '.' decimals
  if (std::string(std::setlocale(LC_MESSAGES, nullptr)) == "C")
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  bindtextdomain(kDomain, LocaleDir().c_str());
  bind_textdomain_codeset(kDomain, "UTF-8");
  textdomain(kDomain);
  SetLanguage(MatchLanguage(EnvLanguage()) == "en" ? "" : MatchLanguage(EnvLanguage()));
}

bool SetLanguage(const std::string& code) {
  if (!code.empty()) {
    bool known = false;
    for (const auto& lang : Languages()) known = known || code == lang.code;
    if (!known) return false;
  }
  g_chosen = code;
  std::string effective = code.empty() ? MatchLanguage(EnvLanguage()) : code;
  setenv("LANGUAGE", effective.c_str(), 1);
  // Changing LANGUAGE takes effect once gettext's cache is invalidated by a textdomain call.
  textdomain(kDomain);
  return true;
}

std::string CurrentLanguage() { return g_chosen.empty() ? MatchLanguage(EnvLanguage()) : g_chosen; }

bool IsRightToLeft() {
  std::string current = CurrentLanguage();
  for (const auto& lang : Languages())
    if (current == lang.code) return lang.right_to_left;
  return false;
}

const char* Translate(const char* msgid) {
  if (t_scoped) return t_catalogue ? t_catalogue->Find(msgid) : msgid;
  return dgettext(kDomain, msgid);
}

const char* TranslatePlural(const char* singular, const char* plural, unsigned long n) {
  if (t_scoped)
    return t_catalogue ? t_catalogue->FindPlural(singular, plural, n)
                       : (n == 1 ? singular : plural);
  return dngettext(kDomain, singular, plural, n);
}

}  // namespace graphony::i18n
