// Text on printed pages through pango.
#include "notation/print_text.h"

#include <pango/pangocairo.h>

#include "core/i18n.h"

namespace graphony::notation {

namespace {

// The Noto families (fonts-noto-core, fonts-noto-cjk) come first, so every script we print
// in is drawn by a face made for it and embedded in the PDF; the language's own face leads,
// so its punctuation and digits match its letters. DejaVu (or fontconfig's sans/serif) stands
// in where Noto is not installed; Noto Music has the clefs.
// NOT-UI: fontconfig family lists
constexpr const char* kChineseSerif = "Noto Serif CJK SC,Noto Serif,Noto Music,DejaVu Serif,serif";
// NOT-UI: fontconfig family lists
constexpr const char* kChineseSans = "Noto Sans CJK SC,Noto Sans,Noto Music,DejaVu Sans,sans";
// Noto Sans Arabic for headings too: Naskh's stacked ligatures come out of the PDF as broken
// lines of text (pdftotext, screen readers), and a bold sans reads well large.
// NOT-UI: fontconfig family lists
constexpr const char* kArabicSerif = "Noto Sans Arabic,Noto Serif,Noto Music,DejaVu Serif,serif";
// NOT-UI: fontconfig family lists
constexpr const char* kArabicSans = "Noto Sans Arabic,Noto Sans,Noto Music,DejaVu Sans,sans";
// NOT-UI: fontconfig family lists
constexpr const char* kSerif = "Noto Serif,Noto Sans Arabic,Noto Serif CJK SC,Noto Music,serif";
// NOT-UI: fontconfig family lists
constexpr const char* kSans = "Noto Sans,Noto Sans Arabic,Noto Sans CJK SC,Noto Music,sans";

const char* FontFamilies(const std::string& language, bool serif) {
  if (language == "zh_CN") return serif ? kChineseSerif : kChineseSans;
  if (language == "ar") return serif ? kArabicSerif : kArabicSans;
  return serif ? kSerif : kSans;
}

PangoLayout* MakeLayout(cairo_t* cr, const std::string& text, const TextStyle& style) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  // The language printing now (the score's, see PrintScore) picks the fonts and tells pango
  // how to shape and which glyph variants to use (Simplified Chinese forms of Han characters).
  const std::string language = i18n::ThreadLanguage();
  std::string tag = language;
  for (char& c : tag)
    if (c == '_') c = '-';
  pango_context_set_language(pango_layout_get_context(layout),
                             pango_language_from_string(tag.c_str()));
  pango_layout_context_changed(layout);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, FontFamilies(language, style.serif));
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  if (style.width > 0) {
    pango_layout_set_width(layout, static_cast<int>(style.width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  // Invalid UTF-8 would make pango complain and draw nothing; it is validated here.
  const char* end = nullptr;
  if (g_utf8_validate(text.c_str(), static_cast<gssize>(text.size()), &end))
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
  else
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(end - text.c_str()));
  return layout;
}

}  // namespace

void MeasureText(cairo_t* cr, const std::string& text, const TextStyle& style, double* width,
                 double* height) {
  PangoLayout* layout = MakeLayout(cr, text, style);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  *width = static_cast<double>(w) / PANGO_SCALE;
  *height = static_cast<double>(h) / PANGO_SCALE;
  g_object_unref(layout);
}

double DrawText(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style) {
  PangoLayout* layout = MakeLayout(cr, text, style);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  const double width = static_cast<double>(w) / PANGO_SCALE;
  double left = x;
  if (style.width > 0) {
    PangoAlignment a = style.align == Align::kCenter  ? PANGO_ALIGN_CENTER
                       : style.align == Align::kRight ? PANGO_ALIGN_RIGHT
                                                      : PANGO_ALIGN_LEFT;
    pango_layout_set_alignment(layout, a);
  } else {
    switch (style.align) {
      case Align::kLeft:
        break;
      case Align::kCenter:
        left = x - width / 2;
        break;
      case Align::kRight:
        left = x - width;
        break;
    }
  }
  cairo_move_to(cr, left, y);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
  return static_cast<double>(h) / PANGO_SCALE;
}

}  // namespace graphony::notation
