// The legend page: each colour -> instrument -> who plays it; scale and range in words and on
// a small staff drawn with cairo.
#include "notation/print_legend.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/instrument_traits.h"
#include "core/pitch.h"
#include "notation/credits.h"
#include "notation/notation.h"
#include "notation/print_text.h"

namespace graphony::notation {

namespace {

// Who plays each instrument, read from the interpreted events (what is heard and printed):
// a muted layer plays nothing, and a colour counts as the instrument Interpret chose for it.
std::vector<std::set<std::string>> ContributorsByInstrument(const Events& events, size_t count) {
  std::vector<std::set<std::string>> ids(count);
  auto add = [&](int instrument, const std::string& contributor) {
    if (!contributor.empty() && instrument >= 0 && static_cast<size_t>(instrument) < count)
      ids[static_cast<size_t>(instrument)].insert(contributor);
  };
  for (const NoteEvent& n : events.notes) add(n.instrument, n.contributor);
  for (const GestureEvent& g : events.gestures) add(g.instrument, g.contributor);
  return ids;
}

// A grand staff with the scale's notes in range as note heads (treble from middle C up).
double DrawRangeStaff(cairo_t* cr, const Score& score, double left, double top, double width) {
  const double s = 6;                                 // space between staff lines
  const double treble_bottom = top + 4 * s + 30;      // E4 line; room above for ledger lines
  const double bass_bottom = treble_bottom + 10 * s;  // G2 line
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.6);
  for (double base : {treble_bottom, bass_bottom})
    for (int l = 0; l < 5; ++l) {
      cairo_move_to(cr, left, base - l * s);
      cairo_line_to(cr, left + width, base - l * s);
    }
  cairo_stroke(cr);
  TextStyle clef;
  clef.size = 30;
  clef.serif = true;
  DrawText(cr, "\U0001D11E", left + 2, treble_bottom - 4 * s - 14, clef);
  clef.size = 24;
  DrawText(cr, "\U0001D122", left + 2, bass_bottom - 4 * s - 8, clef);

  std::vector<int> notes = ScaleNotesInRange(score.mapping);
  if (notes.empty())  // continuous: show the lowest and highest
    notes = {static_cast<int>(std::lround(score.mapping.lowest)),
             static_cast<int>(std::lround(score.mapping.highest))};
  if (notes.size() > 36) notes.resize(36);
  bool minor = false;
  const int fifths = KeyFifths(score.mapping, &minor);
  const double step_x = std::min(14.0, (width - 40) / std::max<size_t>(1, notes.size()));
  double x = left + 36;
  TextStyle accidental;
  accidental.size = 9;
  accidental.align = Align::kRight;
  for (int midi : notes) {
    const Spelling sp = SpellPitch(midi, fifths);
    const int diatonic = sp.letter + 7 * sp.octave;
    const bool treble = midi >= 60;
    const int bottom_step = treble ? 2 + 7 * 4 : 4 + 7 * 2;  // E4, G2
    const double base = treble ? treble_bottom : bass_bottom;
    const int offset = diatonic - bottom_step;
    const double y = base - offset * s / 2;
    // Ledger lines below and above the staff.
    for (int l = -2; l >= offset; l -= 2) {
      cairo_move_to(cr, x - 6, base - l * s / 2);
      cairo_line_to(cr, x + 6, base - l * s / 2);
    }
    for (int l = 10; l <= offset; l += 2) {
      cairo_move_to(cr, x - 6, base - l * s / 2);
      cairo_line_to(cr, x + 6, base - l * s / 2);
    }
    cairo_stroke(cr);
    cairo_new_path(cr);  // no line from the last accidental's text position
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, 1.35, 1.0);
    cairo_arc(cr, 0, 0, s / 2 - 0.3, 0, 2 * M_PI);
    cairo_restore(cr);
    cairo_fill(cr);
    if (sp.alter != 0) {
      const std::string sign = sp.alter > 0 ? "\u266F" : "\u266D";
      DrawText(cr, sign, x - 5, y - 7, accidental);
    }
    x += step_x;
  }
  return bass_bottom + 3 * s + 10 - top;
}

}  // namespace

