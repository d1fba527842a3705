// --layout-report / --layout-batch: draw the first frames as a person would see them, then
// write where every named control landed (and a screenshot, if asked) and exit. Tests read it.
#include <fstream>
#include <sstream>

#include "app.h"
#include "logic/ui_sizes.h"

namespace graphony::editor {

bool App::ReportLayout(const std::filesystem::path& json, const std::filesystem::path& png) {
  // A few frames: the first builds the fonts and textures, auto-sized windows settle on the
  // second; the report and the picture are both of the last frame.
  constexpr int kFrames = 4;
  sf::Texture shot;
  for (int i = 0; i < kFrames; ++i) {
    capture_ = i == kFrames - 1 && !png.empty() ? &shot : nullptr;
    Frame(1.f / 60);
  }
  capture_ = nullptr;
  const sf::Vector2u size = window_.getSize();
  if (audio_.PerformanceActive()) audio_.TogglePerformance(window_);  // back for the next line
  bool ok = true;
  std::string error;
  if (!layout_report_.Write(json, ImVec2(static_cast<float>(size.x), static_cast<float>(size.y)),
                            error)) {
    std::fprintf(stderr, "graphony: cannot write %s: %s\n", json.string().c_str(), error.c_str());
    ok = false;
  }
  if (!png.empty() && !shot.copyToImage().saveToFile(png.string())) {
    std::fprintf(stderr, "graphony: cannot write the screenshot %s\n", png.string().c_str());
    ok = false;
  }
  return ok;
}

int App::RunLayoutReport() {
  clock_.restart();
  int rc = 0;
  if (options_.layout_batch.empty()) {
    rc = ReportLayout(options_.layout_report, options_.layout_screenshot) ? 0 : 1;
  } else {
    // One line per combination: OUT.json OUT.png WxH UI-SIZE THEME [participant | welcome |
    // export-pdf]. One editor
    // draws them all, which is many times faster than starting one each.
    std::ifstream in(options_.layout_batch);
    if (!in) {
      std::fprintf(stderr, "graphony: cannot read %s\n", options_.layout_batch.string().c_str());
      rc = 1;
    }
    std::string line;
    int number = 0;
    while (rc == 0 && std::getline(in, line)) {
      ++number;
      std::istringstream fields(line);
      std::string json, png, window, size, theme, extra;
      unsigned w = 0, h = 0;
      char tail = 0;
      if (!(fields >> json >> png >> window >> size >> theme) ||
          std::sscanf(window.c_str(), "%ux%u%c", &w, &h, &tail) != 2 ||
          FindUiSize(size.c_str()) < 0 || FindTheme(theme.c_str()) < 0) {
        std::fprintf(stderr, "graphony: %s line %d: expected OUT.json OUT.png WxH SIZE THEME\n",
                     options_.layout_batch.string().c_str(), number);
        rc = 1;
        break;
      }
      fields >> extra;
      ui_.settings.ui_scale = kUiSizes[FindUiSize(size.c_str())].scale;
      ui_.settings.theme = FindTheme(theme.c_str());
      ui_.participant = extra == "participant";
      welcome_open_ = extra == "welcome";
      audio_.CloseExport();
      if (extra == "performance" || extra == "performance-sweep") {
        audio_.SetPerformanceMode(extra == "performance" ? 0 : 1);
        audio_.TogglePerformance(window_);
      }
      if (extra == "export-pdf") audio_.OpenExport(6);  // PDF: the kind with the most lines
      ui_.fonts_dirty = true;
      ui_.want_fit = true;
      ui_.status_lines = 1;
      side_open_ = false;
      window_.setSize(sf::Vector2u(w, h));
      if (!ReportLayout(json, png)) rc = 1;
    }
  }
  bridge_.Shutdown();
  window_.close();
  return rc;
}

}  // namespace graphony::editor
