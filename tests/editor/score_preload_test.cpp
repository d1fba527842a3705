// PreloadScore: which command-line names load early on a worker, that the score it loads is
// the file's, and that a load error comes back in English (no gettext on the worker) while
// the UI thread's own load says it in the chosen language.
#include "logic/score_preload.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "core/i18n.h"
#include "core/score_defaults.h"
#include "core/score_io.h"
#include "support/restore_language.h"
#include "support/temp_dir.h"

using graphony::LoadScore;
using graphony::editor::PreloadScore;
namespace i18n = graphony::i18n;
using graphony::test::RestoreLanguage;

namespace {

std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST_CASE("PreloadScore starts only for a saved score file outside the kiosk") {
  graphony::test::TempDir dir("preload");
  graphony::Score score = graphony::NewScore();
  score.title = "Tuesday on the ward";
  const auto file = dir / "tuesday.graphony";
  graphony::SaveScore(score, file);

  auto loading = PreloadScore(file, false);
  REQUIRE(loading.valid());
  CHECK(loading.get().title == "Tuesday on the ward");

  CHECK_FALSE(PreloadScore(file, true).valid());                   // the kiosk resolves it first
  CHECK_FALSE(PreloadScore({}, false).valid());                    // no file named
  CHECK_FALSE(PreloadScore(dir / "new.graphony", false).valid());  // not saved yet
  CHECK_FALSE(PreloadScore(dir.Path(), false).valid());            // a folder (a course, perhaps)
  std::ofstream(dir / "course.json") << "{}";
  CHECK_FALSE(PreloadScore(dir / "course.json", false).valid());
}

TEST_CASE("A preload's error is English; loading again on this thread says it in the language") {
  const RestoreLanguage restore;
  i18n::Init();
  REQUIRE(i18n::SetLanguage("pl"));
  graphony::test::TempDir dir("preload");
  const auto empty = dir / "empty.graphony";
  std::ofstream(empty).close();

  auto loading = PreloadScore(empty, false);
  REQUIRE(loading.valid());
  const std::string english = ErrorOf([&] { loading.get(); });
  const std::string polish = ErrorOf([&] { LoadScore(empty); });
  CHECK(english.find("file is empty") != std::string::npos);
  REQUIRE_FALSE(polish.empty());
  CHECK(polish != english);  // the Polish catalogue translated it (else this proves nothing)
  CHECK(polish.find(empty.string()) == 0);  // both name the file
  CHECK(english.find(empty.string()) == 0);
}
