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

float StatusBarHeight(float ui_scale);
void DrawStatusBar(const Document& doc, const UiState& ui, const ViewTransform& view,
                   const StatusInfo& info, const CanvasColors& colors);

}  // namespace graphony::editor
