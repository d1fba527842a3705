// Right-to-left text for Dear ImGui 1.86, which draws code points left to right as given:
// Arabic is joined (Presentation Forms-B) and each line put in visual order with fribidi.
#pragma once

#include <string>
#include <string_view>

namespace graphony::editor::text {

// True when `s` holds a right-to-left letter (Arabic, Hebrew...): only those need shaping.
bool HasRightToLeft(std::string_view s);

// One UTF-8 string in logical order -> the same text in visual order with Arabic letters in
// their joined forms, ready to draw left to right. Each '\n' line is a paragraph of its own.
// `rtl_base`: the paragraph runs right to left (the UI is Arabic); otherwise its first strong
// letter decides. Invalid UTF-8 comes back unchanged.
std::string ToVisual(std::string_view logical, bool rtl_base);

// What ImGui should be given for a UI string: its visible part (before "##") in visual order,
// the ID part kept as it is so IDs stay stable across languages. Uses the current language's
// direction. Strings without right-to-left letters are returned as they are (no copy); the
// rest are cached by content, so the pointer stays valid until TrimVisualCache() drops it.
const char* Visual(const char* logical);

// Like Visual(), for text wrapped to `width`: the logical text is broken into lines first
// (at spaces, each line as wide as `measure` says fits), then each line is shaped, so the
// lines of a wrapped Arabic sentence come in reading order. `measure` gives the drawn width
// of a visual UTF-8 string. Lines are joined with '\n'.
const char* VisualWrapped(const char* logical, float width, float (*measure)(const char* text));

// The logical text a Visual() or VisualWrapped() result was made from (with its ImGui ID, if
// it had one); any other text is returned as it is. Lets a view given already shaped text
// (from _() or Printf) wrap it correctly.
const char* LogicalOf(const char* text);

// Called once a frame before drawing: forgets the cache when it has grown past `max_entries`
// (text made up on the fly, e.g. bar numbers, must not grow it for ever).
void TrimVisualCache(size_t max_entries = 4096);
size_t VisualCacheSize();

}  // namespace graphony::editor::text
