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

// The instrument swatches alone, up to `size` pixels each (the participant view's palette).
// A tapped swatch becomes the colour in use and is set in ui.tapped_swatch to be heard.
// They shrink (not below 44 px) to fit `height_share` of the panel's remaining height.
void DrawPaletteSwatches(Document& doc, UiState& ui, const CanvasColors& colors, float size,
                         float height_share);
void DrawPalettePanel(Document& doc, UiState& ui, PaletteViewState& state,
                      const CanvasColors& colors);

}  // namespace graphony::editor
