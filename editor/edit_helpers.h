// Undoable widget edits: a widget edits a copy; the first change opens an undo step, release closes
// it.
#pragma once

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

}  // namespace graphony::editor
