// In-app file browser (SFML has no native dialogs or drag-and-drop): open scores, save scores, add
// pictures. Thumbnails for pictures and scores, a new-folder button, big rows.
#pragma once

#include <SFML/Graphics/Texture.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app_state.h"
#include "logic/library_jail.h"
#include "theme.h"
#include "thumbnail_textures.h"

namespace graphony::editor {

class FileBrowser {
 public:
  enum class Purpose {
    kOpenScore,
    kSaveScore,
    kImportImage,
    kImportPeople,
    kOpenCourse,    // a course folder, or its course.json
    kChooseFolder,  // a folder itself (kiosk mode's library): Open takes the folder shown
  };

  void Open(Purpose purpose, const std::filesystem::path& start_dir,
            const std::string& suggested_name = {});
  bool IsOpen() const { return open_; }
  Purpose CurrentPurpose() const { return purpose_; }
  void Close() { open_ = false; }
  // Kiosk mode: only `jail`'s library is listed and chosen from (null: everywhere).
  void SetJail(const LibraryJail* jail) { jail_ = jail; }
  // The folder shown now (remembered as the last folder once a file is chosen).
  const std::filesystem::path& Folder() const { return dir_; }

  // Draws the browser as a modal window; returns the chosen file once. Also turns up to
  // kThumbnailUploadsPerFrame finished thumbnails into textures and fills ui.browser_status.
  std::optional<std::filesystem::path> Draw(UiState& ui, const CanvasColors& colors);

 private:
  struct Entry {
    std::string name;
    bool is_dir = false;
    uintmax_t size = 0;
    ThumbnailKey key;            // files only: path, time and size when listed
    bool has_thumbnail = false;  // its picture has been shown (counted for tests)
  };
  // The one place that lists a folder (a library-folder restriction hooks in here).
  void ReadDir(const std::filesystem::path& dir);
  bool Accepts(const std::filesystem::path& p) const;
  std::optional<std::filesystem::path> Choose(const std::filesystem::path& p);
  // The thumbnail texture of a listed file, asking the loader for it when not made yet.
  const sf::Texture* ThumbnailFor(Entry& e);
  void DrawNewFolderRow(UiState& ui, const CanvasColors& colors, float b);
  void WriteStatus(UiState& ui) const;

  const LibraryJail* jail_ = nullptr;
  bool open_ = false;
  bool just_opened_ = false;
  bool focus_name_ = false;  // put the keyboard in the name field on the next frame
  Purpose purpose_ = Purpose::kOpenScore;
  std::filesystem::path dir_;
  std::vector<Entry> entries_;
  int selected_ = -1;
  char name_[1024] = {};
  std::string error_;
  std::string notice_;  // "Made the folder ..."
  std::vector<std::pair<std::string, std::filesystem::path>> places_;
  bool making_folder_ = false, focus_folder_name_ = false;
  char folder_name_[256] = {};
  ThumbnailTextures thumbnails_;
};

}  // namespace graphony::editor
