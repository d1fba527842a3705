// In-app file browser (SFML has no native dialogs or drag-and-drop): open scores, save scores, add
// pictures.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app_state.h"
#include "theme.h"

namespace graphony::editor {

class FileBrowser {
 public:
  enum class Purpose { kOpenScore, kSaveScore, kImportImage, kImportPeople };

  void Open(Purpose purpose, const std::filesystem::path& start_dir,
            const std::string& suggested_name = {});
  bool IsOpen() const { return open_; }
  Purpose CurrentPurpose() const { return purpose_; }
  void Close() { open_ = false; }

  // Draws the browser as a modal window; returns the chosen file once.
  std::optional<std::filesystem::path> Draw(UiState& ui, const CanvasColors& colors);

 private:
  struct Entry {
    std::string name;
    bool is_dir = false;
    uintmax_t size = 0;
  };
  void ReadDir(const std::filesystem::path& dir);
  bool Accepts(const std::filesystem::path& p) const;
  std::optional<std::filesystem::path> Choose(const std::filesystem::path& p);

  bool open_ = false;
  bool just_opened_ = false;
  Purpose purpose_ = Purpose::kOpenScore;
  std::filesystem::path dir_;
  std::vector<Entry> entries_;
  int selected_ = -1;
  char name_[1024] = {};
  std::string error_;
  std::vector<std::pair<std::string, std::filesystem::path>> places_;
};

}  // namespace graphony::editor
