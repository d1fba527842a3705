// Status bar drawing; formats into stack buffers (ImGui::Text) so it allocates nothing.
#include "view_status_bar.h"

#include <algorithm>
#include <cmath>

#include "core/pitch.h"
#include "imgui.h"

namespace graphony::editor {

float StatusBarHeight(float ui_scale) { return std::round(36 * ui_scale); }

void DrawStatusBar(const Document& doc, const UiState& ui, const ViewTransform& view,
                   const StatusInfo& info, const CanvasColors& colors) {
  const float s = ui.settings.ui_scale;
  const Score& score = doc.score;
  ImGui::AlignTextToFramePadding();
  const float right_w = 620 * s;
  const float right_x = std::max(200 * s, ImGui::GetWindowWidth() - right_w);
  // Left: a message if one is fresh, else the hint (clipped so it never runs under the right part).
  const ImVec2 wp = ImGui::GetWindowPos();
  ImGui::PushClipRect(wp, ImVec2(wp.x + right_x - 16 * s, wp.y + ImGui::GetWindowHeight()), true);
  if (ui.audio_status) {  // Editor II: sound state first when something is wrong (no device)
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors.warning), "%s", ui.audio_status);
    ImGui::SameLine(0, 24 * s);
  }
  if (ui.message[0] && ui.now < ui.message_until) {
    ImGui::TextColored(
        ImGui::ColorConvertU32ToFloat4(ui.message_is_error ? colors.warning : colors.accent), "%s",
        ui.message);
  } else if (ui.hint) {
    ImGui::TextUnformatted(ui.hint);
  } else {
    ImGui::TextDisabled("Pick a colour, then paint on the canvas.");
  }
  ImGui::PopClipRect();
  // Right: pointer position (bar.beat, time, note), zoom, file and saved state.
  ImGui::SameLine(right_x);
  if (info.canvas_hovered && info.beat >= 0) {
    const int per_bar = std::max(1, score.meter.numerator);
    const int beat_index = static_cast<int>(std::floor(info.beat));
    const double secs = info.beat * score.SecondsPerBeat();
    const double h = std::clamp(info.height, 0.0, 1.0);
    const int midi =
        std::clamp(static_cast<int>(std::lround(HeightToPitch(score.mapping, h))), 0, 127);
    ImGui::Text("bar %d beat %d   %d:%04.1f   %s%d", beat_index / per_bar + 1,
                beat_index % per_bar + 1, static_cast<int>(secs) / 60, std::fmod(secs, 60.0),
                PitchClassName(midi), midi / 12 - 1);
  } else {
    ImGui::TextDisabled("%d bars, %.0f bpm",
                        static_cast<int>(score.length_beats / std::max(1, score.meter.numerator)),
                        score.tempo_bpm);
  }
  ImGui::SameLine(0, 24 * s);
  ImGui::TextDisabled("%.0f%%", view.ZoomPercent(score.length_beats));
  ImGui::SameLine(0, 24 * s);
  // Saved state as a dot: filled accent = unsaved changes, hollow = everything kept.
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float r = 6 * s;
  const ImVec2 c(p.x + r, p.y + ImGui::GetFrameHeight() * 0.5f);
  if (doc.dirty)
    ImGui::GetWindowDrawList()->AddCircleFilled(c, r, colors.warning);
  else
    ImGui::GetWindowDrawList()->AddCircle(c, r, colors.icon, 16, 2 * s);
  ImGui::Dummy(ImVec2(2 * r, 2 * r));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(doc.dirty ? "Not saved yet" : "Saved");
  ImGui::SameLine(0, 8 * s);
  ImGui::TextUnformatted(info.file_name[0] ? info.file_name : "(not saved yet)");
  // [SECTION] Room for Editor II: playhead time, audio device state, recording level.
}

}  // namespace graphony::editor
