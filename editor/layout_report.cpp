// LayoutReport: rectangles from ImGui's own item and window records, written as JSON.
#include "layout_report.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "app_state.h"
#include "core/i18n.h"
#include "core/temp_files.h"
#include "imgui_internal.h"  // the current window's work rect and laid-out extent
#include "text/font_atlas.h"

namespace graphony::editor {

void LayoutReport::BeginFrame() {
  controls_.clear();
  clipped_.clear();
  canvas_ = {};
  pictures_.clear();
  missing_glyphs_ = 0;
  drawn_missing_ = 0;
}

void LayoutReport::CountDrawnMissing(const ImDrawData* draw_data) {
  drawn_missing_ += text::CountMissingGlyphsDrawn(
      draw_data, ImGui::GetIO().Fonts->Fonts.Size ? ImGui::GetIO().Fonts->Fonts[0] : nullptr);
}

void LayoutReport::Control(const std::string& name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  // What the person can see of it: the part inside its window's visible region.
  const ImGuiWindow* w = ImGui::GetCurrentWindow();
  const ImRect clip = w->InnerClipRect;
  const float x0 = std::max(a.x, clip.Min.x), y0 = std::max(a.y, clip.Min.y);
  const float x1 = std::min(b.x, clip.Max.x), y1 = std::min(b.y, clip.Max.y);
  controls_[name] = {x0, y0, std::max(0.f, x1 - x0), std::max(0.f, y1 - y0)};
}

void LayoutReport::AddClipped(const std::string& what) {
  if (std::find(clipped_.begin(), clipped_.end(), what) == clipped_.end()) clipped_.push_back(what);
}

void LayoutReport::CheckItemText(const char* text, bool framed, bool vertical) {
  CountGlyphs(text);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImVec2 size = ImGui::CalcTextSize(text, nullptr, true);
  const ImGuiWindow* w = ImGui::GetCurrentWindow();
  const ImRect clip = w->InnerClipRect;
  bool cut = b.x > clip.Max.x + 0.5f || a.x < clip.Min.x - 0.5f;
  if (vertical) cut = cut || b.y > clip.Max.y + 0.5f || a.y < clip.Min.y - 0.5f;
  if (framed) cut = cut || size.x + 2 * ImGui::GetStyle().FramePadding.x > b.x - a.x + 0.5f;
  if (cut) AddClipped(text);
}

void LayoutReport::CheckWindow(const char* name, bool vertical) {
  const ImGuiWindow* w = ImGui::GetCurrentWindow();
  const float over_x = w->DC.CursorMaxPos.x - w->WorkRect.Max.x;
  const float over_y = w->DC.CursorMaxPos.y - w->WorkRect.Max.y;
  if (over_x > 1 || (vertical && over_y > 1)) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "window %s: content %.0f px too wide, %.0f px too tall", name,
                  std::max(0.f, over_x), vertical ? std::max(0.f, over_y) : 0.f);
    AddClipped(buf);
  }
}

void LayoutReport::CountGlyphs(const char* text) {
  const ImFont* font = ImGui::GetFont();
  const char* end = ImGui::FindRenderedTextEnd(text);
  for (const char* p = text; p < end;) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    p += n;
    if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) ++missing_glyphs_;
  }
}

bool LayoutReport::Write(const std::filesystem::path& path, ImVec2 window,
                         std::string& error) const {
  nlohmann::json j;
  j["window"] = {std::lround(window.x), std::lround(window.y)};
  nlohmann::json controls = nlohmann::json::object();
  for (const auto& [name, r] : controls_) controls[name] = {r.x, r.y, r.w, r.h};
  j["controls"] = controls;
  j["canvas"] = {canvas_.x, canvas_.y, canvas_.w, canvas_.h};
  j["clipped"] = clipped_;
  nlohmann::json pictures = nlohmann::json::array();
  for (const Picture_& p : pictures_)
    pictures.push_back({{"rect", {p.x, p.y, p.w, p.h}}, {"pixel_aspect", p.aspect}});
  j["pictures"] = pictures;
  // Characters drawn without a glyph: the box count covers everything drawn; the checked
  // texts also catch characters whose box fell outside the visible region.
  j["missing_glyphs"] = std::max(missing_glyphs_, drawn_missing_);
  j["missing_glyphs_drawn"] = drawn_missing_;
  j["missing_glyphs_in_checked_texts"] = missing_glyphs_;
  j["language"] = i18n::CurrentLanguage();
  j["atlas"] = {{"glyphs", atlas_.glyphs},
                {"cjk_glyphs", atlas_.cjk_glyphs},
                {"texture", {atlas_.tex_w, atlas_.tex_h}}};
  const std::string text = j.dump(1) + "\n";
  AtomicFile file;
  return file.Open(path, error) && file.Write(text.data(), text.size(), error) &&
         file.Commit(error);
}

void ReportControl(UiState& ui, const char* name) {
  if (ui.layout) ui.layout->Control(name);
}

void ReportText(UiState& ui, const char* text, bool framed, bool vertical) {
  if (ui.layout) ui.layout->CheckItemText(text, framed, vertical);
}

void ReportWindow(UiState& ui, const char* name, bool vertical) {
  if (ui.layout) ui.layout->CheckWindow(name, vertical);
}

}  // namespace graphony::editor
