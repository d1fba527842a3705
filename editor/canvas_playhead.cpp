// Playhead drawing and ruler input (scrub, seek, loop); allocation-free.
#include "canvas_playhead.h"

#include <algorithm>
#include <cmath>

#include "text/ui_text.h"

namespace graphony::editor {

namespace {
constexpr float kDragThresholdPx = 6;
}

void HandleRulerInput(const ViewTransform& v, float ruler_top, float press_x, UiState& ui) {
  const float h = v.top - ruler_top;
  if (h < 2) return;
  ImGui::SetCursorScreenPos(ImVec2(v.left, ruler_top));
  ImGui::InvisibleButton("##ruler", ImVec2(v.width, h));
  ui.rects.Mark("ruler", v.left, ruler_top, v.width, h);  // tests find the ruler here
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemHovered())
    ui.hint = _("Drag along the ruler to hear what is there; Shift+drag to loop that part.");
  // Where the held playhead is: on the ruler, inside the score.
  const auto beat_at = [&](float x) {
    const double end = ui.transport.length_beats;
    const double b = std::max(0.0, v.XToBeat(x));
    return end > 0 ? std::min(b, end) : b;
  };
  if (ImGui::IsItemActivated()) {
    // Shift decides at the press: a loop (as before), or a scrub that also seeks.
    ui.ruler_looping = io.KeyShift;
    if (ui.ruler_looping) {
      ui.commands.Push(AppCommand::kSeek, beat_at(press_x));
    } else {
      ui.commands.Push(AppCommand::kScrub, beat_at(press_x));
      ui.ruler_scrub_x = press_x;
    }
  }
  if (!ui.ruler_looping) {
    // Scrub: each move of the held mouse moves the playhead, and what is there sounds.
    if (ImGui::IsItemActive() && io.MousePos.x != ui.ruler_scrub_x) {
      ui.commands.Push(AppCommand::kScrub, beat_at(io.MousePos.x));
      ui.ruler_scrub_x = io.MousePos.x;
    }
    if (ImGui::IsItemDeactivated()) {
      ui.commands.Push(AppCommand::kScrubEnd);
      ui.ruler_scrub_x = -1;
    }
    return;
  }
  const bool dragged = std::fabs(io.MousePos.x - press_x) > kDragThresholdPx;
  if ((ImGui::IsItemActive() || ImGui::IsItemDeactivated()) && dragged) {
    ui.ruler_drag_start = beat_at(std::min(press_x, io.MousePos.x));
    ui.ruler_drag_end = beat_at(std::max(press_x, io.MousePos.x));
  }
  if (ImGui::IsItemDeactivated()) {
    if (ui.ruler_drag_end > ui.ruler_drag_start)
      ui.commands.Push(AppCommand::kSetLoop, ui.ruler_drag_start, ui.ruler_drag_end);
    ui.ruler_drag_start = ui.ruler_drag_end = 0;
    ui.ruler_looping = false;
  }
}

void DrawPlayhead(ImDrawList* dl, const ViewTransform& v, float ruler_top, const UiState& ui,
                  const CanvasColors& colors) {
  const float bottom = v.top + v.height;
  const float right = v.left + v.width;
  dl->PushClipRect(ImVec2(v.left, ruler_top), ImVec2(right, bottom), true);
  // Loop region (or the one being dragged on the ruler): a soft band with firm edges.
  double a = ui.transport.looping ? ui.transport.loop_start : 0;
  double b = ui.transport.looping ? ui.transport.loop_end : 0;
  if (ui.ruler_drag_end > ui.ruler_drag_start) a = ui.ruler_drag_start, b = ui.ruler_drag_end;
  if (b > a) {
    const float x0 = v.BeatToX(a), x1 = v.BeatToX(b);
    dl->AddRectFilled(ImVec2(x0, ruler_top), ImVec2(x1, v.top),
                      (colors.accent & 0x00FFFFFF) | 0x90000000);
    dl->AddRectFilled(ImVec2(x0, v.top), ImVec2(x1, bottom),
                      (colors.accent & 0x00FFFFFF) | 0x18000000);
    dl->AddLine(ImVec2(x0, ruler_top), ImVec2(x0, bottom), colors.accent, 1.5f);
    dl->AddLine(ImVec2(x1, ruler_top), ImVec2(x1, bottom), colors.accent, 1.5f);
  }
  if (ui.transport.playhead_beat >= 0) {
    const float x = std::round(v.BeatToX(ui.transport.playhead_beat));
    const float w = std::max(2.f, 2.f * ui.settings.ui_scale);
    const ImU32 col = IM_COL32(230, 57, 70, 255);
    dl->AddLine(ImVec2(x, v.top), ImVec2(x, bottom), col, w);
    const float t = std::max(7.f, (v.top - ruler_top) * 0.35f);
    dl->AddTriangleFilled(ImVec2(x - t, v.top - t * 1.2f), ImVec2(x + t, v.top - t * 1.2f),
                          ImVec2(x, v.top), col);
  }
  dl->PopClipRect();
}

}  // namespace graphony::editor
