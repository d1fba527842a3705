// The graphic score pages: the picture and strokes as painted, in strips across the pages.
#include "notation/print_graphic.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/pitch.h"
#include "notation/print_text.h"

namespace graphony::notation {

namespace {

constexpr double kLabelWidth = 34;  // pitch names left of each strip
constexpr double kRulerHeight = 16;
constexpr double kStripHeight = 150;
constexpr double kStripGap = 18;
constexpr int kMaxImageSide = 2048;  // enough for print; keeps the PDF small

using SurfacePtr = std::shared_ptr<cairo_surface_t>;

// Decoded RGBA -> premultiplied cairo ARGB32, downscaled (nearest) to at most kMaxImageSide.
SurfacePtr ImageSurface(const Image& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() < static_cast<size_t>(image.width) * image.height * 4)
    return nullptr;
  const double scale =
      std::min(1.0, static_cast<double>(kMaxImageSide) / std::max(image.width, image.height));
  const int w = std::max(1, static_cast<int>(image.width * scale));
  const int h = std::max(1, static_cast<int>(image.height * scale));
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    return nullptr;
  }
  cairo_surface_flush(s);
  unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < h; ++y) {
    const int sy = std::min(image.height - 1, static_cast<int>(y / scale));
    uint32_t* row = reinterpret_cast<uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      const int sx = std::min(image.width - 1, static_cast<int>(x / scale));
      const uint8_t* p = &image.rgba[(static_cast<size_t>(sy) * image.width + sx) * 4];
      const uint32_t a = p[3];
      row[x] = (a << 24) | ((p[0] * a / 255) << 16) | ((p[1] * a / 255) << 8) | (p[2] * a / 255);
    }
  }
  cairo_surface_mark_dirty(s);
  return SurfacePtr(s, cairo_surface_destroy);
}

struct Shared {
  Score score;                     // a copy: painters outlive nothing, but keep them self-contained
  std::vector<SurfacePtr> images;  // per layer (null for stroke layers)
  double total_beats = 0;
  double beats_per_measure = 4;
};

double EndOfMusic(const Score& score) {
  double end = std::max(1.0, score.length_beats);
  for (const Layer& layer : score.layers) {
    if (layer.kind == Layer::Kind::kImage)
      end = std::max(end, layer.image.start_beat + layer.image.length_beats);
    if (layer.kind == Layer::Kind::kStrokes)
      for (const Stroke& s : layer.strokes.strokes)
        for (const StrokePoint& p : s.points)
          if (std::isfinite(p.beat)) end = std::max(end, p.beat);
  }
  return std::min(end, kMaxBeats);
}

