// Engraving staff notation with LilyPond in a private temp directory (SVG backend).
#include "notation/engrave.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/temp_files.h"
#include "core/trusted_programs.h"

extern char** environ;

namespace graphony::notation {

namespace fs = std::filesystem;

std::string FindProgram(const std::string& program) {
  if (program.empty()) return {};
  // Kiosk mode: only LilyPond and qpdf, from /usr/bin, whatever was asked for.
  if (TrustedProgramsOnly()) return TrustedProgramPath(fs::path(program).filename().string());
  if (program.find('/') != std::string::npos)
    return access(program.c_str(), X_OK) == 0 ? program : std::string();
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

int RunProgram(std::vector<std::string> args, const std::string& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawn = posix_spawn(&pid, args[0].c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

namespace {

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The last non-empty line of LilyPond's log: usually the reason it failed.
std::string LastLine(const std::string& log) {
  std::istringstream lines(log);
  std::string line, last;
  while (std::getline(lines, line))
    if (line.find_first_not_of(" \t") != std::string::npos) last = line;
  return last;
}

// A private temp directory holding score.ly for one LilyPond run, removed when done.
// Fills `result` (missing / problem) and reports !ok() when LilyPond or the directory is
// not to be had.
class LilyPondRun {
 public:
  LilyPondRun(const std::string& source, const std::string& program, Engraving& result)
      : exe_(FindProgram(program)) {
    if (exe_.empty()) {
      result.missing = true;
      result.problem =
          i18n::Fill(_("LilyPond ({program}) is not installed"), {{"program", program}});
      return;
    }
    // PrivateTempDir removes itself, and folders that killed runs left behind.
    temp_ = std::make_unique<PrivateTempDir>("graphony-engrave");
    if (!temp_->Ok()) {
      result.problem = _("cannot make a temporary directory for LilyPond");
      return;
    }
    dir_ = temp_->Path();
    std::ofstream(Ly(), std::ios::binary) << source;
  }
  LilyPondRun(const LilyPondRun&) = delete;
  LilyPondRun& operator=(const LilyPondRun&) = delete;

  bool ok() const { return !dir_.empty(); }
  const std::string& exe() const { return exe_; }
  const fs::path& dir() const { return dir_; }
  fs::path Ly() const { return dir_ / "score.ly"; }
  fs::path Log() const { return dir_ / "lilypond.log"; }
  // Runs LilyPond with `options`, output named dir/score*; returns its exit code (-1: not run).
  int Run(const std::vector<std::string>& options) const {
    std::vector<std::string> args{exe_};
    args.insert(args.end(), options.begin(), options.end());
    const std::vector<std::string> common{"-dno-point-and-click", "--loglevel=WARNING", "-o",
                                          (dir_ / "score").string(), Ly().string()};
    args.insert(args.end(), common.begin(), common.end());
    return RunProgram(std::move(args), Log().string());
  }

 private:
  std::string exe_;
  std::unique_ptr<PrivateTempDir> temp_;
  fs::path dir_;
};

}  // namespace

Engraving EngraveSvg(const std::string& source, const std::string& program) {
  Engraving result;
  const LilyPondRun run(source, program, result);
  if (!run.ok()) return result;
  const int code = run.Run({"-dbackend=svg"});
  if (code < 0) {
    result.problem = i18n::Fill(_("cannot run {program}"), {{"program", run.exe()}});
    return result;
  }
  // One page gives score.svg, several give score-1.svg, score-2.svg...
  std::vector<std::pair<int, fs::path>> pages;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(run.dir(), ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".svg" || name.rfind("score", 0) != 0) continue;
    const std::string middle = name.substr(5, name.size() - 9);
    const int number = middle.empty() ? 1 : std::atoi(middle.c_str() + 1);
    pages.push_back({number, entry.path()});
  }
  std::sort(pages.begin(), pages.end());
  for (const auto& [n, path] : pages) result.pages.push_back(ReadAll(path));
  if (code != 0 || result.pages.empty()) {
    // TRANSLATORS: {problem} is the last line LilyPond wrote, in English
    result.problem = i18n::Fill(_("LilyPond could not engrave the notation: {problem}"),
                                {{"problem", LastLine(ReadAll(run.Log()))}});
    result.pages.clear();
  }
  return result;
}

Engraving EngravePdf(const std::string& source, const std::string& program,
                     const std::string& qpdf) {
  Engraving result;
  const LilyPondRun run(source, program, result);
  if (!run.ok()) return result;
  const fs::path pdf = run.dir() / "score.pdf";
  const int code = run.Run({});
  if (code != 0 || !fs::exists(pdf)) {
    result.problem = code < 0 ? i18n::Fill(_("cannot run {program}"), {{"program", run.exe()}})
                              : i18n::Fill(_("LilyPond could not engrave the notation: {problem}"),
                                           {{"problem", LastLine(ReadAll(run.Log()))}});
    return result;
  }
  const fs::path count = run.dir() / "pages.txt";
  if (RunProgram({qpdf, "--show-npages", pdf.string()}, count.string()) == 0)
    result.pdf_pages = std::atoi(ReadAll(count).c_str());
  if (result.pdf_pages > 0)
    result.pdf = ReadAll(pdf);
  else
    result.problem = _("qpdf could not read LilyPond's PDF");
  return result;
}

}  // namespace graphony::notation
