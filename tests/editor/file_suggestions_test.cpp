// Suggested file names from the title, the remembered folder, and making new folders.
#include "logic/file_suggestions.h"

#include <doctest/doctest.h>

#include <fstream>

#include "logic/user_paths.h"
#include "support/temp_dir.h"

using namespace graphony::editor;
namespace fs = std::filesystem;

TEST_CASE("a title becomes a file name every file system takes") {
  CHECK(SafeFileStem("Harbour Morning") == "Harbour Morning");
  CHECK(SafeFileStem("  Sea / Sky: take 2?  ") == "Sea Sky take 2");
  CHECK(SafeFileStem("..hidden") == "hidden");
  CHECK(SafeFileStem("Ends with a dot.") == "Ends with a dot");
  CHECK(SafeFileStem("Chanson d\xc3\xa9t\xc3\xa9") == "Chanson d\xc3\xa9t\xc3\xa9");  // é kept
  CHECK(SafeFileStem("") == "score");
  CHECK(SafeFileStem("///") == "score");
  CHECK(SafeFileStem("tab\there\nnewline") == "tab here newline");
  // Long titles are cut, never inside a letter: 100 two-byte letters leave 40 whole ones.
  std::string long_title;
  for (int i = 0; i < 100; ++i) long_title += "\xc3\xa9";
  const std::string cut = SafeFileStem(long_title);
  CHECK(cut.size() == 80);
  CHECK(cut.substr(78) == "\xc3\xa9");
}

TEST_CASE("the suggested name never takes a file that exists") {
  graphony::test::TempDir dir("suggest");
  CHECK(SuggestFileName(dir.Path(), "Harbour Morning", ".graphony") == "Harbour Morning.graphony");
  std::ofstream(dir / "Harbour Morning.graphony") << "x";
  CHECK(SuggestFileName(dir.Path(), "Harbour Morning", ".graphony") ==
        "Harbour Morning 2.graphony");
  // Another kind of file with the same title does not count.
  CHECK(SuggestFileName(dir.Path(), "Harbour Morning", ".pdf") == "Harbour Morning.pdf");
}

TEST_CASE("browsers start in the score's folder, else the last folder, else home") {
  graphony::test::TempDir dir("start");
  fs::create_directories(dir / "scores");
  fs::create_directories(dir / "last");
  const fs::path home = dir / "home";
  CHECK(StartFolder(dir / "scores" / "a.graphony", (dir / "last").string(), home) ==
        dir / "scores");
  CHECK(StartFolder({}, (dir / "last").string(), home) == dir / "last");
  // A USB stick taken out: its folder is gone, home it is.
  CHECK(StartFolder({}, (dir / "gone").string(), home) == home);
  CHECK(StartFolder({}, "", home) == home);
  CHECK(FolderToRemember(dir / "last" / "new.graphony") == (dir / "last").string());
  CHECK(FolderToRemember(dir / "last") == (dir / "last").string());
}

TEST_CASE("the last folder outlives a restart (the settings file)") {
  graphony::test::TempDir dir("settings");
  Settings s;
  s.last_folder = (dir / "Week 2").string();
  SaveSettings(s, dir / "editor-settings.txt");
  CHECK(LoadSettings(dir / "editor-settings.txt").last_folder == s.last_folder);
  s.last_folder = "bad\nline";  // cannot be kept in the one-line format: forgotten
  SaveSettings(s, dir / "editor-settings.txt");
  CHECK(LoadSettings(dir / "editor-settings.txt").last_folder.empty());
}

TEST_CASE("a new folder is made, or a clear reason is given") {
  graphony::test::TempDir dir("folder");
  CHECK(MakeFolder(dir.Path(), "Week 2").empty());
  CHECK(fs::is_directory(dir / "Week 2"));
  CHECK(MakeFolder(dir.Path(), "Week 2").find("already something called") != std::string::npos);
  CHECK(MakeFolder(dir.Path(), "").find("Type a name") != std::string::npos);
  CHECK(MakeFolder(dir.Path(), "a/b").find("cannot contain /") != std::string::npos);
  CHECK(MakeFolder(dir.Path(), "..").find("cannot be") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "a"));
  // A folder that cannot be written to: a message naming it, no crash, nothing made.
  fs::create_directories(dir / "locked");
  fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  const std::string locked = MakeFolder(dir / "locked", "x");
  fs::permissions(dir / "locked", fs::perms::owner_all);
  if (!fs::exists(dir / "locked" / "x"))  // root may write anyway
    CHECK(locked.find("Cannot make the folder \"x\"") != std::string::npos);
}
