// The course timeline: an open course folder shown as one row per dated session, each with
// the thumbnails of its scores and pictures, a "new score here" button, and the portfolio.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app_state.h"
#include "course/course.h"
#include "logic/library_jail.h"
#include "logic/thumbnail_cache.h"
#include "theme.h"
#include "thumbnail_textures.h"

namespace graphony::editor {

// What the person asked for on the timeline; the app does it (with the unsaved-changes
// prompt) after the frame.
struct CourseAction {
  enum class Kind { kNone, kOpenScore, kNewScore, kPortfolio, kClose };
  Kind kind = Kind::kNone;
  std::filesystem::path path;  // the score to open, or the session folder for a new score
};

// Thread rules: [UI] only. Reads the folder on Open and Refresh, never while drawing.
class CourseView {
 public:
  // Reads `dir` (a course folder). Throws ScoreError for a bad course.json; kiosk mode
  // (`jail` set) lists only what lies inside the library.
  void Open(const std::filesystem::path& dir, const LibraryJail* jail);
  // Reads the sessions again (a score was saved or made in the course).
  void Refresh();
  bool IsOpen() const { return open_; }
  void Show() { open_ = !dir_.empty(); }
  void Close() { open_ = false; }
  const std::filesystem::path& Dir() const { return dir_; }
  // Kiosk mode turned on or off: what is listed from now on (Refresh applies it).
  void SetJail(const LibraryJail* jail) {
    jail_ = jail;
    Refresh();
  }
  // Draws the timeline over the window's body (y0..y0+h) and fills ui.course_status.
  CourseAction Draw(UiState& ui, const CanvasColors& colors, float y0, float h);

 private:
  struct Tile {
    std::filesystem::path path;
    std::string label;
    bool score = false;  // a score opens when clicked; a picture is shown only
    ThumbnailKey key;
  };
  struct Row {
    std::string date;
    std::filesystem::path dir;
    std::vector<Tile> tiles;
  };
  void WriteStatus(UiState& ui, int drawn) const;

  bool open_ = false;
  const LibraryJail* jail_ = nullptr;
  std::filesystem::path dir_;
  Course course_;
  std::vector<Row> rows_;
  ThumbnailTextures thumbnails_;
};

}  // namespace graphony::editor
