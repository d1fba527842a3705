// WordButton: an ImGui button with its face drawn on top (glyph, then the word).
#include "word_button.h"

#include <algorithm>
#include <cmath>

#include "edit_helpers.h"
#include "layout_report.h"

namespace graphony::editor {

bool WordButton(const char* id, Glyph glyph, const char* label, float h, ImU32 ink, UiState& ui,
                const char* name, float min_w, bool selected) {
  const float s = ui.settings.ui_scale;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool words = !ui.settings.no_words;
  const float w = words ? std::max(min_w, std::round(ImGui::CalcTextSize(label).x + h + 20 * s))
                        : std::max(h, std::min(min_w, h * 1.6f));
  if (selected)
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  const bool pressed = ImGui::Button(id, ImVec2(w, h));
  if (selected) ImGui::PopStyleColor();
  if (name) {
    MarkLastItem(ui, name);
    ReportControl(ui, name);
  }
  if (words) ReportText(ui, label);
  if (!words && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  DrawGlyph(dl, glyph, ImVec2(p.x + (words ? h * 0.5f : w * 0.5f), p.y + h * 0.5f), h * 0.55f, ink);
  if (words)
    dl->AddText(ImVec2(p.x + h * 0.92f, p.y + (h - ImGui::GetFontSize()) * 0.5f),
                ImGui::GetColorU32(ImGuiCol_Text), label);
  return pressed;
}

}  // namespace graphony::editor
