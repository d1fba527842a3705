// XDG directories, autosave files and crash recovery discovery, editor settings file.
#include "logic/user_paths.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

fs::path XdgDir(const char* var, const char* fallback_under_home) {
  const char* v = std::getenv(var);
  if (v && *v == '/') return fs::path(v) / "graphony";
  const char* home = std::getenv("HOME");
  if (home && *home) return fs::path(home) / fallback_under_home / "graphony";
  return {};
}

// "autosave-1234.graphony" -> 1234, or -1.
long PidOf(const fs::path& p) {
  const std::string stem = p.stem().string();
  if (stem.rfind("autosave-", 0) != 0) return -1;
  char* end = nullptr;
  const long pid = std::strtol(stem.c_str() + 9, &end, 10);
  return (end && *end == '\0' && pid > 0) ? pid : -1;
}

}  // namespace

fs::path ConfigDir() { return XdgDir("XDG_CONFIG_HOME", ".config"); }
fs::path DataDir() { return XdgDir("XDG_DATA_HOME", ".local/share"); }

fs::path AutosavePath() {
  const fs::path data = DataDir();
  if (data.empty()) return {};
  return data / "autosave" / ("autosave-" + std::to_string(getpid()) + ".graphony");
}

fs::path AutosaveOriginPath(const fs::path& autosave) {
  fs::path p = autosave;
  p.replace_extension(".origin");
  return p;
}

std::optional<Recovery> FindRecovery() {
  const fs::path dir = DataDir() / "autosave";
  std::error_code ec;
  if (DataDir().empty() || !fs::is_directory(dir, ec)) return std::nullopt;
  std::optional<Recovery> best;
  fs::file_time_type best_time{};
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".graphony") continue;
    const long pid = PidOf(entry.path());
    if (pid < 0 || pid == getpid()) continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0) continue;  // that editor is still running
    const auto t = entry.last_write_time(ec);
    if (ec) continue;
    if (!best || t > best_time) {
      Recovery r;
      r.autosave = entry.path();
      std::ifstream origin(AutosaveOriginPath(entry.path()));
      std::string line;
      if (origin && std::getline(origin, line)) r.origin = line;
      best = r;
      best_time = t;
    }
  }
  return best;
}

void RemoveAutosave(const fs::path& autosave) {
  std::error_code ec;
  fs::remove(autosave, ec);
  fs::remove(AutosaveOriginPath(autosave), ec);
}

Settings LoadSettings(const fs::path& file) {
  Settings s;
  std::ifstream in(file);
  std::string line;
  while (in && std::getline(in, line)) {
    const auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = line.substr(0, eq);
    const double value = std::atof(line.c_str() + eq + 1);
    if (key == "theme" && value >= 0 && value <= 2) s.theme = static_cast<int>(value);
    if (key == "ui_scale" && value >= 0.75 && value <= 3.0) s.ui_scale = static_cast<float>(value);
    if (key == "note_names") s.note_names = value != 0;
    if (key == "no_words") s.no_words = value != 0;
    if (key == "last_score") s.last_score = line.substr(eq + 1);
    if (key == "last_folder") s.last_folder = line.substr(eq + 1);
    if (key == "kiosk_library") s.kiosk_library = line.substr(eq + 1);
    if (key == "midi_input") s.midi_input = line.substr(eq + 1, 200);
    // A gettext code ("zh_CN"); anything else is ignored, the app checks it is one we ship.
    if (key == "language" && line.size() - eq - 1 <= 8 &&
        line.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_", eq + 1) ==
            std::string::npos)
      s.language = line.substr(eq + 1);
  }
  return s;
}

void SaveSettings(const Settings& s, const fs::path& file) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::ofstream out(file);
  out << "theme=" << s.theme << "\nui_scale=" << s.ui_scale << "\nnote_names=" << s.note_names
      << "\nno_words=" << s.no_words << "\n";
  // A name with a line break cannot be kept in this one-line format: forget it rather.
  if (!s.last_score.empty() && s.last_score.find('\n') == std::string::npos)
    out << "last_score=" << s.last_score << "\n";
  if (!s.last_folder.empty() && s.last_folder.find('\n') == std::string::npos)
    out << "last_folder=" << s.last_folder << "\n";
  if (!s.language.empty()) out << "language=" << s.language << "\n";
  if (!s.kiosk_library.empty() && s.kiosk_library.find('\n') == std::string::npos)
    out << "kiosk_library=" << s.kiosk_library << "\n";
  if (!s.midi_input.empty() && s.midi_input.find('\n') == std::string::npos)
    out << "midi_input=" << s.midi_input << "\n";
}

}  // namespace graphony::editor
