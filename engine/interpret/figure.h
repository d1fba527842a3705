// Figure and ground inside a picture: what stands out locally (contrast against its
// surroundings at several scales, brightness, saturation) and how busy each place is.
#pragma once

#include <vector>

#include "interpret/foreground.h"
#include "interpret/resample.h"

namespace graphony::interpret {

struct FigureField {
  int width = 0, height = 0;
  // How much the picture is a drawing on a ground (0 = a painting filling the canvas, 1 =
  // marks on paper): the share of flat cells that look like the border's colour, mapped so
  // that 35 % or less is a painting and 60 % or more a drawing. Only a blank border colour
  // (white paper, black, transparency) can be paper.
  float paper = 0;
  std::vector<float> figure;    // 0..1 how much a cell is figure (what sounds as a voice)
  std::vector<float> salience;  // 0..1 local contrast at several scales
  std::vector<float> texture;   // 0..1 fine detail around the cell (busy brushwork)
  std::vector<float> alpha;     // coverage, 0..1
  size_t Index(int x, int y) const {
    return static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x);
  }
};

// `cells` gives each cell's paint and its difference from the background (strength).
// `cells_per_beat` bounds how far a surround reaches sideways (about one beat), so that a
// change in one place changes the music only near that time.
FigureField MakeFigureField(const LinearGrid& grid, const CellField& cells, const Background& bg,
                            double cells_per_beat);

}  // namespace graphony::interpret
