// Undoable widget edits: a widget edits a copy; the first change opens an undo step, release closes
// it.
#pragma once

#include "app_state.h"
#include "imgui.h"
#include "logic/document.h"

namespace graphony::editor {

// Call right after a widget that edited `value` (a copy of `field`). Sliders stay one
// undo step for the whole drag; combos and checkboxes are one step each.
template <typename T>
void CommitWidgetEdit(Document& doc, bool changed, T& field, const T& value) {
  if (changed) {
    doc.BeginEdit();
    field = value;
    doc.Touch();
  }
  if (doc.EditInProgress() &&
      (ImGui::IsItemDeactivatedAfterEdit() || (changed && !ImGui::IsItemActive())))
    doc.EndEdit();
}

// Records the last widget's rectangle under `name` for tests (UiState::rects), only when it
// is wholly visible in its window: a control scrolled or laid out of view cannot be clicked.
inline void MarkLastItem(UiState& ui, const char* name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
  if (a.x < lo.x - 1 || a.y < lo.y - 1 || b.x > hi.x + 1 || b.y > hi.y + 1) return;
  ui.rects.Mark(name, a.x, a.y, b.x - a.x, b.y - a.y);
}

}  // namespace graphony::editor
