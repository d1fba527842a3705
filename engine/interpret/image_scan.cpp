// Scan mode: resample to rows x columns, one partial per row (or per scale note).
#include "interpret/image_scan.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "core/large_buffer.h"
#include "core/pitch.h"
#include "interpret/foreground.h"
#include "interpret/pan.h"
#include "interpret/placement.h"
#include "interpret/resample.h"
#include "interpret/split_rows.h"
#include "interpret/strength_batch.h"

namespace graphony::interpret {

std::optional<PartialBank> ScanImage(const Mapping& mapping, const ImageLayer& layer,
                                     int layer_index, const PaletteMatcher& palette) {
  if (!layer.pixels || !ImageIsUsable(*layer.pixels) || !PlacementIsUsable(layer))
    return std::nullopt;
  const Image& image = *layer.pixels;
  const int rows = layer.rows > 0 ? std::clamp(layer.rows, 1, std::min(image.height, kMaxScanRows))
                                  : std::min(image.height, kDefaultMaxScanRows);
  const int columns = std::min({image.width, kMaxScanColumns, std::max(1, kMaxScanCells / rows)});

  const Background bg = DetectBackground(image);
  // Strength is computed on the fly, row by row: scan grids are large, so neither the
  // resampled grid nor a per-cell colour field is kept. At full size a cell is its pixel,
  // converted where it is read (resample.h: the same numbers). The hue vote below reads a
  // sparse lattice of cells (every stride-th row and column), kept as the rows go by; the
  // rare loops that read every cell again make the whole grid then.
  const bool full_size = columns == image.width && rows == image.height;
  const int stride =
      std::max(1, static_cast<int>(std::sqrt(static_cast<double>(rows) * columns / 65536.0)));
  const size_t lattice_width = static_cast<size_t>((columns + stride - 1) / stride);
  std::vector<float> lattice(
      full_size ? 0 : lattice_width * static_cast<size_t>((rows + stride - 1) / stride) * 4);
  auto lattice_cell = [&](int x, int y) {  // cell (x, y), both multiples of stride
    return &lattice[(static_cast<size_t>(y / stride) * lattice_width +
                     static_cast<size_t>(x / stride)) *
                    4];
  };
  std::optional<RowResampler> resampler;
  if (!full_size) resampler.emplace(image, columns, rows);
  std::optional<LinearGrid> whole;
  auto whole_grid = [&]() -> const LinearGrid& {
    if (!whole) whole = AreaResample(image, columns, rows);
    return *whole;
  };
  const float* lut = SrgbToLinearTable();
  auto cell_at = [&](int x, int y, float* scratch) -> const float* {
    if (full_size) {
      LinearPixel(&image.rgba[(static_cast<size_t>(y) * columns + static_cast<size_t>(x)) * 4], lut,
                  scratch);
      return scratch;
    }
    if (y % stride == 0 && x % stride == 0) return static_cast<const float*>(lattice_cell(x, y));
    return whole_grid().At(x, y);
  };
  const Placement place(layer, columns, rows);
  const float opacity = LayerOpacity(layer);
  const bool continuous = mapping.scale == "none";

  // Inside a painting that fills the canvas every cell differs from the border colour about
  // equally, which would be a constant drone. There the level follows what stands out: each
  // cell's contrast with its neighbourhood and its change from the columns just before it, so
  // a bright column (the moon) is heard as an event. Marks on a clear ground keep their
  // strength as loudness.
  const size_t ncells = static_cast<size_t>(rows) * static_cast<size_t>(columns);
  // (Only a blank ground can be paper: white, black or transparent, as in notes mode.)
  const bool blank =
      bg.transparent || bg.lab.L < 0.12f || (bg.lab.L > 0.85f && Chroma(bg.lab) < 0.035f);
  // Each cell's colour is read only by the painting analysis below. On a ground that is not
  // blank that always runs, so the colours are kept as they are computed; on blank paper it
  // runs only if most of the sheet is painted, and then they are computed again (the same
  // numbers). Marks on paper, the common case, never store a plane of colours.
  std::vector<float> level;
  std::vector<Lab> lab;
  ResizeLarge(level, ncells);
  ResizeLarge(lab, blank ? 0 : ncells);
  // Cells of different rows are independent: two threads for a big grid (split_rows.h), and
  // the counts of the two halves added up, so nothing depends on the split.
  size_t ground_parts[2] = {0, 0};
  SplitRows(rows, static_cast<double>(ncells) * 8, [&](int y0, int y1) {
    size_t& ground_here = ground_parts[y0 == 0 ? 0 : 1];
    std::vector<float> converted(static_cast<size_t>(columns) * 4);
    RowResampler::Scratch scratch;
    for (int y = y0; y < y1; ++y) {
      const size_t row = static_cast<size_t>(y) * columns;
      const float* cells = converted.data();
      if (full_size) {
        for (int x = 0; x < columns; ++x)
          LinearPixel(&image.rgba[(row + static_cast<size_t>(x)) * 4], lut, &converted[x * 4]);
      } else {
        resampler->Row(y, converted.data(), scratch);
        if (y % stride == 0)
          for (int x = 0; x < columns; x += stride)
            std::copy_n(&converted[static_cast<size_t>(x) * 4], 4, lattice_cell(x, y));
      }
      float* out = &level[row];
      if (blank) {
        StrengthsOf(cells, static_cast<size_t>(columns), bg, kScanFullDistance, out);
      } else {
        for (int x = 0; x < columns; ++x) {
          const CellPaint paint =
              PaintOf(cells + static_cast<size_t>(x) * 4, bg, kScanFullDistance);
          out[x] = paint.strength;
          lab[row + static_cast<size_t>(x)] = paint.lab;
        }
      }
      for (int x = 0; x < columns; ++x)
        if (out[x] < 0.12f) ++ground_here;
    }
  });
  const size_t ground = ground_parts[0] + ground_parts[1];
  float paper = std::clamp((static_cast<float>(ground) / static_cast<float>(ncells) - 0.25f) / 0.2f,
                           0.0f, 1.0f);
  if (!blank) paper = 0.0f;
  if (paper < 1.0f && !bg.transparent && lab.empty()) {
    lab.resize(ncells);
    if (!full_size) whole_grid();  // made here, before the threads read it
    SplitRows(rows, static_cast<double>(ncells) * 8, [&](int y0, int y1) {
      for (int y = y0; y < y1; ++y)
        for (int x = 0; x < columns; ++x) {
          float scratch[4];
          lab[static_cast<size_t>(y) * columns + x] =
              PaintOf(cell_at(x, y, scratch), bg, kScanFullDistance).lab;
        }
    });
  }
  if (paper < 1.0f && !bg.transparent) {
    const int rx = std::max(1, columns / 48), ry = std::max(1, rows / 24);
    // Separable window means (running sums along rows, then along columns): linear in cells.
    // One scratch plane for all six means (fresh pages for each would cost as much as the sums).
    std::vector<float> h(ncells);
    auto window_mean = [&](const std::vector<float>& src, int lo_x, int hi_x, int r_y) {
      std::vector<float> out(ncells);
      std::vector<double> prefix(static_cast<size_t>(std::max(columns, rows)) + 1);
      for (int y = 0; y < rows; ++y) {
        const float* row = &src[static_cast<size_t>(y) * columns];
        prefix[0] = 0;
        for (int x = 0; x < columns; ++x)
          prefix[static_cast<size_t>(x) + 1] = prefix[static_cast<size_t>(x)] + row[x];
        for (int x = 0; x < columns; ++x) {
          const int x0 = std::max(0, x + lo_x), x1 = std::min(columns - 1, x + hi_x);
          h[static_cast<size_t>(y) * columns + x] =
              x1 < x0 ? row[x]
                      : static_cast<float>((prefix[static_cast<size_t>(x1) + 1] -
                                            prefix[static_cast<size_t>(x0)]) /
                                           (x1 - x0 + 1));
        }
      }
      // Vertical pass row by row (a sliding sum per column), so memory is read in order.
      std::vector<double> acc(static_cast<size_t>(columns), 0.0);
      auto add_row = [&](int y, double sign) {
        const float* row = &h[static_cast<size_t>(y) * columns];
        for (int x = 0; x < columns; ++x) acc[static_cast<size_t>(x)] += sign * row[x];
      };
      for (int y = 0; y <= std::min(rows - 1, r_y); ++y) add_row(y, 1.0);
      for (int y = 0; y < rows; ++y) {
        const int y0 = std::max(0, y - r_y), y1 = std::min(rows - 1, y + r_y);
        const double inv = 1.0 / (y1 - y0 + 1);
        float* o = &out[static_cast<size_t>(y) * columns];
        for (int x = 0; x < columns; ++x)
          o[x] = static_cast<float>(acc[static_cast<size_t>(x)] * inv);
        if (y + r_y + 1 < rows) add_row(y + r_y + 1, 1.0);
        if (y - r_y >= 0) add_row(y - r_y, -1.0);
      }
      return out;
    };
    std::vector<float> channel(ncells);
    std::vector<float> around[3], before[3];
    for (int k = 0; k < 3; ++k) {
      for (size_t i = 0; i < ncells; ++i)
        channel[i] = k == 0 ? lab[i].L : k == 1 ? lab[i].a : lab[i].b;
      around[k] = window_mean(channel, -rx, rx, ry);
      before[k] = window_mean(channel, -2 * rx, -1, 1);
    }
    for (int y = 0; y < rows; ++y)
      for (int x = 0; x < columns; ++x) {
        const size_t i = static_cast<size_t>(y) * columns + x;
        const Lab& c = lab[i];
        const Lab m{around[0][i], around[1][i], around[2][i]};
        const Lab p{before[0][i], before[1][i], before[2][i]};
        const float spatial = LabDistance(c, m) + 0.5f * std::max(0.0f, c.L - m.L);
        const float change = x > 0 ? LabDistance(c, p) : 0.0f;
        const float stand_out = std::clamp((spatial + change - 0.03f) / 0.15f, 0.0f, 1.0f);
        const float painting = level[i] > 0 ? 0.12f + 0.88f * stand_out : 0.0f;
        level[i] = paper * level[i] + (1.0f - paper) * painting;
      }
  }
  // A gentle fade over the layer's last beat (at most its last eighth) closes the sound.
  const double fade_columns =
      std::max(1.0, std::min(1.0 / std::max(1e-9, layer.length_beats), 0.125) * columns);
  std::vector<float> fade(static_cast<size_t>(columns));  // per column, computed once
  for (int x = 0; x < columns; ++x) {
    const double t = (columns - x - 0.5) / fade_columns;  // 1 at the fade's start, 0 at the end
    fade[static_cast<size_t>(x)] =
        t >= 1 ? 1.0f : static_cast<float>(0.15 + 0.85 * std::sin(1.5707963 * std::max(0.0, t)));
  }

  // Rows that land on the same scale note are one sine (equal-frequency sines sum to one);
  // the loudest row wins so a thin line keeps its full loudness. With "none" every pixel row
  // keeps its own frequency. Keyed by pitch so partials come out low to high.
  std::map<double, PartialRow> partials;
  for (int y = 0; y < rows; ++y) {
    const double height = place.HeightAt(y + 0.5);
    const double pitch = HeightToPitch(mapping, height);
    PartialRow* row = nullptr;
    for (int x = 0; x < columns; ++x) {
      const float s = level[static_cast<size_t>(y) * columns + x] * fade[static_cast<size_t>(x)];
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
        float scratch[4];
        const CellPaint paint = PaintOf(cell_at(x, y, scratch), bg, kScanFullDistance);
        const float s = paint.strength;
        if (s <= 0.0f) continue;
        const int entry = bg.transparent ? palette.Nearest(paint.lab)
                                         : palette.Unmixed(paint.linear, paint.lab, bg.linear);
        hue_votes[static_cast<size_t>(entry)] += s;
        total += s;
      }
    return total;
  };
  if (vote(stride) <= 0 && stride > 1) vote(1);

  PartialBank bank;
  bank.start_beat = layer.start_beat;
  bank.length_beats = layer.length_beats;
  bank.columns = columns;
  bank.layer = layer_index;
  bank.instrument =
      static_cast<int>(std::max_element(hue_votes.begin(), hue_votes.end()) - hue_votes.begin());
  for (auto& [pitch, row] : partials) bank.rows.push_back(std::move(row));
  return bank;
}

}  // namespace graphony::interpret
