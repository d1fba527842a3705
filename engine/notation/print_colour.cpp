// Colour notation pages (Figurenotes-compatible): coloured shapes in bars, one part per page.
#include "notation/print_colour.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "notation/credits.h"
#include "notation/print_text.h"

namespace graphony::notation {

namespace {

constexpr double kShape = 26;         // a note's shape, points (large print)
constexpr double kLane = kShape + 8;  // one row of shapes
constexpr double kMinBeat = 36;       // a beat is at least this wide
constexpr const char* kLetters[7] = {"C", "D", "E", "F", "G", "A", "B"};

void SetColour(cairo_t* cr, const Color& c) {
  cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
}

// Black or white, whichever reads on `c`.
double InkOn(const Color& c) { return (0.299 * c.r + 0.587 * c.g + 0.114 * c.b) > 140 ? 0 : 1; }

// The outline of a shape centred on (x, y), `s` across.
void ShapePath(cairo_t* cr, int shape, double x, double y, double s) {
  const double r = s / 2;
  cairo_new_path(cr);
  switch (shape) {
    case 0: {  // cross: two bars, a third of the size thick
      const double t = s / 6;
      cairo_move_to(cr, x - t, y - r);
      cairo_line_to(cr, x + t, y - r);
      cairo_line_to(cr, x + t, y - t);
      cairo_line_to(cr, x + r, y - t);
      cairo_line_to(cr, x + r, y + t);
      cairo_line_to(cr, x + t, y + t);
      cairo_line_to(cr, x + t, y + r);
      cairo_line_to(cr, x - t, y + r);
      cairo_line_to(cr, x - t, y + t);
      cairo_line_to(cr, x - r, y + t);
      cairo_line_to(cr, x - r, y - t);
      cairo_line_to(cr, x - t, y - t);
      break;
    }
    case 1:
      cairo_rectangle(cr, x - r * 0.9, y - r * 0.9, s * 0.9, s * 0.9);
      break;
    case 2:
      cairo_arc(cr, x, y, r, 0, 2 * M_PI);
      break;
    case 3:
      cairo_move_to(cr, x, y - r);
      cairo_line_to(cr, x + r, y + r * 0.8);
      cairo_line_to(cr, x - r, y + r * 0.8);
      break;
    default:
      cairo_move_to(cr, x, y - r);
      cairo_line_to(cr, x + r, y);
      cairo_line_to(cr, x, y + r);
      cairo_line_to(cr, x - r, y);
      break;
  }
  cairo_close_path(cr);
}

// One note: its shape in its colour with a dark outline (yellow shows on white paper), the
// letter inside, and an arrow for a sharp (pointing right) or a flat (pointing left).
void DrawNoteShape(cairo_t* cr, const Spelling& sp, double x, double y, double s) {
  const Color c = NoteLetterColour(sp.letter);
  const int shape = OctaveShape(sp.octave);
  ShapePath(cr, shape, x, y, s);
  SetColour(cr, c);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
  cairo_set_line_width(cr, 1.0);
  cairo_stroke(cr);
  const double ink = InkOn(c);
  cairo_set_source_rgb(cr, ink, ink, ink);
  TextStyle letter;
  letter.size = s * 0.42;
  letter.bold = true;
  letter.align = Align::kCenter;
  double w = 0, h = 0;
  MeasureText(cr, kLetters[sp.letter], letter, &w, &h);
  DrawText(cr, kLetters[sp.letter], x, y - h / 2 + (shape == 3 ? s * 0.12 : 0), letter);
  if (sp.alter != 0) {
    const double dir = sp.alter > 0 ? 1 : -1, ax = x + dir * s * 0.1, ay = y - s * 0.62;
    cairo_new_path(cr);
    cairo_move_to(cr, ax - dir * s * 0.35, ay - 2);
    cairo_line_to(cr, ax, ay - 2);
    cairo_line_to(cr, ax, ay - 5);
    cairo_line_to(cr, ax + dir * s * 0.3, ay);
    cairo_line_to(cr, ax, ay + 5);
    cairo_line_to(cr, ax, ay + 2);
    cairo_line_to(cr, ax - dir * s * 0.35, ay + 2);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
  }
}

// A note's tail: how long it lasts, in its colour, from x0 to x1 at height y.
void DrawTail(cairo_t* cr, const Spelling& sp, double x0, double x1, double y, double shape) {
  if (x1 <= x0) return;
  const double t = shape * 0.3;
  cairo_new_path(cr);
  cairo_rectangle(cr, x0, y - t / 2, x1 - x0, t);
  SetColour(cr, NoteLetterColour(sp.letter));
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
}

// The key at the top of a part's first page: the seven colours, then the octave shapes.
// Returns its height.
double DrawKey(cairo_t* cr, double left, double top, double width) {
  double y = top;
  TextStyle small;
  small.size = 9;
  small.align = Align::kCenter;
  const double s = 18, step = width / 7;
  for (int l = 0; l < 7; ++l) DrawNoteShape(cr, {l, 0, 4}, left + step * (l + 0.5), y + s / 2, s);
  y += s + 6;
  // TRANSLATORS: the shape of a note in colour notation names its octave
  static const char* kOctaves[5] = {N_("cross: C2..B2 and below"), N_("square: C3..B3"),
                                    N_("circle: C4 (middle C)..B4"), N_("triangle: C5..B5"),
                                    N_("diamond: C6 and up")};
  const double ostep = width / 5;
  for (int o = 0; o < 5; ++o) {
    const double x = left + ostep * (o + 0.5);
    ShapePath(cr, o, x, y + s / 2, s);
    cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    DrawText(cr, _(kOctaves[o]), x, y + s + 3, small);
  }
  y += s + 16;
  TextStyle note;
  note.size = 9;
  note.width = width;
  cairo_set_source_rgb(cr, 0, 0, 0);
  y += DrawText(cr,
                _("Colour names the note, shape the octave. An arrow to the right is a sharp "
                  "(the black key above), to the left a flat (the black key below). A coloured "
                  "tail holds the note; an empty space is a rest. Each box is a bar, numbered "
                  "above."),
                left, y, note);
  return std::max(y + 10 - top, 100.0);
}

// A note cut to one row of bars: which lane it sits in and whether its shape starts here.
struct Placed {
  int start, end;  // ticks from the score start, clipped to the row
  Spelling sp;
  bool head;  // the note starts in this row (else it is a tail continued from before)
  int lane = 0;
};

}  // namespace

Color NoteLetterColour(int letter) {
  static const Color kColours[7] = {
      {220, 30, 35, 255},    // C red
      {130, 75, 35, 255},    // D brown
      {150, 150, 150, 255},  // E grey
      {30, 90, 200, 255},    // F blue
      {20, 20, 20, 255},     // G black
      {250, 210, 0, 255},    // A yellow
      {40, 160, 60, 255},    // B green
  };
  return kColours[std::clamp(letter, 0, 6)];
}

int OctaveShape(int octave) { return std::clamp(octave - 2, 0, 4); }

namespace {

// One row of bars with its notes in lanes (the highest note of a chord on top, at most 4).
struct Row {
  int first_bar = 0;
  std::vector<Placed> notes;
  int lanes = 1;
};

std::vector<Row> LayOutRows(const Part& part, const NotationScore& ns, int bars_per_row) {
  const int per_bar = ns.TicksPerMeasure();
  std::vector<Row> rows;
  for (int b = 0; b < ns.measure_count; b += bars_per_row) {
    Row row;
    row.first_bar = b;
    const int t0 = b * per_bar, t1 = (b + bars_per_row) * per_bar;
    std::vector<Placed> here;
    for (const QuantisedNote& q : part.notes)
      if (q.end > t0 && q.start < t1)
        here.push_back({std::max(q.start, t0), std::min(q.end, t1),
                        SpellPitch(q.midi, ns.key_fifths), q.start >= t0});
    std::stable_sort(here.begin(), here.end(), [](const Placed& x, const Placed& y) {
      const int px = x.sp.letter + 7 * x.sp.octave, py = y.sp.letter + 7 * y.sp.octave;
      return x.start != y.start ? x.start < y.start : px > py;
    });
    std::vector<int> lane_end;
    for (Placed& p : here) {
      size_t lane = 0;
      while (lane < lane_end.size() && lane_end[lane] > p.start) ++lane;
      if (lane == lane_end.size()) lane_end.push_back(0);
      lane_end[lane] = p.end;
      p.lane = static_cast<int>(lane);
      if (p.lane < 4) row.notes.push_back(p);
    }
    row.lanes = std::clamp(static_cast<int>(lane_end.size()), 1, 4);
    rows.push_back(std::move(row));
  }
  return rows;
}

// Vertical space of a row at zoom `z`: bar numbers, the lanes, a gap.
double RowHeight(const Row& row, double z) { return 14 + row.lanes * kLane * z + 10; }

constexpr double kKeyHeight = 100;  // the key on a part's first page

void DrawRow(cairo_t* cr, const Row& row, const NotationScore& ns, double left, double y,
             double bar_width, int bars_per_row, double z) {
  const int per_bar = ns.TicksPerMeasure();
  const double tick = bar_width / per_bar;
  const double height = row.lanes * kLane * z;
  const int bars = std::min(bars_per_row, ns.measure_count - row.first_bar);
  TextStyle number;
  number.size = 9;
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 1.2);
  for (int b = 0; b < bars; ++b) {
    const double x = left + b * bar_width;
    DrawText(cr, std::to_string(row.first_bar + b + 1), x + 2, y - 13, number);
    cairo_new_path(cr);
    cairo_rectangle(cr, x, y, bar_width, height);
    cairo_stroke(cr);
  }
  // Light beat lines help counting.
  cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
  cairo_set_line_width(cr, 0.5);
  for (int b = 0; b < bars; ++b)
    for (int beat = 1; beat < ns.beats_per_measure; ++beat) {
      const double x = left + b * bar_width + beat * kTicksPerBeat * tick;
      cairo_move_to(cr, x, y + 2);
      cairo_line_to(cr, x, y + height - 2);
    }
  cairo_stroke(cr);
  const int t0 = row.first_bar * per_bar;
  const double shape = kShape * z;
  for (const Placed& p : row.notes) {
    const double cy = y + (p.lane + 0.5) * kLane * z;
    const double x0 = left + (p.start - t0) * tick, x1 = left + (p.end - t0) * tick;
    const double s = std::min(shape, std::max(10.0, x1 - x0 - 2));
    DrawTail(cr, p.sp, p.head ? x0 + s / 2 : x0, x1 - 1.5, cy, s);
    if (p.head) DrawNoteShape(cr, p.sp, x0 + s / 2 + 1, cy, s);
  }
}

}  // namespace

