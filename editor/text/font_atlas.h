// The editor's ImGui font atlas, built for one language at a time: Latin for everyone, the
// Arabic block for Arabic, and for Chinese only the characters its translations use.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace graphony::editor::text {

// The Noto faces from Debian's fonts-noto-core and fonts-noto-cjk. Empty path: not found.
struct FontFiles {
  std::string latin;   // Noto Sans (DejaVu Sans as a last resort)
  std::string arabic;  // Noto Sans Arabic (Naskh as a second choice)
  std::string cjk;     // Noto Sans CJK, a collection (.ttc)
  int cjk_face = 0;    // the Simplified Chinese face inside it
};
// Known Debian paths first (instant), then fc-match (a subprocess, ~100 ms): found once.
const FontFiles& FindFonts();

// Drawn where the atlas has no glyph for a character (a hollow box, never '?', so it can be
// told apart from a real question mark and counted; see CountMissingGlyphsDrawn).
constexpr ImWchar kMissingGlyph = 0xE000;  // a private-use code point

struct AtlasStats {
  int glyphs = 0;      // glyphs in the atlas (the fonts' own, not just the ones asked for)
  int cjk_glyphs = 0;  // of which Chinese characters and punctuation
  int tex_w = 0, tex_h = 0;
  bool found_fonts = true;  // false: ImGui's built-in font stood in (no Noto, no DejaVu)
};

// Every translated text of `language`'s catalogue (graphony.mo under the directory gettext
// is bound to), so the atlas can hold exactly their characters. Empty when there is none.
std::vector<std::string> CatalogueTexts(const std::string& language);

// Clears `atlas` and fills it for `language` at `size_px`: the characters in `texts` (the
// catalogue), every language's own name (for the picker) and the language's script. Builds
// the atlas pixels and installs the missing-glyph box as the font's fallback; the caller
// uploads the texture (ImGuiSfmlBridge::RebuildFonts).
AtlasStats BuildAtlas(ImFontAtlas& atlas, const std::string& language, float size_px,
                      const std::vector<std::string>& texts);

// After ImGui::Render(): how many characters in `draw_data` were drawn as the missing-glyph
// box, i.e. characters the atlas lacks.
int CountMissingGlyphsDrawn(const ImDrawData* draw_data, const ImFont* font);

}  // namespace graphony::editor::text
