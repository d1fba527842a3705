// StartX / Label: the small part of right-to-left layout ImGui 1.86 leaves to us.
#include "text/rtl_layout.h"

#include "core/i18n.h"
#include "imgui.h"
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

}  // namespace graphony::editor::text
