// Shared pieces of the printed pages: page geometry, palette letters and hatches, the header.
#pragma once

#include <cairo.h>

#include <functional>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony::notation {

struct PageGeometry {
  double width = 595.276, height = 841.89;  // points
  double margin = 36;
};

// Draws one page onto a cairo context whose origin is the page's top-left corner.
using PagePainter = std::function<void(cairo_t*)>;

// "A", "B", ... "Z", "A2", ...: the letter printed beside a palette colour and its strokes,
// so the picture reads in black and white.
std::string PaletteLetter(int index);

// The palette entry nearest to a painted colour (-1 when the palette is empty).
int PaletteIndexOf(const Score& score, const Color& color);

// Fills a rectangle with the palette colour and a pattern that differs per entry
// (stripes at various angles, dots, cross-hatch), for black-and-white printers.
void DrawSwatch(cairo_t* cr, const Color& color, int index, double x, double y, double w, double h);

// Draws the letter in a small white disc at (x, y), legible on any background.
void DrawLetterTag(cairo_t* cr, const std::string& letter, double x, double y, double size);

// The date a print shows: the score's own (the day it was made), else "printed <today>".
std::string PrintedDate(const Score& score);

// Title, date and consent-aware credits; returns the y below them.
double DrawTitleBlock(cairo_t* cr, const Score& score, const PageGeometry& page);

// The height DrawTitleBlock will use, measured on a scratch surface.
double TitleBlockHeight(const Score& score, const PageGeometry& page);

// Footer with the title and page number.
void DrawFooter(cairo_t* cr, const Score& score, const PageGeometry& page, int number);

// One sentence naming the scale and its first note, in the language printing now ("Notes come
// from this scale: Major pentatonic, starting on C."); for "none", that any pitch plays.
std::string ScaleInWords(const Mapping& mapping);

}  // namespace graphony::notation
