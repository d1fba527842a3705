// Left panel: the tools, the instrument palette (colour + instrument icon), brush size and who is
// drawing.
#pragma once

#include "app_state.h"
#include "logic/document.h"
#include "theme.h"

namespace graphony::editor {

// Keeps the "add a contributor" text between frames.
struct PaletteViewState {
  char new_name[64] = {};
  bool adding = false;
  bool focus_name = false;
};

void DrawPalettePanel(Document& doc, UiState& ui, PaletteViewState& state,
                      const CanvasColors& colors);

}  // namespace graphony::editor
