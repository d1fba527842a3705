// The benchmark's peer, notes mode as it was before figure/ground (commit ef7d762): each region
// is sliced along the rhythmic grid; in each grid step every vertical run of the region is a
// voice whose centre height picks a scale note. Kept only to time the new path against it.
#include "old_image_notes.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/pitch.h"
#include "interpret/foreground.h"
#include "interpret/image_notes.h"
#include "interpret/pan.h"
#include "interpret/placement.h"
#include "interpret/resample.h"
#include "interpret/scale_lookup.h"
#include "old_regions.h"

namespace graphony::old_notes {

using namespace graphony::interpret;

namespace {

struct RegionCell {
  int x = 0, y = 0;
  float strength = 0;
};

// A vertical run of a region inside one grid step carrying less paint than this many cells
// per column (on average) is an edge sliver, not a voice.
constexpr double kMinRunCells = 0.25;

// One vertical run of a region in one grid step: a voice of that region at that time.
struct Voice {
  double paint = 0;      // strength-weighted cells
  double height = 0;     // strength-weighted centre
  double thickness = 0;  // vertical extent in scale bands
};

// A note being extended across consecutive grid steps with the same printed pitch.
struct OpenNote {
  int64_t first_step = 0;
  int64_t steps = 0;
  double height = 0, thickness = 0;  // sums over steps
};

// Loudness from size (thickness in bands) and colour (saturation and contrast), times opacity.
float Velocity(double thickness, double chroma, double strength, float opacity) {
  const double size = std::clamp(thickness, 0.0, 1.0);
  const double colour =
      0.6 * std::clamp(chroma / 0.15, 0.0, 1.0) + 0.4 * std::clamp(strength, 0.0, 1.0);
  return static_cast<float>(std::clamp((0.35 + 0.35 * size + 0.3 * colour) * opacity, 0.0, 1.0));
}

}  // namespace

std::vector<NoteEvent> OldImageNotes(const Mapping& mapping, const ImageLayer& layer,
                                     int layer_index, const PaletteMatcher& palette) {
  std::vector<NoteEvent> notes;
  if (!layer.pixels || !ImageIsUsable(*layer.pixels) || !PlacementIsUsable(layer)) return notes;
  const float opacity = LayerOpacity(layer);
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

  // Each region's cells in column order (then row order), so the columns under one grid step
  // are one contiguous range.
  std::vector<std::vector<RegionCell>> cells(seg.regions.size());
  for (int x = 0; x < columns; ++x)
    for (int y = 0; y < rows; ++y) {
      const size_t i = field.Index(x, y);
      const int r = seg.region_of_cell[i];
      if (r >= 0) cells[static_cast<size_t>(r)].push_back(RegionCell{x, y, field.strength[i]});
    }

  // Scale bands per unit of height, to express a run's thickness in bands.
  const ScaleLookup scale(mapping);
  const std::vector<int>& scale_notes = scale.notes();
  const double bands = scale_notes.empty() ? std::max(1.0, mapping.highest - mapping.lowest)
                                           : static_cast<double>(scale_notes.size());
  const double cells_per_band = rows / std::max(1e-9, std::abs(place.top - place.bottom) * bands);
  // A very long layer on a fine grid steps in whole multiples of the grid, so work stays
  // bounded (notes still land on the grid).
  constexpr double kMaxStepsPerLayer = 8192;
  const double g = mapping.grid *
                   std::max(1.0, std::ceil(layer.length_beats / mapping.grid / kMaxStepsPerLayer));
  const bool continuous = mapping.scale == "none";

  std::vector<double> paint, paint_height;  // per-row profile of one region in one step
  for (size_t r = 0; r < seg.regions.size(); ++r) {
    const Region& region = seg.regions[r];
    const std::vector<RegionCell>& rc = cells[r];
    const double chroma = region.chroma_strength / std::max(1e-9, region.strength);
    const double mean_strength = region.strength / std::max(1, region.cells);
    int ymin = rows, ymax = -1;
    for (const RegionCell& c : rc) {
      ymin = std::min(ymin, c.y);
      ymax = std::max(ymax, c.y);
    }
    // Onset at the left edge, length its width, both snapped to the grid (at least one step).
    const double left = place.BeatAt(region.x0), right = place.BeatAt(region.x1 + 1);
    int64_t c0 = std::llround(left / g), c1 = std::llround(right / g);
    if (c1 <= c0) {
      c0 = static_cast<int64_t>(std::floor((left + right) / 2 / g));
      c1 = c0 + 1;
    }

    std::map<int, OpenNote> open;  // by printed pitch
    auto emit = [&](int quantised, const OpenNote& o) {
      const double count = static_cast<double>(o.steps);
      const double height = o.height / count;
      NoteEvent note;
      note.start_beat = static_cast<double>(o.first_step) * g;
      note.duration_beats = count * g;
      note.quantised_pitch = quantised;
      // With a scale the note is the scale note; with "none" it keeps its exact height.
      note.pitch = continuous ? scale.Pitch(height) : quantised;
      note.velocity = Velocity(o.thickness / count, chroma, mean_strength, opacity);
      note.instrument = region.instrument;
      note.pan = PanForHeight(height);
      note.layer = layer_index;
      notes.push_back(note);
    };

    for (int64_t k = c0; k < c1; ++k) {
      // The region's columns under this grid step (at least the one under it, for steps
      // narrower than a column); clamping gives edge columns to the first and last steps.
      int xa = static_cast<int>(std::floor(place.ColumnAt(static_cast<double>(k) * g) + 1e-9));
      int xb =
          static_cast<int>(std::ceil(place.ColumnAt(static_cast<double>(k + 1) * g) - 1e-9)) - 1;
      xa = std::clamp(xa, region.x0, region.x1);
      xb = std::clamp(std::max(xb, xa), region.x0, region.x1);
      const double ncols = xb - xa + 1;
      auto first = std::lower_bound(rc.begin(), rc.end(), xa,
                                    [](const RegionCell& c, int x) { return c.x < x; });
      paint.assign(static_cast<size_t>(ymax - ymin + 1), 0.0);
      for (auto it = first; it != rc.end() && it->x <= xb; ++it)
        paint[static_cast<size_t>(it->y - ymin)] += it->strength;

      // Each vertical run is a voice; several runs on one printed pitch keep the strongest.
      std::map<int, Voice> voices;
      for (int y = ymin; y <= ymax;) {
        if (paint[static_cast<size_t>(y - ymin)] <= 0) {
          ++y;
          continue;
        }
        Voice v;
        for (; y <= ymax && paint[static_cast<size_t>(y - ymin)] > 0; ++y) {
          v.paint += paint[static_cast<size_t>(y - ymin)];
          v.height += paint[static_cast<size_t>(y - ymin)] * place.HeightAt(y + 0.5);
        }
        if (v.paint / ncols < kMinRunCells) continue;
        v.height /= v.paint;
        v.thickness = v.paint / ncols / cells_per_band;
        const int q = scale.Printed(v.height);
        auto [slot, inserted] = voices.try_emplace(q, v);
        if (!inserted && v.paint > slot->second.paint) slot->second = v;
      }

      // Notes continue while their pitch keeps sounding in consecutive steps.
      for (auto it = open.begin(); it != open.end();) {
        if (voices.count(it->first)) {
          ++it;
          continue;
        }
        emit(it->first, it->second);
        it = open.erase(it);
      }
      for (const auto& [q, v] : voices) {
        auto [it, inserted] = open.try_emplace(q, OpenNote{k, 0, 0, 0});
        it->second.steps += 1;
        it->second.height += v.height;
        it->second.thickness += v.thickness;
      }
    }
    for (const auto& [q, o] : open) emit(q, o);
  }
  return notes;
}

}  // namespace graphony::old_notes
