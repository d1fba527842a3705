// Status bar: a hint for whatever is under the pointer, messages, position under the pointer, zoom,
// saved state.
#pragma once

#include "app_state.h"
#include "logic/document.h"
#include "logic/view_transform.h"
#include "theme.h"

namespace graphony::editor {

struct StatusInfo {
  bool canvas_hovered = false;
  double beat = 0;
  double height = 0;
  const char* file_name = "";  // display name of the open file ("" = never saved)
};

// One line of text, or two when the left text wraps (ui.status_lines, from the last frame).
float StatusBarHeight(float ui_scale, int lines);
// Sets ui.status_lines for the next frame.
void DrawStatusBar(const Document& doc, UiState& ui, const ViewTransform& view,
                   const StatusInfo& info, const CanvasColors& colors);

}  // namespace graphony::editor
