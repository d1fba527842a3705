// The per-language atlas with the real Noto fonts, drawn headless with ImGui (no window):
// which glyphs each language gets, and that the missing-glyph count sees what is not there.
#include "text/font_atlas.h"

#include <doctest/doctest.h>
#include <libintl.h>

#include <cstdio>
#include <set>
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "text/bidi_text.h"

using namespace graphony::editor::text;

namespace {

// An ImGui context with no backend: enough to build atlases and lay out and "draw" a frame.
struct Headless {
  Headless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.f / 60;
  }
  ~Headless() { ImGui::DestroyContext(); }
  // Draws `texts` in one window and returns how many characters came out as the box.
  int MissingWhenDrawn(std::initializer_list<const char*> texts) {
    // Twice: a new window is laid out but not drawn on its first frame.
    for (int frame = 0; frame < 2; ++frame) {
      ImGui::NewFrame();
      ImGui::Begin("t");
      for (const char* t : texts) ImGui::TextUnformatted(t);
      ImGui::End();
      ImGui::Render();
    }
    return CountMissingGlyphsDrawn(ImGui::GetDrawData(), ImGui::GetIO().Fonts->Fonts[0]);
  }
};

std::set<unsigned> CodePoints(const std::string& s) {
  std::set<unsigned> out;
  for (const char* p = s.c_str(); *p;) {
    unsigned c = 0;
    p += ImTextCharFromUtf8(&c, p, nullptr);
    out.insert(c);
  }
  return out;
}

bool Has(unsigned c) {
  return ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr;
}

void UseTestCatalogues() { bindtextdomain("graphony", GRAPHONY_TEST_LOCALEDIR); }

}  // namespace

TEST_CASE("the Noto faces from Debian are found, and the CJK collection's Chinese face") {
  const FontFiles& f = FindFonts();
  CHECK(f.latin.find("NotoSans-Regular") != std::string::npos);
  CHECK(f.arabic.find("Arabic") != std::string::npos);
  REQUIRE(f.cjk.find("NotoSansCJK") != std::string::npos);
  // fontconfig's own answer for the Simplified Chinese face of the same collection.
  FILE* p = popen("fc-match -f '%{index}' 'Noto Sans CJK SC:style=Regular'", "r");
  REQUIRE(p);
  int fc_index = -1;
  CHECK(std::fscanf(p, "%d", &fc_index) == 1);
  pclose(p);
  CHECK(f.cjk_face == fc_index);
}

TEST_CASE("the catalogue's translated texts are read from the .mo file") {
  UseTestCatalogues();
  const auto zh = CatalogueTexts("zh_CN");
  REQUIRE(zh.size() == 5);  // the header entry is skipped
  bool found = false;
  for (const auto& t : zh) found = found || t == "空白画布";
  CHECK(found);
  CHECK(CatalogueTexts("en").empty());
  CHECK(CatalogueTexts("pl").empty());  // no Polish test catalogue
}

TEST_CASE("Chinese: only the characters its translations use, all of them present") {
  UseTestCatalogues();
  Headless h;
  const auto texts = CatalogueTexts("zh_CN");
  const AtlasStats zh = BuildAtlas(*ImGui::GetIO().Fonts, "zh_CN", 17, texts);
  std::set<unsigned> used = CodePoints("中文");  // the picker's own name, in every atlas
  for (const auto& t : texts)
    for (unsigned c : CodePoints(t)) used.insert(c);
  for (unsigned c : used) CHECK_MESSAGE(Has(c), "missing code point " << c);
  CHECK_FALSE(Has(0x9F8D));    // 龍: in the font, but no UI string uses it
  CHECK(zh.cjk_glyphs < 150);  // the catalogue's ~30, punctuation, 中文
  CHECK(Has(0x0142));          // ł: Latin letters stay for people's names
  // The Chinese atlas is not bigger than a few times the English one.
  const AtlasStats en = BuildAtlas(*ImGui::GetIO().Fonts, "en", 17, {});
  CHECK(zh.tex_w * zh.tex_h <= 2 * en.tex_w * en.tex_h);
}

TEST_CASE("Arabic: the letters and the joined forms, and the Latin letters") {
  Headless h;
  BuildAtlas(*ImGui::GetIO().Fonts, "ar", 17, {});
  for (unsigned c : {0x0627u, 0x0644u, 0xFE8Du, 0xFEDFu, 0xFEFCu, 0xFEB3u, 0x0219u, 0x0105u})
    CHECK_MESSAGE(Has(c), "missing code point " << c);
  CHECK_FALSE(Has(0x97F3));  // 音: Chinese only comes with the Chinese catalogue
}

TEST_CASE("the missing-glyph count: Chinese text with a Latin-only atlas gives > 0") {
  UseTestCatalogues();
  Headless h;
  BuildAtlas(*ImGui::GetIO().Fonts, "en", 17, {});
  // 空白画布 (empty canvas): four characters the English atlas does not have.
  CHECK(h.MissingWhenDrawn({"空白画布"}) == 4);
  CHECK(h.MissingWhenDrawn({"Empty canvas ? Polski Română Shqip Italiano"}) == 0);
  // A real question mark is not counted: the box, not '?', stands for a missing glyph.
  CHECK(h.MissingWhenDrawn({"???"}) == 0);
  // With the Chinese atlas, built from the catalogue, the same text is all there.
  BuildAtlas(*ImGui::GetIO().Fonts, "zh_CN", 17, CatalogueTexts("zh_CN"));
  CHECK(h.MissingWhenDrawn({"空白画布", "中文"}) == 0);
  CHECK(h.MissingWhenDrawn({"龍"}) == 1);
}

TEST_CASE("Arabic shaped for drawing has every glyph; unshaped Arabic in English does not") {
  Headless h;
  BuildAtlas(*ImGui::GetIO().Fonts, "ar", 17, {});
  const std::string words = ToVisual("لوحة فارغة", true);
  CHECK(h.MissingWhenDrawn({words.c_str(), ToVisual("العربية", true).c_str()}) == 0);
  BuildAtlas(*ImGui::GetIO().Fonts, "en", 17, {});
  // English atlas: the picker's name العربية is there (shaped), other Arabic words are not.
  CHECK(h.MissingWhenDrawn({ToVisual("العربية", true).c_str()}) == 0);
  CHECK(h.MissingWhenDrawn({words.c_str()}) > 0);
}

TEST_CASE("a plural's forms are read one by one, and the atlas still builds with them") {
  // Regression: the forms are NUL-separated in the .mo; a NUL reaching the glyph builder
  // made its ranges start at 0, so no glyph was loaded and ImGui asserted in Build().
  UseTestCatalogues();
  const auto texts = CatalogueTexts("ar");
  bool two = false;
  for (const std::string& t : texts) {
    CHECK(t.find('\0') == std::string::npos);
    two = two || t == "مازورتان";
  }
  CHECK(two);
  Headless h;
  const AtlasStats stats = BuildAtlas(*ImGui::GetIO().Fonts, "ar", 17, texts);
  CHECK(stats.glyphs > 200);
}
