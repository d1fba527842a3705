// Shared pieces of the printed pages: palette letters and hatches, title block, footer.
#include "notation/print_common.h"

#include <cmath>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/people.h"
#include "core/pitch.h"
#include "core/score_defaults.h"
#include "notation/credits.h"
#include "notation/print_text.h"

namespace graphony::notation {

std::string PaletteLetter(int index) {
  if (index < 0) return "?";
  std::string s(1, static_cast<char>('A' + index % 26));
  if (index >= 26) s += std::to_string(index / 26 + 1);
  return s;
}

int PaletteIndexOf(const Score& score, const Color& c) {
  int best = -1;
  long best_distance = 0;
  for (size_t i = 0; i < score.palette.size(); ++i) {
    const Color& p = score.palette[i].color;
    const long d =
        (p.r - c.r) * (p.r - c.r) + (p.g - c.g) * (p.g - c.g) + (p.b - c.b) * (p.b - c.b);
    if (best < 0 || d < best_distance) best = static_cast<int>(i), best_distance = d;
  }
  return best;
}

void DrawSwatch(cairo_t* cr, const Color& c, int index, double x, double y, double w, double h) {
  cairo_save(cr);
  cairo_rectangle(cr, x, y, w, h);
  cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
  cairo_fill_preserve(cr);
  cairo_clip(cr);
  // The pattern is drawn in black or white, whichever contrasts with the colour.
  const double luma = (0.299 * c.r + 0.587 * c.g + 0.114 * c.b) / 255.0;
  const double ink = luma > 0.5 ? 0.0 : 1.0;
  cairo_set_source_rgb(cr, ink, ink, ink);
  cairo_set_line_width(cr, 1.0);
  const int kind = index % 6;
  const double step = 5;
  cairo_new_path(cr);
  if (kind == 4) {  // dots
    for (double py = y + step / 2; py < y + h; py += step)
      for (double px = x + step / 2; px < x + w; px += step) {
        cairo_arc(cr, px, py, 1.1, 0, 2 * M_PI);
        cairo_fill(cr);
      }
  } else {
    static const double kAngles[6][2] = {{45, -1}, {-45, -1}, {0, -1}, {90, -1}, {0, 0}, {45, -45}};
    for (double angle : kAngles[kind]) {
      if (angle < -90) continue;
      const double a = angle * M_PI / 180;
      const double dx = std::cos(a), dy = std::sin(a);
      const double reach = w + h;
      for (double o = -reach; o < reach; o += step) {
        // Lines perpendicular offset o from the swatch centre.
        const double cx = x + w / 2 - dy * o, cy = y + h / 2 + dx * o;
        cairo_move_to(cr, cx - dx * reach, cy - dy * reach);
        cairo_line_to(cr, cx + dx * reach, cy + dy * reach);
      }
      cairo_stroke(cr);
    }
  }
  cairo_restore(cr);
  cairo_rectangle(cr, x, y, w, h);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.8);
  cairo_stroke(cr);
}

void DrawLetterTag(cairo_t* cr, const std::string& letter, double x, double y, double size) {
  cairo_new_path(cr);  // text leaves a current point; an arc would join it with a line
  cairo_arc(cr, x, y, size * 0.75, 0, 2 * M_PI);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
  TextStyle style;
  style.size = size;
  style.bold = true;
  style.align = Align::kCenter;
  double w = 0, h = 0;
  MeasureText(cr, letter, style, &w, &h);
  DrawText(cr, letter, x, y - h / 2, style);
}

std::string PrintedDate(const Score& score) {
  if (!score.date.empty()) return score.date;
  const std::string today = TodayIsoDate();  // an older score made without a date
  // TRANSLATORS: under the title of a score made without a date; {date} is like 2026-12-01
  return today.empty() ? "" : i18n::Fill(_("printed {date}"), {{"date", today}});
}

double DrawTitleBlock(cairo_t* cr, const Score& score, const PageGeometry& page) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  double y = page.margin;
  TextStyle title;
  title.size = 22;
  title.bold = true;
  title.serif = true;
  title.align = Align::kCenter;
  title.width = page.width - 2 * page.margin;
  y += DrawText(cr, score.title, page.margin, y, title) + 4;
  TextStyle line;
  line.size = 11;
  line.align = Align::kCenter;
  line.width = title.width;
  const std::string credits = CreditLine(score.contributors);
  if (!credits.empty()) y += DrawText(cr, MusicBy(credits), page.margin, y, line) + 2;
  y += DrawText(cr, PrintedDate(score), page.margin, y, line) + 2;
  return y + 10;
}

double TitleBlockHeight(const Score& score, const PageGeometry& page) {
  cairo_surface_t* scratch = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* cr = cairo_create(scratch);
  const double y = DrawTitleBlock(cr, score, page);
  cairo_destroy(cr);
  cairo_surface_destroy(scratch);
  return y - page.margin;
}

void DrawFooter(cairo_t* cr, const Score& score, const PageGeometry& page, int number) {
  TextStyle style;
  style.size = 8;
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  DrawText(cr, score.title, page.margin, page.height - page.margin * 0.7, style);
  style.align = Align::kRight;
  // TRANSLATORS: the page number at the foot of each printed page
  DrawText(cr, i18n::Fill(_("page {number}"), {{"number", std::to_string(number)}}),
           page.width - page.margin, page.height - page.margin * 0.7, style);
  cairo_set_source_rgb(cr, 0, 0, 0);
}

std::string ScaleInWords(const Mapping& m) {
  if (m.scale == "none")
    return _("Notes can be any pitch between the lowest and the highest; there is no fixed scale.");
  std::string tonic = NoteName(m.root, KeyPrefersFlats(m));
  while (!tonic.empty() &&
         (std::isdigit(static_cast<unsigned char>(tonic.back())) || tonic.back() == '-'))
    tonic.pop_back();
  if (tonic.empty()) tonic = PitchClassName(m.root);
  // The scale's name is the one the editor's menu shows (core/pitch.cpp), translated.
  // TRANSLATORS: {scale} is a scale's name ("Major pentatonic"), {tonic} a note ("C", "Bb")
  return i18n::Fill(_("Notes come from this scale: {scale}, starting on {tonic}."),
                    {{"scale", _(ScaleLabel(m.scale))}, {"tonic", tonic}});
}

}  // namespace graphony::notation
