// The toolbar: big drawn icons for files, undo, the drawing tools, pictures and zoom.
#pragma once

#include "app_state.h"
#include "logic/document.h"
#include "logic/panel_layout.h"
#include "theme.h"

namespace graphony::editor {

// Draws inside the current window at the sizes `layout` chose: wraps before
// layout.tools_right and, when layout.collapse_groups, shows files and view as one button
// each that opens its group. Pushes AppCommands and sets ui.tool.
void DrawToolbar(const Document& doc, UiState& ui, const CanvasColors& colors,
                 const PanelLayout& layout);

}  // namespace graphony::editor
