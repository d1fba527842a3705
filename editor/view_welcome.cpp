// Welcome: a calm full-window card; each button is a big drawn picture with a few words
// under it, so it reads without reading.
#include "view_welcome.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/i18n.h"
#include "edit_helpers.h"
#include "icons.h"
#include "imgui.h"
#include "layout_report.h"
#include "text/bidi_text.h"
#include "theme.h"
#include "view_language.h"

namespace graphony::editor {

namespace {

bool PictureButton(const char* id, const char* words, Glyph glyph, float w, float h, bool enabled,
                   const char* report, const CanvasColors& colors, UiState& ui) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::BeginDisabled(!enabled);
  const bool pressed = ImGui::Button(id, ImVec2(w, h));
  ImGui::EndDisabled();
  MarkLastItem(ui, report);  // tests click it by its rectangle in the debug status
  ReportControl(ui, report);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float text_h = ImGui::GetTextLineHeightWithSpacing() * 2;
  const float icon = std::min(w * 0.6f, h - text_h - 16);
  const ImU32 col = enabled ? colors.icon : ImGui::GetColorU32(ImGuiCol_TextDisabled);
  DrawGlyph(dl, glyph, ImVec2(p.x + w * 0.5f, p.y + 8 + icon * 0.5f), icon, col);
  // The words, wrapped and centred under the picture (right-to-left text is broken into
  // lines before it is shaped, so its lines keep their reading order).
  const float wrap = w - 2 * ImGui::GetStyle().FramePadding.x;
  words = text::VisualWrapped(words, wrap, [](const char* t) { return ImGui::CalcTextSize(t).x; });
  const ImVec2 ts = ImGui::CalcTextSize(words, nullptr, false, wrap);
  const ImVec2 at(p.x + (w - ts.x) * 0.5f, p.y + h - text_h + (text_h - ts.y) * 0.5f);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
              ImGui::GetColorU32(enabled ? ImGuiCol_Text : ImGuiCol_TextDisabled), words, nullptr,
              wrap);
  if (ui.layout) {
    ui.layout->CountGlyphs(words);
    if (ts.y > text_h + 0.5f || ts.x > wrap + 0.5f) ui.layout->Clipped(words);
  }
  return pressed && enabled;
}

}  // namespace

WelcomeChoice DrawWelcome(UiState& ui, const CanvasColors& colors, bool has_demo,
                          const char* last_score) {
  const ImGuiIO& io = ImGui::GetIO();
  const float s = ui.settings.ui_scale;
  WelcomeChoice choice = WelcomeChoice::kNone;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::SetNextWindowBgAlpha(0.96f);
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin("##welcome", nullptr, flags)) {
    const float pad = std::round(24 * s);
    const float gap = std::round(24 * s);
    // Three buttons side by side, as big as the window allows.
    const float w =
        std::floor(std::min(std::round(300 * s), (io.DisplaySize.x - 2 * pad - 2 * gap) / 3));
    // First, before any words: each language in its own name (the picker needs no English).
    const float lang_button_h = std::max(kMinTouchTarget, std::round(44 * s));
    const float lang_w = io.DisplaySize.x - 2 * pad;
    const float lang_h = LanguageButtonsHeight(lang_w, lang_button_h) + gap;
    const float total_w = 3 * w + 2 * gap;
    const char* title = text::Visual(_("Make music from a picture"));
    const ImVec2 ts = ImGui::CalcTextSize(title);
    // Whatever is left under the languages, the title and the "empty canvas" row.
    const float empty_h =
        std::max(kMinTouchTarget, ImGui::GetFrameHeight()) + ImGui::GetStyle().ItemSpacing.y;
    const float h =
        std::floor(std::min({w * 1.05f, io.DisplaySize.y * 0.6f - lang_h,
                             io.DisplaySize.y - 2 * pad - lang_h - ts.y * 2 - gap - empty_h}));
    // Centred as one block: languages, title, picture buttons, the "empty canvas" row.
    const float block_h = lang_h + ts.y * 2 + h + gap + empty_h;
    const float top = std::max(pad, (io.DisplaySize.y - block_h) * 0.5f);
    ImGui::SetCursorPos(ImVec2(pad, top));
    DrawLanguageButtons(ui, lang_w, lang_button_h);
    ImGui::SetCursorPos(ImVec2((io.DisplaySize.x - ts.x) * 0.5f, top + lang_h));
    ImGui::TextUnformatted(title);
    ReportText(ui, title, false, true);
    ImGui::SetCursorPos(ImVec2((io.DisplaySize.x - total_w) * 0.5f, top + lang_h + ts.y * 2));
    if (PictureButton("##picture", _("Start from a picture"), Glyph::kPicture, w, h, true,
                      "welcome.picture", colors, ui))
      choice = WelcomeChoice::kPicture;
    ImGui::SameLine(0, gap);
    if (PictureButton("##demo", _("Open the demo"), Glyph::kScoreFile, w, h, has_demo,
                      "welcome.demo", colors, ui))
      choice = WelcomeChoice::kDemo;
    ImGui::SameLine(0, gap);
    if (PictureButton("##continue", _("Continue the last score"), Glyph::kFolder, w, h,
                      last_score && last_score[0], "welcome.continue", colors, ui))
      choice = WelcomeChoice::kContinue;
    // A quiet way out: an empty canvas.
    const char* empty = text::Visual(_("Empty canvas"));
    const float bw = ImGui::CalcTextSize(empty).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SetCursorPosX((io.DisplaySize.x - bw) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + gap);
    char label[160];  // the button's ID stays the same in every language
    std::snprintf(label, sizeof label, "%s##empty", empty);
    if (ImGui::Button(label, ImVec2(bw, std::max(kMinTouchTarget, ImGui::GetFrameHeight()))))
      choice = WelcomeChoice::kEmpty;
    MarkLastItem(ui, "welcome.empty");
    ReportControl(ui, "welcome.empty");
    ReportText(ui, empty, true, true);
    ReportWindow(ui, "welcome", true);
  }
  ImGui::End();
  return choice;
}

}  // namespace graphony::editor
