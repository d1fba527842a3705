// Layers panel: visibility, lock, mute, order, and the active picture's placement, opacity and
// mode.
#pragma once

#include "app_state.h"
#include "logic/document.h"
#include "theme.h"

namespace graphony::editor {

void DrawLayersPanel(Document& doc, UiState& ui, const CanvasColors& colors);

}  // namespace graphony::editor
