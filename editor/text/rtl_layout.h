// Layout that follows the UI's reading direction: labels start at the right edge when the
// language reads right to left (the canvas and the timeline never flip; docs/languages.md).
#pragma once

namespace graphony::editor::text {

// Where (window-local cursor x) an item `width` wide starts on the current line: the content
// region's left edge, or its right edge minus `width` when the UI is right to left.
float StartX(float width);

// One line of UI text, given in logical order: shaped (Visual) and right-aligned in RTL.
void Label(const char* logical);

}  // namespace graphony::editor::text
