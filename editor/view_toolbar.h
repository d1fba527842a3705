// The toolbar: big drawn icons for files, undo, the drawing tools, pictures and zoom.
#pragma once

#include "app_state.h"
#include "logic/document.h"
#include "theme.h"

namespace graphony::editor {

// Height the toolbar wants at the current UI scale.
float ToolbarHeight(float ui_scale);
// Draws inside the current window; pushes AppCommands and sets ui.tool.
void DrawToolbar(const Document& doc, UiState& ui, const CanvasColors& colors);

}  // namespace graphony::editor
