// Value sliders: ImGui's slider with no text of its own, and the value drawn beside the grab.
#include "value_slider.h"

#include <algorithm>

#include "imgui.h"
#include "layout_report.h"

namespace graphony::editor {

namespace {

// Writes `text` in the last item's frame, away from the grab at `t` (0..1 along the frame).
void DrawValueText(const char* text, float t, UiState& ui) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 ts = ImGui::CalcTextSize(text);
  const float grab = style.GrabMinSize, pad = style.FramePadding.x;
  const float y = a.y + (b.y - a.y - ts.y) * 0.5f;
  const float x = t >= 0.5f ? a.x + pad : b.x - pad - ts.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(a, b, true);
  dl->AddText(ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), text);
  dl->PopClipRect();
  // Beside the grab at the far end, the text has the frame minus the grab and padding.
  if (ui.layout) {
    ui.layout->CountGlyphs(text);
    if (ts.x + grab + 3 * pad > b.x - a.x) ui.layout->Clipped(text);
  }
}

float Share(double v, double lo, double hi) {
  return hi > lo ? static_cast<float>(std::clamp((v - lo) / (hi - lo), 0.0, 1.0)) : 0.f;
}

}  // namespace

bool ValueSliderFloat(const char* id, float* v, float lo, float hi, const char* text, UiState& ui) {
  const bool changed = ImGui::SliderFloat(id, v, lo, hi, "", ImGuiSliderFlags_NoRoundToFormat);
  DrawValueText(text, Share(*v, lo, hi), ui);
  return changed;
}

bool ValueSliderInt(const char* id, int* v, int lo, int hi, const char* text, UiState& ui) {
  const bool changed = ImGui::SliderInt(id, v, lo, hi, "");
  DrawValueText(text, Share(*v, lo, hi), ui);
  return changed;
}

bool ValueSliderDouble(const char* id, double* v, double lo, double hi, const char* text,
                       UiState& ui) {
  const bool changed = ImGui::SliderScalar(id, ImGuiDataType_Double, v, &lo, &hi, "",
                                           ImGuiSliderFlags_NoRoundToFormat);
  DrawValueText(text, Share(*v, lo, hi), ui);
  return changed;
}

}  // namespace graphony::editor