// Draws beats t0..t1 of the timeline at `scale` points per beat, `height` points tall (the
// height axis 0..1 of the score), with its ruler above `top`.
void DrawStrip(cairo_t* cr, const Shared& sh, double t0, double t1, double left, double top,
               double scale, double height) {
  const Score& score = sh.score;
  t1 = std::min(t1, sh.total_beats);
  auto x_of = [&](double beat) { return left + (beat - t0) * scale; };
  auto y_of = [&](double h) { return top + (1 - h) * height; };
  const double right = x_of(t1);

  // Ruler: beats as small ticks, bars as long ticks with their numbers.
  TextStyle small;
  small.size = 7;
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.5);
  // On a zoomed-out overview, bar numbers thin out to one every `every` bars (14 pt apart).
  const int label_every =
      std::max(1, static_cast<int>(std::ceil(14.0 / (scale * sh.beats_per_measure))));
  for (int b = static_cast<int>(std::ceil(t0)); b <= static_cast<int>(std::floor(t1)); ++b) {
    const bool bar = std::fmod(b, sh.beats_per_measure) == 0;
    if (!bar && scale < 3) continue;
    cairo_move_to(cr, x_of(b), top);
    cairo_line_to(cr, x_of(b), top - (bar ? 7 : 3));
    cairo_stroke(cr);
    const int number = static_cast<int>(b / sh.beats_per_measure);
    if (bar && b < t1 && number % label_every == 0)
      DrawText(cr, std::to_string(number + 1), x_of(b) + 1.5, top - kRulerHeight, small);
  }
  for (const SectionMarker& s : score.sections)
    if (s.beat >= t0 && s.beat < t1) {
      TextStyle bold = small;
      bold.bold = true;
      DrawText(cr, s.label, x_of(s.beat) + 14, top - kRulerHeight, bold);
    }

  cairo_save(cr);
  cairo_rectangle(cr, left, top, right - left, height);
  cairo_clip(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);

  // The picture, as placed on the timeline.
  for (size_t i = 0; i < score.layers.size(); ++i) {
    const Layer& layer = score.layers[i];
    if (!layer.visible || layer.kind != Layer::Kind::kImage || !sh.images[i]) continue;
    const ImageLayer& im = layer.image;
    if (im.start_beat + im.length_beats < t0 || im.start_beat > t1 || im.length_beats <= 0 ||
        im.top <= im.bottom)
      continue;
    cairo_surface_t* surface = sh.images[i].get();
    const double w = cairo_image_surface_get_width(surface),
                 h = cairo_image_surface_get_height(surface);
    // Each use sits in its own group: cairo 1.16 otherwise lists a picture painted in several
    // strips of one page twice in the page's resources, which qpdf reports as damage.
    cairo_push_group(cr);
    cairo_save(cr);
    cairo_translate(cr, x_of(im.start_beat), y_of(im.top));
    cairo_scale(cr, im.length_beats * scale / w, (im.top - im.bottom) * height / h);
    cairo_set_source_surface(cr, surface, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_pop_group_to_source(cr);
    cairo_paint_with_alpha(cr, std::clamp(static_cast<double>(im.opacity), 0.0, 1.0));
  }

  // Bar lines and pitch guides over the picture, thin enough not to hide it.
  cairo_set_line_width(cr, 0.4);
  for (int b = static_cast<int>(std::ceil(t0)); b <= static_cast<int>(std::floor(t1)); ++b) {
    const bool bar = std::fmod(b, sh.beats_per_measure) == 0;
    if (!bar && scale < 3) continue;
    cairo_set_source_rgba(cr, 0, 0, 0, bar ? 0.45 : 0.12);
    cairo_move_to(cr, x_of(b), top);
    cairo_line_to(cr, x_of(b), top + height);
    cairo_stroke(cr);
  }
  std::vector<int> guides = ScaleNotesInRange(score.mapping);
  if (guides.empty())  // no scale: every C, E and G
    for (int p = static_cast<int>(std::ceil(score.mapping.lowest)); p <= score.mapping.highest; ++p)
      if (p % 12 == 0 || p % 12 == 4 || p % 12 == 7) guides.push_back(p);
  const int root_pc = ((score.mapping.root % 12) + 12) % 12;
  for (int p : guides) {
    // A light line beside a dark one: visible on dark pictures and light paper alike.
    const bool tonic = p % 12 == root_pc;
    const double y = y_of(PitchToHeight(score.mapping, p));
    cairo_set_source_rgba(cr, 1, 1, 1, tonic ? 0.6 : 0.35);
    cairo_move_to(cr, left, y + 0.5);
    cairo_line_to(cr, right, y + 0.5);
    cairo_stroke(cr);
    cairo_set_source_rgba(cr, 0, 0, 0, tonic ? 0.45 : 0.2);
    cairo_move_to(cr, left, y);
    cairo_line_to(cr, right, y);
    cairo_stroke(cr);
  }

  // Strokes as painted: a dark rim under the colour, and the palette letter at the start.
  struct Tag {
    double x, y;
    std::string letter;
  };
  std::vector<Tag> tags;
  for (const Layer& layer : score.layers) {
    if (!layer.visible || layer.kind != Layer::Kind::kStrokes) continue;
    for (const Stroke& stroke : layer.strokes.strokes) {
      if (stroke.points.empty()) continue;
      double lo = stroke.points[0].beat, hi = lo;
      for (const StrokePoint& p : stroke.points)
        lo = std::min(lo, p.beat), hi = std::max(hi, p.beat);
      if (!(hi >= t0 && lo <= t1) || !std::isfinite(stroke.width)) continue;
      const double line = std::max(1.0, stroke.width * height);
      cairo_new_path(cr);
      for (const StrokePoint& p : stroke.points)  // a non-finite point would break the page
        if (std::isfinite(p.beat) && std::isfinite(p.height))
          cairo_line_to(cr, x_of(p.beat), y_of(p.height));
      if (stroke.points.size() == 1)
        cairo_line_to(cr, x_of(stroke.points[0].beat) + 0.01, y_of(stroke.points[0].height));
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      cairo_set_line_width(cr, line + 1.2);
      cairo_stroke_preserve(cr);
      cairo_set_source_rgba(cr, stroke.color.r / 255.0, stroke.color.g / 255.0,
                            stroke.color.b / 255.0, std::max(0.6, stroke.color.a / 255.0));
      cairo_set_line_width(cr, line);
      cairo_stroke(cr);
      for (const StrokePoint& p : stroke.points)
        if (p.beat >= t0 && p.beat <= t1) {
          tags.push_back({std::max(x_of(p.beat), left + 6), y_of(p.height),
                          PaletteLetter(PaletteIndexOf(score, stroke.color))});
          break;
        }
    }
  }
  for (const Tag& t : tags)
    DrawLetterTag(cr, t.letter, t.x, std::clamp(t.y, top + 6, top + height - 6), 7);
  cairo_restore(cr);

  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.8);
  cairo_rectangle(cr, left, top, right - left, height);
  cairo_stroke(cr);

  // Pitch names left of the strip; crowded guides are labelled every other line.
  const double band = height / std::max<size_t>(1, guides.size());
  const size_t every = band < 7 ? static_cast<size_t>(std::ceil(7 / band)) : 1;
  const bool flats = KeyPrefersFlats(score.mapping);
  TextStyle label;
  label.size = std::min(7.0, std::max(5.0, band * 0.9));
  label.align = Align::kRight;
  for (size_t i = 0; i < guides.size(); ++i) {
    if (i % every != 0 && guides[i] % 12 != root_pc) continue;
    double w = 0, h = 0;
    const std::string name = NoteName(guides[i], flats);
    MeasureText(cr, name, label, &w, &h);
    DrawText(cr, name, left - 3, y_of(PitchToHeight(score.mapping, guides[i])) - h / 2, label);
  }
}

