// Notes mode: each region is sliced along the rhythmic grid; in each grid step its
// strength-weighted centre height picks a scale note; equal neighbouring steps merge.
#include "interpret/image_notes.h"

#include <algorithm>
#include <cmath>

#include "core/pitch.h"
#include "interpret/foreground.h"
#include "interpret/pan.h"
#include "interpret/placement.h"
#include "interpret/regions.h"
#include "interpret/resample.h"

namespace graphony::interpret {

namespace {

// Per region and column: how much of the region is in that column and how high.
struct ColumnSums {
  double strength = 0;
  double strength_height = 0;
  int cells = 0;
};

// One grid step of one region.
struct Slice {
  bool present = false;
  double height = 0;     // strength-weighted centre
  double thickness = 0;  // vertical extent in scale bands
  double strength = 0;   // mean cell strength
  int quantised = 0;
};

// Loudness from size (thickness in bands) and colour (saturation and contrast), times opacity.
float Velocity(double thickness, double chroma, double strength, float opacity) {
  const double size = std::clamp(thickness, 0.0, 1.0);
  const double colour = 0.6 * std::clamp(chroma / 0.15, 0.0, 1.0) + 0.4 * std::clamp(strength, 0.0, 1.0);
  return static_cast<float>(std::clamp((0.35 + 0.35 * size + 0.3 * colour) * opacity, 0.0, 1.0));
}

}  // namespace

std::vector<NoteEvent> ImageNotes(const Mapping& mapping, const ImageLayer& layer, int layer_index,
                                  const PaletteMatcher& palette) {
  std::vector<NoteEvent> notes;
  if (!layer.pixels || !ImageIsUsable(*layer.pixels) || !PlacementIsUsable(layer)) return notes;
  const float opacity = std::clamp(layer.opacity, 0.0f, 1.0f);
  if (opacity <= 0.0f) return notes;
  const Image& image = *layer.pixels;
  const int columns = std::min(image.width, kNotesGridSide);
  const int rows = std::min(image.height, kNotesGridSide);
  const Background bg = DetectBackground(image);
  const CellField field = MakeCellField(AreaResample(image, columns, rows), bg, kNotesFullDistance);
  const double min_cells = std::max(1.0, kSpeckShare * columns * rows);
  const Segmentation seg = Segment(field, bg, palette, min_cells);
  if (seg.regions.empty()) return notes;
  const Placement place(layer, columns, rows);

  // Column sums per region, over each region's own column extent.
  std::vector<std::vector<ColumnSums>> sums(seg.regions.size());
  for (size_t r = 0; r < seg.regions.size(); ++r)
    sums[r].resize(static_cast<size_t>(seg.regions[r].x1 - seg.regions[r].x0 + 1));
  for (int y = 0; y < rows; ++y) {
    const double height = place.HeightAt(y + 0.5);
    for (int x = 0; x < columns; ++x) {
      const size_t i = field.Index(x, y);
      const int r = seg.region_of_cell[i];
      if (r < 0) continue;
      ColumnSums& c = sums[static_cast<size_t>(r)][static_cast<size_t>(x - seg.regions[static_cast<size_t>(r)].x0)];
      c.strength += field.strength[i];
      c.strength_height += field.strength[i] * height;
      ++c.cells;
    }
  }

  // Scale bands per unit of height, to express a region's thickness in bands.
  const std::vector<int> scale_notes = ScaleNotesInRange(mapping);
  const double bands = scale_notes.empty() ? std::max(1.0, mapping.highest - mapping.lowest)
                                           : static_cast<double>(scale_notes.size());
  const double cells_per_band = rows / std::max(1e-9, (place.top - place.bottom) * bands);
  // A very long layer on a fine grid steps in whole multiples of the grid, so work stays
  // bounded (notes still land on the grid).
  constexpr double kMaxStepsPerLayer = 8192;
  const double g = mapping.grid * std::max(1.0, std::ceil(layer.length_beats / mapping.grid / kMaxStepsPerLayer));

  for (size_t r = 0; r < seg.regions.size(); ++r) {
    const Region& region = seg.regions[r];
    const double chroma = region.chroma_strength / std::max(1e-9, region.strength);
    // Onset at the left edge, length its width, both snapped to the grid (at least one step).
    const double left = place.BeatAt(region.x0), right = place.BeatAt(region.x1 + 1);
    int64_t c0 = std::llround(left / g), c1 = std::llround(right / g);
    if (c1 <= c0) {
      c0 = static_cast<int64_t>(std::floor((left + right) / 2 / g));
      c1 = c0 + 1;
    }
    std::vector<Slice> slices(static_cast<size_t>(c1 - c0));
    for (int64_t k = c0; k < c1; ++k) {
      // The region's columns under this grid step (at least the one under it, for steps
      // narrower than a column); clamping gives edge columns to the first and last steps.
      int xa = static_cast<int>(std::floor(place.ColumnAt(static_cast<double>(k) * g) + 1e-9));
      int xb = static_cast<int>(std::ceil(place.ColumnAt(static_cast<double>(k + 1) * g) - 1e-9)) - 1;
      xa = std::clamp(xa, region.x0, region.x1);
      xb = std::clamp(std::max(xb, xa), region.x0, region.x1);
      ColumnSums total;
      for (int x = xa; x <= xb; ++x) {
        const ColumnSums& c = sums[r][static_cast<size_t>(x - region.x0)];
        total.strength += c.strength;
        total.strength_height += c.strength_height;
        total.cells += c.cells;
      }
      if (total.strength <= 0) continue;
      Slice& s = slices[static_cast<size_t>(k - c0)];
      s.present = true;
      s.height = total.strength_height / total.strength;
      s.thickness = static_cast<double>(total.cells) / (xb - xa + 1) / cells_per_band;
      s.strength = total.strength / total.cells;
      s.quantised = SnapToScale(mapping, HeightToPitch(mapping, s.height));
    }
    // Merge runs of steps with the same printed pitch into one note.
    for (size_t a = 0; a < slices.size();) {
      if (!slices[a].present) {
        ++a;
        continue;
      }
      size_t b = a + 1;
      while (b < slices.size() && slices[b].present && slices[b].quantised == slices[a].quantised) ++b;
      double height = 0, thickness = 0, strength = 0;
      for (size_t k = a; k < b; ++k) {
        height += slices[k].height;
        thickness += slices[k].thickness;
        strength += slices[k].strength;
      }
      const double count = static_cast<double>(b - a);
      height /= count;
      NoteEvent note;
      note.start_beat = static_cast<double>(c0 + static_cast<int64_t>(a)) * g;
      note.duration_beats = count * g;
      note.quantised_pitch = slices[a].quantised;
      // With a scale the note is the scale note; with "none" it keeps its exact height.
      note.pitch = mapping.scale == "none" ? HeightToPitch(mapping, height) : slices[a].quantised;
      note.velocity = Velocity(thickness / count, chroma, strength / count, opacity);
      note.instrument = region.instrument;
      note.pan = PanForHeight(height);
      note.layer = layer_index;
      notes.push_back(note);
      a = b;
    }
  }
  return notes;
}

}  // namespace graphony::interpret