PagePainter LegendPage(const Score& score_in, const Events& events, const PageGeometry& page,
                       bool title_block, const std::vector<std::string>& left_out) {
  auto score = std::make_shared<Score>(score_in);
  score->assets = {};
  // Instrument indices are palette indices (see Interpret); mark those an image plays.
  std::vector<bool> picture_plays(score->palette.size(), false);
  auto mark = [&](int instrument, int layer) {
    if (instrument >= 0 && instrument < static_cast<int>(picture_plays.size()) && layer >= 0 &&
        layer < static_cast<int>(score->layers.size()) &&
        score->layers[static_cast<size_t>(layer)].kind == Layer::Kind::kImage)
      picture_plays[static_cast<size_t>(instrument)] = true;
  };
  // Colours that play nothing in this piece are left out of the legend (one line says so).
  std::vector<bool> used(score->palette.size(), false);
  auto use = [&](int instrument) {
    if (instrument >= 0 && instrument < static_cast<int>(used.size()))
      used[static_cast<size_t>(instrument)] = true;
  };
  for (const NoteEvent& n : events.notes) mark(n.instrument, n.layer), use(n.instrument);
  for (const PartialBank& b : events.banks) mark(b.instrument, b.layer), use(b.instrument);
  for (const GestureEvent& g : events.gestures) use(g.instrument);
  const std::vector<std::set<std::string>> players_by_instrument =
      ContributorsByInstrument(events, score->palette.size());
  return [score, picture_plays, used, players_by_instrument, page, title_block,
          left_out](cairo_t* cr) {
    double y = title_block ? DrawTitleBlock(cr, *score, page) : page.margin;
    const double left = page.margin, width = page.width - 2 * page.margin;
    TextStyle heading;
    heading.size = 16;
    heading.bold = true;
    heading.serif = true;
    cairo_set_source_rgb(cr, 0, 0, 0);
    y += DrawText(cr, _("Legend: who plays which colour"), left, y, heading) + 8;

    TextStyle body;
    body.size = 11;
    body.width = width - 70;
    TextStyle note = body;
    note.size = 9;
    if (score->palette.empty())
      y += DrawText(cr, _("This score has no colours yet."), left, y, body) + 6;
    const long unused = std::count(used.begin(), used.end(), false);
    const bool any_used = unused < static_cast<long>(used.size());
    for (size_t i = 0; i < score->palette.size(); ++i) {
      if (any_used && !used[i]) continue;
      const PaletteEntry& entry = score->palette[i];
      DrawSwatch(cr, entry.color, static_cast<int>(i), left, y, 36, 24);
      DrawLetterTag(cr, PaletteLetter(static_cast<int>(i)), left + 50, y + 12, 10);
      cairo_set_source_rgb(cr, 0, 0, 0);
      // The instrument by its name in the print's language ("Warm pad", not "soft-pad"); a
      // name the group gave the colour comes first.
      const std::string english(InstrumentOrDefault(entry.instrument).display_name);
      const std::string instrument = _(english.c_str());
      std::string line = PaletteLetter(static_cast<int>(i)) + "  \u2192  ";
      if (entry.display_name.empty() || entry.display_name == english ||
          entry.display_name == instrument)
        line += instrument;
      else
        line += entry.display_name + "  (" + instrument + ")";
      double h = DrawText(cr, line, left + 66, y, body);
      const std::vector<std::string> players =
          PlayerNames(*score, players_by_instrument[i], picture_plays[i]);
      // A colour that plays always names who plays it; "nobody yet" only when nothing plays.
      if (!players.empty())
        // TRANSLATORS: under a colour in the legend; {names} is "Ana and the picture"
        h += DrawText(cr, i18n::Fill(_("played by: {names}"), {{"names", JoinNames(players)}}),
                      left + 66, y + h, note);
      else if (!any_used)
        h += DrawText(cr, _("played by: nobody yet"), left + 66, y + h, note);
      y += std::max(h, 26.0) + 10;
      if (y > page.height - 260) break;  // keep room for the scale below
    }
    if (any_used && unused > 0)
      y += DrawText(cr,
                    i18n::Fill(i18n::TranslatePlural(
                                   "{count} colour plays nothing in this piece and is left out.",
                                   "{count} colours play nothing in this piece and are left out.",
                                   static_cast<unsigned long>(unused)),
                               {{"count", std::to_string(unused)}}),
                    left, y, note) +
           6;
    for (const std::string& line : left_out) y += DrawText(cr, line, left, y, note) + 4;

    y += 8;
    y += DrawText(cr, _("Scale and range"), left, y, heading) + 6;
    const Mapping& m = score->mapping;
    const bool flats = KeyPrefersFlats(m);
    char tempo[64];
    std::snprintf(tempo, sizeof tempo, "%g", score->tempo_bpm);
    const std::string words =
        // One sentence a line: no language has to guess how sentences are spaced.
        ScaleInWords(m) + "\n" +
        // TRANSLATORS: {low} and {high} are note names such as C4 and G5
        i18n::Fill(_("The lowest note is {low} (bottom of the picture), the highest is {high} "
                     "(top)."),
                   {{"low", NoteName(static_cast<int>(std::lround(m.lowest)), flats)},
                    {"high", NoteName(static_cast<int>(std::lround(m.highest)), flats)}}) +
        "\n" +
        // TRANSLATORS: {tempo} is a number of beats; {meter} a time signature such as 4/4
        i18n::Fill(_("{tempo} beats a minute, {meter} time."),
                   {{"tempo", tempo},
                    {"meter", std::to_string(score->meter.numerator) + "/" +
                                  std::to_string(score->meter.denominator)}}) +
        "\n" +
        _("In the graphic score, time runs left to right, higher on the page sounds higher, and "
          "the letter beside each stroke names its colour.");
    body.width = width;
    y += DrawText(cr, words, left, y, body) + 8;
    DrawRangeStaff(cr, *score, left, y, width);
  };
}

}  // namespace graphony::notation