// The page layout of the graphic score: an overview of the whole timeline, then (when the
// overview is too small to read beat by beat) zoomed strips of whole bars.
struct Layout {
  double overview_scale = 0, overview_height = 0;  // points per beat, points
  double strip_beats = 0, strip_scale = 0, strip_height = 0;
  int strips = 0;
  std::vector<int> strips_on_page;  // page 0 holds the overview first
};

// Height (points) of the 0..1 height axis per point per beat that keeps `image` undistorted:
// its box is length * scale wide and (top - bottom) * height tall.
double AspectFactor(const Shared& sh) {
  for (size_t i = 0; i < sh.score.layers.size(); ++i) {
    const Layer& layer = sh.score.layers[i];
    if (!layer.visible || layer.kind != Layer::Kind::kImage || !sh.images[i]) continue;
    const ImageLayer& im = layer.image;
    if (im.length_beats <= 0 || im.top - im.bottom <= 1e-6) continue;
    const double w = layer.image.pixels->width, h = layer.image.pixels->height;
    return h / w * im.length_beats / (im.top - im.bottom);
  }
  return 0;  // no picture: strokes only, any height reads
}

Layout PlanPages(const Shared& sh, double width, double first_avail, double avail, double reserve) {
  Layout plan;
  const double overhead = kRulerHeight + kStripGap;
  const double bar = sh.beats_per_measure;
  const double bars_total = std::ceil(sh.total_beats / bar - 1e-9);
  double aspect = AspectFactor(sh);
  const bool picture = aspect > 0;
  // Without a picture, the height axis is kStripHeight tall at 16 beats across the page.
  if (!picture) aspect = kStripHeight / (width / 16.0);
  plan.overview_scale = std::min(width / sh.total_beats, (first_avail - overhead) / aspect);
  // Room for what follows on the same page (the legend), if the overview stays at least 75 %
  // of its full size and still reads bar by bar.
  const double smaller = (first_avail - overhead - reserve) / aspect;
  if (reserve > 0 && smaller >= 0.75 * plan.overview_scale && smaller >= 12)
    plan.overview_scale = std::min(plan.overview_scale, smaller);
  plan.overview_height = aspect * plan.overview_scale;
  // Strokes alone can be drawn at any height: keep a long score's overview readable.
  if (!picture) plan.overview_height = std::max(plan.overview_height, 90.0);
  // Strips only when the overview is too small to read bar by bar (< 12 pt a beat). Try n
  // (2..6) strips a page and take the one that leaves the least paper empty, preferring about
  // 24 pt a beat; a strip zooms in at least 1.5x. A picture too tall to zoom into two strips a
  // page is best read in its overview (zooming further only enlarges its pixels).
  if (plan.overview_scale >= 12) {
    plan.strips_on_page = {0};
    return plan;
  }
  double best = 1e18;
  for (int per_page = 2; per_page <= 6; ++per_page) {
    double scale = (avail - per_page * overhead) / per_page / aspect;
    double beats = std::min(bars_total, std::floor(width / scale / bar)) * bar;
    if (beats < bar) {  // one bar is wider than the page: shrink to fit it
      scale = width / bar;
      beats = bar;
    }
    const double height = aspect * scale;
    if (height < 60 || scale < plan.overview_scale * 1.5) continue;
    const int strips = static_cast<int>(std::ceil(sh.total_beats / beats - 1e-9));
    std::vector<int> on_page = {0};
    double left_on_page = first_avail - (plan.overview_height + overhead);
    for (int s = 0; s < strips; ++s) {
      if (left_on_page < height + overhead) {
        on_page.push_back(0);
        left_on_page = avail;
      }
      ++on_page.back();
      left_on_page -= height + overhead;
    }
    const double paper = first_avail + (on_page.size() - 1) * avail;
    const double drawn = plan.overview_height + strips * height * beats * scale / width;
    const double cost = 1 - drawn / paper + 0.5 * std::abs(std::log(scale / 24.0));
    if (cost < best) {
      best = cost;
      plan.strip_beats = beats;
      plan.strip_scale = scale;
      plan.strip_height = height;
      plan.strips = strips;
      plan.strips_on_page = on_page;
    }
  }
  if (plan.strips == 0) plan.strips_on_page = {0};
  return plan;
}

}  // namespace

