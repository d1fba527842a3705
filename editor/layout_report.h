// Layout report for tests (`graphony --layout-report OUT.json`): where the named controls
// landed, where the canvas is, which texts did not fit, and how many glyphs the font lacks.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "imgui.h"

namespace graphony::editor {

struct UiState;

class LayoutReport {
 public:
  // Forget the last frame's findings (each frame is reported afresh; the last one is written).
  void BeginFrame();
  // The item ImGui just laid out is the control `name` (e.g. "play", "tool.brush").
  void Control(const std::string& name);
  void Canvas(ImVec2 pos, ImVec2 size) { canvas_ = {pos.x, pos.y, size.x, size.y}; }
  // A picture drawn from p0 (top left) to p1, whose pixels are `aspect` wide per tall.
  void Picture(ImVec2 p0, ImVec2 p1, double aspect) {
    pictures_.push_back({p0.x, p0.y, p1.x - p0.x, p1.y - p0.y, aspect});
  }
  // The item just laid out shows `text`: reports it when it is cut off by its own frame
  // (`framed`: a button whose label is wider than the button) or by the window's visible
  // region (horizontally always; vertically too when `vertical`, for windows that do not
  // scroll). Also counts glyphs the font does not have.
  void CheckItemText(const char* text, bool framed, bool vertical);
  // Before ImGui::End(): content laid out wider than the window (or taller, when
  // `vertical`) is cut off too, whatever drew it.
  void CheckWindow(const char* name, bool vertical);
  void CountGlyphs(const char* text);
  // After ImGui::Render(): characters this frame drew as the missing-glyph box, wherever
  // they were drawn (text::CountMissingGlyphsDrawn), checked or not.
  void CountDrawnMissing(const ImDrawData* draw_data);
  // The font atlas in use (glyph counts, texture size), reported as "atlas".
  void Atlas(int glyphs, int cjk_glyphs, int tex_w, int tex_h) {
    atlas_ = {glyphs, cjk_glyphs, tex_w, tex_h};
  }
  // `text` is cut off (the caller measured it against its own frame).
  void Clipped(const char* text) { AddClipped(text); }
  // Writes the JSON report through AtomicFile; false with `error` set.
  bool Write(const std::filesystem::path& path, ImVec2 window, std::string& error) const;

 private:
  struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
  };
  void AddClipped(const std::string& what);
  std::map<std::string, Rect> controls_;
  Rect canvas_;
  struct Picture_ {
    float x, y, w, h;
    double aspect;
  };
  std::vector<Picture_> pictures_;
  std::vector<std::string> clipped_;
  int missing_glyphs_ = 0;  // in the texts checked by CheckItemText / CountGlyphs
  int drawn_missing_ = 0;   // drawn as the box anywhere in the frame
  struct {
    int glyphs = 0, cjk_glyphs = 0, tex_w = 0, tex_h = 0;
  } atlas_;
};

// Shorthands for the views: no-ops unless a report is being made (ui.layout set).
void ReportControl(UiState& ui, const char* name);
void ReportText(UiState& ui, const char* text, bool framed = false, bool vertical = false);
void ReportWindow(UiState& ui, const char* name, bool vertical);

}  // namespace graphony::editor
