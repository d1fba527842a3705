// Colour notation pages for players who don't read staff notation, compatible with the
// Figurenotes convention: the colour names the note (C red, D brown, E grey, F blue, G black,
// A yellow, B green), the shape names the octave (cross, square, circle, triangle, diamond),
// an arrow marks a sharp (right) or flat (left), and a tail shows how long the note lasts.
#pragma once

#include <vector>

#include "notation/notation.h"
#include "notation/print_common.h"

namespace graphony::notation {

// The Figurenotes-compatible colour of a note letter (0 = C .. 6 = B).
Color NoteLetterColour(int letter);

// The shape of a written octave: 0 cross (octave 2 and below), 1 square (3), 2 circle (4, from
// middle C), 3 triangle (5), 4 diamond (6 and up).
int OctaveShape(int octave);

// Large-print pages, one part per page (more when a part is long), bars in rows; with
// `title_block`, the first page starts with the title and credits.
std::vector<PagePainter> ColourPages(const Score& score, const NotationScore& ns,
                                     const PageGeometry& page, bool title_block);

}  // namespace graphony::notation
