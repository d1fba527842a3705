// Layout that follows the UI's reading direction: labels start at the right edge when the
// language reads right to left (the canvas and the timeline never flip; docs/languages.md).
#pragma once

#include <cstddef>

namespace graphony::editor::text {

// Where (window-local cursor x) an item `width` wide starts on the current line: the content
// region's left edge, or its right edge minus `width` when the UI is right to left.
float StartX(float width);

// One line of UI text, given in logical order: shaped (Visual) and right-aligned in RTL.
void Label(const char* logical);

// ImGui::TextWrapped for UI text, translated or not, shaped or not: text holding right-to-left
// letters is broken into lines in reading order first (ImGui would wrap the shaped text and
// put an Arabic sentence's lines in the wrong order), and each line starts at the right edge
// when the UI reads right to left. Other text wraps as ImGui does.
void Wrapped(const char* text);

// Every text field in the editor: ImGui::InputText (or InputTextWithHint when `hint` is
// given). While the field is not being edited and holds right-to-left letters, its text is
// drawn shaped (joined, in reading order, from the right in the Arabic UI) over ImGui's
// unshaped drawing; while typing, ImGui's own drawing shows, as its cursor needs the logical
// order. Returns what ImGui returns (edited, or Enter with ImGuiInputTextFlags_EnterReturnsTrue).
bool InputText(const char* id, char* buf, std::size_t size, int flags = 0,
               const char* hint = nullptr);

}  // namespace graphony::editor::text
