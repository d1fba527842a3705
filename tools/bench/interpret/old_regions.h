// The benchmark's peer (the notes-mode segmentation before figure/ground): painted cells ->
// coloured regions, each with one instrument.
#pragma once

#include <vector>

#include "interpret/colour.h"
#include "interpret/foreground.h"

namespace graphony::old_notes {

using namespace graphony::interpret;

// Hysteresis: a blob of cells at least kPaintStrength strong is paint if it holds a cell at
// least kSeedStrength strong. A thin pen line on paper averages to faint cells that must stay
// connected, while paper texture (no seed) stays background.
inline constexpr float kPaintStrength = 0.12f;
inline constexpr float kSeedStrength = 0.3f;
// Within one connected blob, a palette colour covering less than this share is taken as the
// blob's anti-aliased edge or texture and joins the blob's dominant colour.
inline constexpr double kMajorColourShare = 0.15;

struct Region {
  int instrument = 0;
  int x0 = 0, x1 = -1;  // column extent in cells, inclusive
  int cells = 0;
  double strength = 0;         // sum of cell strengths
  double chroma_strength = 0;  // sum of strength * OKLab chroma
};

struct Segmentation {
  std::vector<int> region_of_cell;  // -1 for background and specks
  std::vector<Region> regions;
};

// Blobs are 8-connected (diagonal lines hold together). Regions smaller than min_cells are
// specks: ignored. Deterministic: regions are numbered in
// the order their first cell appears scanning rows top to bottom.
Segmentation Segment(const CellField& field, const Background& background,
                     const PaletteMatcher& palette, double min_cells);

}  // namespace graphony::old_notes
