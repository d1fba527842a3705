// RestoreLanguage: i18n::Init and SetLanguage change the process's locale and LANGUAGE; a test
// that calls them holds one, so the other tests' messages (strerror's too) stay in English.
#pragma once

#include <clocale>
#include <cstdlib>
#include <string>

namespace graphony::test {

struct RestoreLanguage {
  std::string language = std::getenv("LANGUAGE") ? std::getenv("LANGUAGE") : "";
  bool had = std::getenv("LANGUAGE") != nullptr;
  ~RestoreLanguage() {
    if (had)
      setenv("LANGUAGE", language.c_str(), 1);
    else
      unsetenv("LANGUAGE");
    std::setlocale(LC_ALL, "C");
  }
};

}  // namespace graphony::test
