// The big glyph-and-word button of dialogs, the file browser and the course timeline: the
// word helps those who read, the glyph those who do not.
#pragma once

#include "app_state.h"
#include "icons.h"
#include "imgui.h"

namespace graphony::editor {

// A button `h` tall (48 px and more for a finger or a shaky hand) with `glyph` drawn in `ink`
// before `label`; with "no words" the glyph alone, its word the tooltip. `name` names it for
// tests (ControlRects, the layout report); it is at least `min_w` wide; `selected` shows it
// pressed (one of a set of choices). Returns true when clicked.
bool WordButton(const char* id, Glyph glyph, const char* label, float h, ImU32 ink, UiState& ui,
                const char* name, float min_w = 0, bool selected = false);

}  // namespace graphony::editor
