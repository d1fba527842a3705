// A palette made from a picture's own colours: its dominant OKLab clusters, each with an
// instrument that suits the colour's character (dark -> bass, blue -> flute, warm bright -> bells).
#pragma once

#include <string>
#include <vector>

#include "core/score.h"
#include "interpret/colour.h"

namespace graphony::interpret {

inline constexpr int kMaxPictureColours = 6;

// Up to kMaxPictureColours dominant colours of `image`, most common first, with the
// background (the border's colour, or transparency) left out. Each colour is a real cell
// colour of the picture (the one nearest its OKLab bin's centre), so painting with a palette
// colour adds to that colour's own bin and leaves the palette unchanged. Empty when nothing
// but background is found. Deterministic.
std::vector<PaletteEntry> PicturePalette(const Image& image);

// The instrument (today's engine timbres) that suits a colour, and a short name for people.
std::string InstrumentForColour(const Lab& lab);
std::string ColourName(const Lab& lab);

}  // namespace graphony::interpret
