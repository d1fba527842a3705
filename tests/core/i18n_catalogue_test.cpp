// Our own .mo reader (for a print in the score's language on any thread) agrees with gettext:
// the same translations and the same plural form for every n, in every language we ship.
#include "core/i18n_catalogue.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>

#include "core/i18n.h"
#include "support/restore_language.h"

namespace i18n = graphony::i18n;
using graphony::test::RestoreLanguage;

TEST_CASE("Plural rules evaluate as C expressions") {
  const std::string polish = "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)";
  CHECK(i18n::EvaluatePluralRule(polish, 1) == 0);
  CHECK(i18n::EvaluatePluralRule(polish, 3) == 1);
  CHECK(i18n::EvaluatePluralRule(polish, 12) == 2);
  CHECK(i18n::EvaluatePluralRule(polish, 22) == 1);
  CHECK(i18n::EvaluatePluralRule("n != 1", 1) == 0);
  CHECK(i18n::EvaluatePluralRule("0", 7) == 0);
  CHECK(i18n::EvaluatePluralRule("n % 0", 7) == -1);
  CHECK(i18n::EvaluatePluralRule("n ==", 7) == -1);
  CHECK(i18n::EvaluatePluralRule("(n", 7) == -1);
}

TEST_CASE("A ScopedLanguage translates as gettext does in that language, on its thread only") {
  const RestoreLanguage restore;
  i18n::Init();
  const char* singular = "%d stroke";
  const char* plural = "%d strokes";
  for (const auto& lang : i18n::Languages()) {
    const std::string code = lang.code;
    CAPTURE(code);
    REQUIRE(i18n::SetLanguage(code == "en" ? "" : code));
    if (code != "en")  // the built catalogue is there and translates (else this proves nothing)
      REQUIRE(std::string(i18n::Translate("Legend: who plays which colour")) !=
              "Legend: who plays which colour");
    for (unsigned long n = 0; n < 230; ++n) {
      const std::string by_gettext = i18n::TranslatePlural(singular, plural, n);
      i18n::ScopedLanguage scoped(code);
      CHECK(std::string(i18n::TranslatePlural(singular, plural, n)) == by_gettext);
    }
    const std::string by_gettext = i18n::Translate("Legend: who plays which colour");
    std::string on_thread;
    std::thread([&] {
      i18n::ScopedLanguage scoped(code);
      on_thread = i18n::Translate("Legend: who plays which colour");
    }).join();
    CHECK(on_thread == by_gettext);
  }
  // Another thread's ScopedLanguage leaves this thread in the user's language.
  REQUIRE(i18n::SetLanguage("pl"));
  const std::string polish = i18n::Translate("Legend: who plays which colour");
  std::string arabic;
  std::thread([&] {
    i18n::ScopedLanguage scoped("ar");
    arabic = i18n::Translate("Legend: who plays which colour");
    CHECK(i18n::ThreadLanguage() == "ar");
  }).join();
  CHECK(arabic != polish);
  CHECK(std::string(i18n::Translate("Legend: who plays which colour")) == polish);
  CHECK(i18n::ThreadLanguage() == "pl");
  {
    i18n::ScopedLanguage english("en");
    CHECK(std::string(i18n::Translate("Legend: who plays which colour")) ==
          "Legend: who plays which colour");
    {
      i18n::ScopedLanguage nested("zh_CN");
      CHECK(i18n::ThreadLanguage() == "zh_CN");
    }
    CHECK(i18n::ThreadLanguage() == "en");
  }
  CHECK(i18n::ThreadLanguage() == "pl");
}

TEST_CASE("A missing or damaged catalogue is refused") {
  i18n::Catalogue c;
  CHECK_FALSE(c.Load("/nonexistent/graphony.mo"));
  CHECK(std::string(c.Find("Stop")) == "Stop");
  CHECK(std::string(c.FindPlural("%d stroke", "%d strokes", 2)) == "%d strokes");
}