std::vector<PagePainter> ColourPages(const Score& score_in, const NotationScore& ns_in,
                                     const PageGeometry& page, bool title_block) {
  auto score = std::make_shared<Score>(score_in);
  score->assets = {};
  score->layers = {};
  auto ns = std::make_shared<NotationScore>(ns_in);
  const double width = page.width - 2 * page.margin;
  const double bottom = page.height - page.margin - 14;
  const double title_height = title_block ? TitleBlockHeight(*score, page) : 0;
  // As many bars a row as fit at kMinBeat a beat; fewer and larger when the part is short.
  const int natural = std::max(
      1, static_cast<int>(width / (std::max(kMinBeat, width / 16) * ns->beats_per_measure)));

  std::vector<PagePainter> pages;
  bool first_page = true;
  for (const Part& part : ns->parts) {
    if (part.notes.empty()) continue;
    const double top = page.margin + (first_page ? title_height : 0) + 36 + kKeyHeight;
    int bars_per_row = natural;
    double zoom = 1;
    std::vector<Row> rows = LayOutRows(part, *ns, natural);
    // The fewest bars a row (largest print) that keeps the part on one page, its shapes as
    // large as the page allows but no wider than 85 % of a beat.
    for (int bpr = 1; bpr <= natural; ++bpr) {
      std::vector<Row> candidate = LayOutRows(part, *ns, bpr);
      double lanes = 0;
      for (const Row& r : candidate) lanes += r.lanes;
      const double fit = (bottom - top - 24.0 * candidate.size()) / (kLane * lanes);
      const double beat = width / bpr / ns->beats_per_measure;
      if (fit >= 1 || bpr == natural) {
        bars_per_row = bpr, rows = std::move(candidate);
        zoom = std::clamp(std::min(fit * 0.98, beat * 0.85 / kShape), 1.0, 2.5);
        break;
      }
    }
    const double bar_width = width / bars_per_row;
    for (size_t r = 0; r < rows.size();) {
      const bool with_title = title_block && first_page;
      const bool key = r == 0;
      double y = page.margin + (with_title ? title_height : 0) + 36 + (key ? kKeyHeight : 0);
      size_t count = 0;
      while (r + count < rows.size() && y + RowHeight(rows[r + count], zoom) <= bottom)
        y += RowHeight(rows[r + count++], zoom);
      count = std::max<size_t>(count, 1);
      std::vector<Row> mine(rows.begin() + static_cast<long>(r),
                            rows.begin() + static_cast<long>(r + count));
      r += count;
      const bool more = r < rows.size();
      pages.push_back([score, ns, mine, with_title, key, more, page, width, bar_width, bars_per_row,
                       zoom, name = part.name, players = part.players](cairo_t* cr) {
        const double left = page.margin;
        double y = with_title ? DrawTitleBlock(cr, *score, page) : page.margin;
        TextStyle heading;
        heading.size = 15;
        heading.bold = true;
        cairo_set_source_rgb(cr, 0, 0, 0);
        // TRANSLATORS: the heading of a player's colour-notation pages; {part} is "Flute"
        y += DrawText(cr,
                      i18n::Fill(_("{part}  \u2014  colour notation (Figurenotes-compatible)"),
                                 {{"part", name}}),
                      left, y, heading) +
             2;
        TextStyle sub;
        sub.size = 10;
        if (!players.empty()) DrawText(cr, PlayedBy(players), left, y, sub);
        y += 16;
        if (key) y += DrawKey(cr, left, y, width);
        for (const Row& row : mine) {
          DrawRow(cr, row, *ns, left, y + 14, bar_width, bars_per_row, zoom);
          y += RowHeight(row, zoom);
        }
        if (more) {
          TextStyle cont;
          cont.size = 9;
          cont.align = Align::kRight;
          cairo_set_source_rgb(cr, 0, 0, 0);
          // TRANSLATORS: at the foot of a page whose music goes on over the page
          DrawText(cr, _("continues \u2192"), page.width - page.margin, y, cont);
        }
      });
      first_page = false;
    }
  }
  if (pages.empty())
    pages.push_back([score, page, title_block](cairo_t* cr) {
      double y = title_block ? DrawTitleBlock(cr, *score, page) : page.margin;
      TextStyle heading;
      heading.size = 15;
      heading.bold = true;
      cairo_set_source_rgb(cr, 0, 0, 0);
      y += DrawText(cr, _("Colour notation (Figurenotes-compatible)"), page.margin, y, heading) + 8;
      TextStyle body;
      body.size = 11;
      DrawText(cr, _("Nothing plays yet: paint or add a picture, then print again."), page.margin,
               y, body);
    });
  return pages;
}

}  // namespace graphony::notation
