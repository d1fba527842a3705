// StartX / Label: the small part of right-to-left layout ImGui 1.86 leaves to us.
#include "text/rtl_layout.h"

#include <algorithm>

#include "core/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"  // the window's text wrap position, as TextWrapped uses it
#include "text/bidi_text.h"

namespace graphony::editor::text {

float StartX(float width) {
  const float left = ImGui::GetCursorPosX();
  if (!i18n::IsRightToLeft()) return left;
  const float right = ImGui::GetWindowContentRegionMax().x;
  return right - width > left ? right - width : left;
}

void Label(const char* logical) {
  const char* visual = Visual(logical);
  ImGui::SetCursorPosX(StartX(ImGui::CalcTextSize(visual).x));
  ImGui::TextUnformatted(visual);
}

void Wrapped(const char* text) {
  if (!text) return;
  if (!HasRightToLeft(text)) {
    ImGui::TextWrapped("%s", text);
    return;
  }
  // The width TextWrapped would use: PushTextWrapPos's position (window-local), else the
  // content region's right edge.
  const float wrap_pos = ImGui::GetCurrentWindow()->DC.TextWrapPos;
  const float right = wrap_pos > 0.0f ? wrap_pos : ImGui::GetWindowContentRegionMax().x;
  const float width = std::max(1.0f, right - ImGui::GetCursorPosX());
  const char* lines =
      VisualWrapped(LogicalOf(text), width, [](const char* t) { return ImGui::CalcTextSize(t).x; });
  for (const char* line = lines; *line;) {
    const char* end = line;
    while (*end && *end != '\n') ++end;
    ImGui::SetCursorPosX(StartX(ImGui::CalcTextSize(line, end).x));
    ImGui::TextUnformatted(line, end);
    line = *end ? end + 1 : end;
  }
}

namespace {

// Draws an idle field's right-to-left text shaped over ImGui's unshaped text, right after the
// field (creates no item: the field stays the last).
void ShapeIdleField(const char* text) {
  if (!text || ImGui::IsItemActive() || !HasRightToLeft(text)) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImGuiStyle& style = ImGui::GetStyle();
  // Cover ImGui's text with the field's own background, made opaque (a theme's frame colour
  // may be translucent), leaving the border.
  auto opaque = [](ImGuiCol col) {
    ImVec4 c = ImGui::GetStyleColorVec4(col);
    c.w = 1.0f;
    return ImGui::GetColorU32(c);
  };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 inner_a(a.x + 1, a.y + 1), inner_b(b.x - 1, b.y - 1);
  dl->AddRectFilled(inner_a, inner_b, opaque(ImGuiCol_WindowBg), style.FrameRounding);
  dl->AddRectFilled(
      inner_a, inner_b,
      ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
      style.FrameRounding);
  const char* visual = Visual(text);
  const float width = ImGui::CalcTextSize(visual).x;
  const float room = b.x - a.x - 2 * style.FramePadding.x;
  const float x = i18n::IsRightToLeft() && width < room ? b.x - style.FramePadding.x - width
                                                        : a.x + style.FramePadding.x;
  dl->PushClipRect(a, b, true);
  dl->AddText(ImVec2(x, a.y + style.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text), visual);
  dl->PopClipRect();
}

}  // namespace

bool InputText(const char* id, char* buf, std::size_t size, int flags, const char* hint) {
  const bool result = hint ? ImGui::InputTextWithHint(id, hint, buf, size, flags)
                           : ImGui::InputText(id, buf, size, flags);
  ShapeIdleField(buf);
  return result;
}

}  // namespace graphony::editor::text
