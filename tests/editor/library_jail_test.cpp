// Kiosk mode's library jail: what is inside is allowed; other paths, hidden names, ".." and
// symlinks out are refused, whatever way they are written.
#include "logic/library_jail.h"

#include <doctest/doctest.h>

#include <fstream>

#include "support/temp_dir.h"

using namespace graphony::editor;
namespace fs = std::filesystem;

namespace {

struct Library {
  graphony::test::TempDir tmp{"jail"};
  fs::path lib, outside;
  LibraryJail jail;
  static LibraryJail MakeJail(const fs::path& root) {
    std::string error;
    auto j = LibraryJail::Make(root, error);
    REQUIRE(j);
    return *j;
  }
  Library() : lib(Prepare(tmp)), outside(tmp / "outside"), jail(MakeJail(lib)) {}
  static fs::path Prepare(const graphony::test::TempDir& tmp) {
    fs::create_directories(tmp / "library/week1");
    fs::create_directories(tmp / "library/.hidden");
    fs::create_directories(tmp / "outside");
    std::ofstream(tmp / "library/week1/song.graphony") << "{}";
    std::ofstream(tmp / "library/.secret.graphony") << "{}";
    std::ofstream(tmp / "outside/private.graphony") << "{}";
    fs::create_symlink(tmp / "outside", tmp / "library/way-out");
    fs::create_symlink(tmp / "outside/private.graphony", tmp / "library/link-out.graphony");
    fs::create_symlink(tmp / "library/week1/song.graphony", tmp / "library/link-in.graphony");
    fs::create_symlink(tmp / "outside/new.graphony", tmp / "library/dangling.graphony");
    return fs::canonical(tmp / "library");
  }
};

}  // namespace

TEST_CASE("the library jail allows what lies inside the library") {
  Library l;
  CHECK(l.jail.Root() == l.lib);
  auto v = l.jail.Resolve("week1/song.graphony", l.lib, true);
  CHECK(v.ok());
  CHECK(v.path == l.lib / "week1/song.graphony");
  v = l.jail.Resolve(l.lib / "week1", {}, true);  // absolute, inside
  CHECK(v.ok());
  v = l.jail.Resolve("new score.graphony", l.lib / "week1", false);  // a new file to save
  CHECK(v.ok());
  CHECK(v.path == l.lib / "week1/new score.graphony");
  v = l.jail.Resolve("link-in.graphony", l.lib, true);  // a symlink that stays inside
  CHECK(v.ok());
  CHECK(v.path == l.lib / "week1/song.graphony");
  // A relative path with no usable base is taken from the library, never the working folder.
  v = l.jail.Resolve("week1", {}, true);
  CHECK(v.ok());
  CHECK(v.path == l.lib / "week1");
  CHECK(l.jail.Contains(l.lib));
  CHECK(l.jail.Contains(l.lib / "a/b"));
}

TEST_CASE("the library jail refuses other paths, hidden names, '..' and symlinks out") {
  Library l;
  CHECK_FALSE(l.jail.Resolve("/etc/passwd", l.lib, true).ok());
  CHECK_FALSE(l.jail.Resolve(l.outside / "private.graphony", l.lib, true).ok());
  CHECK_FALSE(l.jail.Resolve("/tmp/new.graphony", l.lib, false).ok());  // saving outside
  CHECK_FALSE(l.jail.Resolve("../outside/private.graphony", l.lib, true).ok());
  CHECK_FALSE(l.jail.Resolve("week1/../week1/song.graphony", l.lib, true).ok());  // in and out
  CHECK_FALSE(l.jail.Resolve(l.lib.string() + "/../outside", {}, true).ok());
  CHECK_FALSE(l.jail.Resolve(".secret.graphony", l.lib, true).ok());
  CHECK_FALSE(l.jail.Resolve(".hidden", l.lib, true).ok());
  CHECK_FALSE(l.jail.Resolve("./week1", l.lib, true).ok());
  CHECK_FALSE(l.jail.Resolve("way-out", l.lib, true).ok());
  CHECK_FALSE(l.jail.Resolve("way-out/private.graphony", l.lib, true).ok());
  CHECK_FALSE(l.jail.Resolve("way-out/new.graphony", l.lib, false).ok());  // saving through it
  CHECK_FALSE(l.jail.Resolve("link-out.graphony", l.lib, true).ok());
  CHECK_FALSE(l.jail.Resolve("link-out.graphony", l.lib, false).ok());  // overwriting through it
  CHECK_FALSE(l.jail.Resolve("dangling.graphony", l.lib, false).ok());  // would create outside
  CHECK_FALSE(l.jail.Resolve("", l.lib, true).ok());
  CHECK_FALSE(l.jail.Resolve("nowhere/new.graphony", l.lib, false).ok());  // no such folder
  // A sibling whose name starts like the library's is not inside it.
  fs::create_directories(l.lib.string() + "-other");
  CHECK_FALSE(l.jail.Resolve(l.lib.string() + "-other", {}, true).ok());
  CHECK_FALSE(l.jail.Contains(fs::path(l.lib.string() + "-other")));
  CHECK_FALSE(l.jail.Contains(l.lib.parent_path()));
  const auto v = l.jail.Resolve("/etc/passwd", l.lib, true);
  CHECK(v.reason == "Only the library folder can be used here.");
}

TEST_CASE("the library jail lists neither hidden files nor symlinks out") {
  Library l;
  CHECK(l.jail.Shows(l.lib / "week1"));
  CHECK(l.jail.Shows(l.lib / "link-in.graphony"));
  CHECK_FALSE(l.jail.Shows(l.lib / ".secret.graphony"));
  CHECK_FALSE(l.jail.Shows(l.lib / ".hidden"));
  CHECK_FALSE(l.jail.Shows(l.lib / "way-out"));
  CHECK_FALSE(l.jail.Shows(l.lib / "link-out.graphony"));
  CHECK_FALSE(l.jail.Shows(l.lib / "dangling.graphony"));
}

TEST_CASE("a library that is not a folder is refused with its name") {
  graphony::test::TempDir tmp{"jail"};
  std::ofstream(tmp / "file") << "x";
  std::string error;
  CHECK_FALSE(LibraryJail::Make(tmp / "file", error));
  CHECK(error.find("file") != std::string::npos);
  CHECK_FALSE(LibraryJail::Make(tmp / "missing", error));
  CHECK(error.find("missing") != std::string::npos);
}