std::vector<PagePainter> GraphicPages(const Score& score, const PageGeometry& page,
                                      bool title_block, double* last_bottom, double reserve) {
  auto sh = std::make_shared<Shared>();
  sh->score = score;
  sh->score.assets = {};  // bytes are not needed for drawing
  for (const Layer& layer : score.layers)
    sh->images.push_back(layer.kind == Layer::Kind::kImage && layer.image.pixels
                             ? ImageSurface(*layer.image.pixels)
                             : nullptr);
  sh->total_beats = EndOfMusic(score);
  sh->beats_per_measure = std::max(1, score.meter.numerator);

  const double left = page.margin + kLabelWidth;
  const double width = page.width - page.margin - left;
  const double bottom = page.height - page.margin - 12;  // the footer sits below
  const double first_top = page.margin + (title_block ? TitleBlockHeight(score, page) : 0);
  const Layout plan = PlanPages(*sh, width, bottom - first_top, bottom - page.margin, reserve);

  std::vector<PagePainter> pages;
  int strip = 0;
  for (size_t p = 0; p < plan.strips_on_page.size(); ++p) {
    const int first = strip, count = plan.strips_on_page[p];
    strip += count;
    const bool overview = p == 0;
    if (last_bottom) {  // the same arithmetic as the painter below
      double y =
          overview ? first_top + kRulerHeight + plan.overview_height + kStripGap : page.margin;
      y += count * (kRulerHeight + plan.strip_height + kStripGap);
      *last_bottom = y;
    }
    pages.push_back(
        [sh, plan, first, count, overview, title_block, page, left, width](cairo_t* cr) {
          double y = page.margin;
          if (overview) {
            if (title_block) y = DrawTitleBlock(cr, sh->score, page);
            // A tall picture's overview is narrower than the page: centre it.
            const double spare = width - sh->total_beats * plan.overview_scale;
            DrawStrip(cr, *sh, 0, sh->total_beats, left + std::max(0.0, spare / 2),
                      y + kRulerHeight, plan.overview_scale, plan.overview_height);
            y += kRulerHeight + plan.overview_height + kStripGap;
          }
          for (int i = 0; i < count; ++i) {
            const double t0 = (first + i) * plan.strip_beats;
            DrawStrip(cr, *sh, t0, t0 + plan.strip_beats, left, y + kRulerHeight, plan.strip_scale,
                      plan.strip_height);
            y += kRulerHeight + plan.strip_height + kStripGap;
          }
        });
  }
  return pages;
}

}  // namespace graphony::notation
