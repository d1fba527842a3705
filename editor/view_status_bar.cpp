// Status bar drawing; formats into stack buffers (ImGui::Text) so it allocates nothing.
#include "view_status_bar.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/picture_shape.h"
#include "core/pitch.h"
#include "imgui.h"
#include "layout_report.h"
#include "text/rtl_layout.h"
#include "text/ui_text.h"

namespace graphony::editor {

float StatusBarHeight(float ui_scale, int lines) {
  return std::round(36 * ui_scale) +
         std::max(0, lines - 1) * std::round(ImGui::GetTextLineHeightWithSpacing());
}

void DrawStatusBar(const Document& doc, UiState& ui, const ViewTransform& view,
                   const StatusInfo& info, const CanvasColors& colors) {
  const float s = ui.settings.ui_scale;
  const Score& score = doc.score;
  const float gap = 24 * s;
  // [SECTION] Right part, measured first: pointer position (or the score's size), zoom, file
  // and saved state. A narrow window drops the zoom, then the position, so the left text
  // keeps at least half the bar.
  char where[192];
  if (info.canvas_hovered && info.beat >= 0) {
    const int per_bar = std::max(1, score.meter.numerator);
    const int beat_index = static_cast<int>(std::floor(info.beat));
    const double secs = info.beat * score.SecondsPerBeat();
    const double h = std::clamp(info.height, 0.0, 1.0);
    const int midi =
        std::clamp(static_cast<int>(std::lround(HeightToPitch(score.mapping, h))), 0, 127);
    std::snprintf(where, sizeof where, "%s",
                  text::Printf(_("bar %d beat %d   %d:%04.1f   %s%d"), beat_index / per_bar + 1,
                               beat_index % per_bar + 1, static_cast<int>(secs) / 60,
                               std::fmod(secs, 60.0), PitchClassName(midi), midi / 12 - 1));
  } else {
    const int bars = static_cast<int>(score.length_beats / std::max(1, score.meter.numerator));
    std::snprintf(where, sizeof where, "%s",
                  text::Printf(text::Plural("%d bar, %.0f bpm", "%d bars, %.0f bpm", bars), bars,
                               score.tempo_bpm));
  }
  char zoom[16];
  std::snprintf(zoom, sizeof zoom, "%.0f%%",
                view.ZoomPercent(score.length_beats, BeatsPerHeight(score)));
  const char* file = info.file_name[0] ? info.file_name : _("(not saved yet)");
  const float r = 6 * s;
  const float file_w = 2 * r + 8 * s + ImGui::CalcTextSize(file).x;
  const float where_w = ImGui::CalcTextSize(where).x + gap,
              zoom_w = ImGui::CalcTextSize(zoom).x + gap;
  const float window_w = ImGui::GetWindowWidth(), pad = ImGui::GetStyle().WindowPadding.x;
  const float right_max = window_w * 0.5f - pad;
  const bool show_where = file_w + where_w <= right_max;
  const bool show_zoom = show_where && file_w + where_w + zoom_w <= right_max;
  const float right_w =
      std::min(right_max, file_w + (show_where ? where_w : 0) + (show_zoom ? zoom_w : 0));
  const float right_x = window_w - pad - right_w;

  // [SECTION] Left part: one text, by priority: a fresh message, the hint for what is under
  // the pointer, the sound state when something is wrong, a first tip. Wrapped onto a second
  // line (the bar grows, from the next frame) rather than cut.
  ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
  const char* text = _("Pick a colour, then paint on the canvas.");
  if (ui.message[0] && ui.now < ui.message_until) {
    text = ui.message;
    color = ui.message_is_error ? colors.warning : colors.accent;
  } else if (ui.hint) {
    text = ui.hint;
  } else if (ui.audio_status) {
    text = ui.audio_status;
    color = colors.warning;
  } else {
    color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  }
  const float left_w = right_x - gap - ImGui::GetCursorPosX();
  const ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, left_w);
  ui.status_lines =
      std::clamp(static_cast<int>(std::ceil(size.y / ImGui::GetTextLineHeight() - 0.01f)), 1, 2);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + left_w);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  text::Wrapped(text);
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  if (ui.layout && size.y > 2.5f * ImGui::GetTextLineHeight())
    ui.layout->CheckItemText(text, true, false);  // three lines or more: the bar cuts it

  ImGui::SameLine(right_x);
  if (show_where) {
    ImGui::TextDisabled("%s", where);
    ImGui::SameLine(0, gap);
  }
  if (show_zoom) {
    ImGui::TextDisabled("%s", zoom);
    ImGui::SameLine(0, gap);
  }
  // Saved state as a dot: filled accent = unsaved changes, hollow = everything kept.
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 c(p.x + r, p.y + ImGui::GetTextLineHeight() * 0.5f);
  if (doc.dirty)
    ImGui::GetWindowDrawList()->AddCircleFilled(c, r, colors.warning);
  else
    ImGui::GetWindowDrawList()->AddCircle(c, r, colors.icon, 16, 2 * s);
  ImGui::Dummy(ImVec2(2 * r, 2 * r));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", doc.dirty ? _("Not saved yet") : _("Saved"));
  ImGui::SameLine(0, 8 * s);
  ImGui::TextUnformatted(file);
  ReportText(ui, file);
}

}  // namespace graphony::editor
