// Where the editor keeps per-user files: settings (XDG config) and autosaves (XDG data).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace graphony::editor {

// $XDG_CONFIG_HOME/graphony or ~/.config/graphony; empty if neither can be found.
std::filesystem::path ConfigDir();
// $XDG_DATA_HOME/graphony or ~/.local/share/graphony; empty if neither can be found.
std::filesystem::path DataDir();

// This process's autosave file: <data>/autosave/autosave-<pid>.graphony.
std::filesystem::path AutosavePath();
// A small text file next to an autosave naming the score it came from (may be empty).
std::filesystem::path AutosaveOriginPath(const std::filesystem::path& autosave);

// The newest autosave left by an editor that is no longer running (a crash), if any.
struct Recovery {
  std::filesystem::path autosave;
  std::filesystem::path origin;  // the file the person was working on, empty if unsaved
};
std::optional<Recovery> FindRecovery();
// Removes an autosave and its origin note (after a clean exit or a declined recovery).
void RemoveAutosave(const std::filesystem::path& autosave);

// Editor preferences that outlive a session.
struct Settings {
  int theme = 0;  // 0 dark, 1 light, 2 high contrast
  float ui_scale = 1.25f;
  bool note_names = true;
  bool no_words = false;    // icons only, and a colour pointed at plays its instrument
  std::string last_score;   // the score opened or saved last ("continue" on the welcome)
  std::string last_folder;  // where the file browser was last used to choose a file
  std::string language;     // chosen in the language picker ("" = follow LANGUAGE / LANG)
  // Kiosk mode turned on in Settings: its library folder ("" = off). The editor starts in
  // kiosk mode while it is set; turning it off needs the facilitator PIN.
  std::string kiosk_library;
  std::string midi_input;  // the MIDI keyboard's port name in Sound settings ("" = none)
};
Settings LoadSettings(const std::filesystem::path& file);
void SaveSettings(const Settings& settings, const std::filesystem::path& file);

}  // namespace graphony::editor
