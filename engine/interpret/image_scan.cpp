// Scan mode: resample to rows x columns, one partial per row (or per scale note).
#include "interpret/image_scan.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/pitch.h"
#include "interpret/foreground.h"
#include "interpret/pan.h"
#include "interpret/placement.h"
#include "interpret/resample.h"

namespace graphony::interpret {

std::optional<PartialBank> ScanImage(const Mapping& mapping, const ImageLayer& layer, int layer_index,
                                     const PaletteMatcher& palette) {
  if (!layer.pixels || !ImageIsUsable(*layer.pixels) || !PlacementIsUsable(layer)) return std::nullopt;
  const Image& image = *layer.pixels;
  const int rows = layer.rows > 0 ? std::clamp(layer.rows, 1, std::min(image.height, kMaxScanRows))
                                  : std::min(image.height, kDefaultMaxScanRows);
  const int columns = std::min({image.width, kMaxScanColumns, std::max(1, kMaxScanCells / rows)});

  const Background bg = DetectBackground(image);
  // Strength is computed on the fly (no per-cell colour field): scan grids are large.
  const LinearGrid grid = AreaResample(image, columns, rows);
  const Placement place(layer, columns, rows);
  const float opacity = LayerOpacity(layer);
  const bool continuous = mapping.scale == "none";

  // Rows that land on the same scale note are one sine (equal-frequency sines sum to one);
  // the loudest row wins so a thin line keeps its full loudness. With "none" every pixel row
  // keeps its own frequency. Keyed by pitch so partials come out low to high.
  std::map<double, PartialRow> partials;
  for (int y = 0; y < rows; ++y) {
    const double height = place.HeightAt(y + 0.5);
    const double pitch = HeightToPitch(mapping, height);
    PartialRow* row = nullptr;
    for (int x = 0; x < columns; ++x) {
      const float s = PaintOf(grid.At(x, y), bg, kScanFullDistance).strength;
      if (s <= 0.0f) continue;
      if (!row) {
        // Continuous rows are distinct even if two map to the same pitch in floating point.
        const double key = continuous ? pitch + y * 1e-9 : pitch;
        auto [it, inserted] = partials.try_emplace(key);
        row = &it->second;
        if (inserted) {
          row->frequency_hz = MidiToHz(pitch);
          row->pan = PanForHeight(height);
          row->amplitude.assign(static_cast<size_t>(columns), 0.0f);
        }
      }
      float& a = row->amplitude[static_cast<size_t>(x)];
      a = std::max(a, s * opacity);
    }
  }
  if (partials.empty() || opacity <= 0.0f) return std::nullopt;

  // Hue picks the timbre: the palette entry most of the painted area is closest to. A sparse
  // lattice of at most ~64k cells estimates that as well as every cell; if the paint is too
  // thin for the lattice to hit, every cell votes.
  std::vector<double> hue_votes(static_cast<size_t>(std::max(1, palette.size())), 0.0);
  auto vote = [&](int stride) {
    double total = 0;
    for (int y = 0; y < rows; y += stride)
      for (int x = 0; x < columns; x += stride) {
        const CellPaint paint = PaintOf(grid.At(x, y), bg, kScanFullDistance);
        const float s = paint.strength;
        if (s <= 0.0f) continue;
        const int entry = bg.transparent ? palette.Nearest(paint.lab)
                                         : palette.Unmixed(paint.linear, paint.lab, bg.linear);
        hue_votes[static_cast<size_t>(entry)] += s;
        total += s;
      }
    return total;
  };
  const int stride = std::max(1, static_cast<int>(std::sqrt(static_cast<double>(rows) * columns / 65536.0)));
  if (vote(stride) <= 0 && stride > 1) vote(1);

  PartialBank bank;
  bank.start_beat = layer.start_beat;
  bank.length_beats = layer.length_beats;
  bank.columns = columns;
  bank.layer = layer_index;
  bank.instrument = static_cast<int>(std::max_element(hue_votes.begin(), hue_votes.end()) - hue_votes.begin());
  for (auto& [pitch, row] : partials) bank.rows.push_back(std::move(row));
  return bank;
}

}  // namespace graphony::interpret
