// Language buttons: own names, shaped for right-to-left scripts, laid out to fit the width.
#include "view_language.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/i18n.h"
#include "edit_helpers.h"
#include "imgui.h"
#include "layout_report.h"
#include "text/bidi_text.h"

namespace graphony::editor {

namespace {

// All buttons share one width (the widest name), so the row reads as a set of equals.
float ButtonWidth(float button_h) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float w = button_h * 2.2f;
  for (const i18n::Language& lang : i18n::Languages())
    w = std::max(w, ImGui::CalcTextSize(text::Visual(lang.own_name)).x + 4 * style.FramePadding.x);
  return std::floor(w);
}

int PerRow(float avail_w, float w, float gap) {
  const int n = static_cast<int>(i18n::Languages().size());
  return std::clamp(static_cast<int>((avail_w + gap) / (w + gap)), 1, n);
}

}  // namespace

bool ChooseLanguage(UiState& ui, const std::string& code) {
  if (!i18n::SetLanguage(code)) return false;
  ui.settings.language = code;
  ui.fonts_dirty = true;  // the new language's glyphs; applied before the next frame
  return true;
}

float LanguageButtonsHeight(float avail_w, float button_h) {
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const int n = static_cast<int>(i18n::Languages().size());
  const int rows = (n + PerRow(avail_w, ButtonWidth(button_h), gap) - 1) /
                   PerRow(avail_w, ButtonWidth(button_h), gap);
  return rows * button_h + (rows - 1) * ImGui::GetStyle().ItemSpacing.y;
}

bool DrawLanguageButtons(UiState& ui, float avail_w, float button_h) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float gap = style.ItemSpacing.x;
  const float w = ButtonWidth(button_h);
  const auto& languages = i18n::Languages();
  const int n = static_cast<int>(languages.size());
  const int per_row = PerRow(avail_w, w, gap);
  const std::string current = i18n::CurrentLanguage();
  const float x0 = ImGui::GetCursorPosX();
  bool chosen = false;
  for (int i = 0; i < n; ++i) {
    const i18n::Language& lang = languages[i];
    const int col = i % per_row;
    if (col == 0) {
      // Each row centred in the width; in a right-to-left UI the first language is at the right.
      const int in_row = std::min(per_row, n - i);
      ImGui::SetCursorPosX(x0 + (avail_w - (in_row * w + (in_row - 1) * gap)) * 0.5f);
    } else {
      ImGui::SameLine(0, gap);
    }
    const bool active = current == lang.code;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
    ImGui::PushID(lang.code);
    const char* name = text::Visual(lang.own_name);
    const bool pressed = ImGui::Button(name, ImVec2(w, button_h));
    ImGui::PopID();
    if (active) ImGui::PopStyleColor();
    char id[40];
    std::snprintf(id, sizeof id, "language.%s", lang.code);
    MarkLastItem(ui, id);
    if (active) {  // tests see which language is on (rect.language.CODE.on)
      std::snprintf(id, sizeof id, "language.%s.on", lang.code);
      MarkLastItem(ui, id);
      std::snprintf(id, sizeof id, "language.%s", lang.code);
    }
    ReportControl(ui, id);
    ReportText(ui, name, true, true);
    if (pressed && !active) chosen = ChooseLanguage(ui, lang.code) || chosen;
  }
  return chosen;
}

void DrawLanguageMenu(UiState& ui) {
  // The menu's name is the current language's own name, so it is found without English.
  const std::string current = i18n::CurrentLanguage();
  const char* own = "English";
  for (const i18n::Language& lang : i18n::Languages())
    if (current == lang.code) own = lang.own_name;
  char label[64];
  std::snprintf(label, sizeof label, "%s##language", text::Visual(own));
  const bool open = ImGui::BeginMenu(label);
  if (!open) MarkLastItem(ui, "menu.language");
  if (open) {
    const float s = ui.settings.ui_scale;
    const float h = std::max(48.f, std::round(52 * s));
    DrawLanguageButtons(ui, std::round(420 * s), h);
    ImGui::EndMenu();
  }
}

}  // namespace graphony::editor
