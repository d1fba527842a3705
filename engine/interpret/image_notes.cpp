// Notes mode: the figure field (figure.h) is sliced along the rhythmic grid; in each grid step
// every vertical run of figure of one colour is a voice whose centre height picks a scale
// note. A smooth voice lasts while its pitch keeps sounding in consecutive steps; a busy
// (textured) one is struck again each step. Under a painting, the calmest bands of each bar
// hold a soft bed note in their own colour.
#include "interpret/image_notes.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/pitch.h"
#include "interpret/figure.h"
#include "interpret/foreground.h"
#include "interpret/pan.h"
#include "interpret/placement.h"
#include "interpret/resample.h"
#include "interpret/scale_lookup.h"

namespace graphony::interpret {

namespace {

// Rows whose figure (averaged over the step's columns) reaches this belong to a voice.
constexpr float kFigureThreshold = 0.12f;
// A run carrying less figure than this many cells per column (on average) is a sliver.
constexpr double kMinRunCells = 0.25;

struct Voice {
  double paint = 0;                                            // figure-weighted cells
  double height = 0;                                           // figure-weighted centre
  double thickness = 0;                                        // vertical extent in scale bands
  double salience = 0, texture = 0, chroma = 0, strength = 0;  // figure-weighted means
  int label = 0;
  int lowest = 0, highest = 0;  // printed pitches at the run's bottom and top rows
};

struct OpenNote {
  int64_t first_step = 0;
  int64_t steps = 0;
  double height = 0, thickness = 0, salience = 0, chroma = 0, strength = 0;
  bool mass = false;
  int label = 0;
};

// Loudness from size (thickness in bands), colour (saturation and contrast) and how much the
// voice stands out, times opacity.
float Velocity(double thickness, double chroma, double strength, double salience, float opacity) {
  const double size = std::clamp(thickness, 0.0, 1.0);
  const double colour =
      0.6 * std::clamp(chroma / 0.15, 0.0, 1.0) + 0.4 * std::clamp(strength, 0.0, 1.0);
  const double stand_out = std::clamp(salience, 0.0, 1.0);
  return static_cast<float>(
      std::clamp((0.3 + 0.3 * size + 0.2 * colour + 0.2 * stand_out) * opacity, 0.0, 1.0));
}

// Connected figures smaller than `min_cells` are dust: their figure is cleared (paper only).
void ClearSpecks(FigureField& f, double min_cells) {
  const int w = f.width, h = f.height;
  std::vector<int> seen(f.figure.size(), 0);
  std::vector<size_t> stack, members;
  for (size_t start = 0; start < f.figure.size(); ++start) {
    if (seen[start] || f.figure[start] < kFigureThreshold) continue;
    seen[start] = 1;
    stack.assign(1, start);
    members.clear();
    while (!stack.empty()) {
      const size_t i = stack.back();
      stack.pop_back();
      members.push_back(i);
      const int x = static_cast<int>(i % static_cast<size_t>(w)),
                y = static_cast<int>(i / static_cast<size_t>(w));
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const int nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const size_t j = f.Index(nx, ny);
          if (seen[j] || f.figure[j] < kFigureThreshold) continue;
          seen[j] = 1;
          stack.push_back(j);
        }
    }
    if (static_cast<double>(members.size()) < min_cells)
      for (size_t i : members) f.figure[i] = 0;
  }
}

}  // namespace

std::vector<NoteEvent> ImageNotes(const Mapping& mapping, const ImageLayer& layer, int layer_index,
                                  const PaletteMatcher& palette, double bar_beats) {
  std::vector<NoteEvent> notes;
  if (!layer.pixels || !ImageIsUsable(*layer.pixels) || !PlacementIsUsable(layer)) return notes;
  const float opacity = LayerOpacity(layer);
  if (opacity <= 0.0f) return notes;
  const Image& image = *layer.pixels;
  const int columns = std::min(image.width, kNotesGridSide);
  const int rows = std::min(image.height, kNotesGridSide);
  const Background bg = DetectBackground(image);
  const LinearGrid grid = AreaResample(image, columns, rows);
  const CellField field = MakeCellField(grid, bg, kNotesFullDistance);
  FigureField fig = MakeFigureField(grid, field, bg, columns / std::max(1e-9, layer.length_beats));
  // Dust on paper is ignored; inside a painting a small bright star is exactly what sounds.
  if (fig.paper > 0.5f) ClearSpecks(fig, std::max(1.0, kSpeckShare * columns * rows));
  const Placement place(layer, columns, rows);

  // Each cell's colour: on paper, the ink that best explains it over the paper; in a
  // painting, the nearest palette colour (what the cell shows).
  const size_t n = static_cast<size_t>(columns) * static_cast<size_t>(rows);
  std::vector<int> label(n, 0);
  const bool on_paper = fig.paper >= 0.9f && !bg.transparent;
  for (size_t i = 0; i < n; ++i)
    label[i] = on_paper && field.strength[i] >= 0.05f
                   ? palette.Unmixed(field.linear[i], field.lab[i], bg.linear)
                   : palette.Nearest(field.lab[i]);
  const int entries = std::max(1, palette.size());

  const ScaleLookup scale(mapping);
  const std::vector<int>& scale_notes = scale.notes();
  const double bands = scale_notes.empty() ? std::max(1.0, mapping.highest - mapping.lowest)
                                           : static_cast<double>(scale_notes.size());
  const double cells_per_band = rows / std::max(1e-9, std::abs(place.top - place.bottom) * bands);
  constexpr double kMaxStepsPerLayer = 8192;
  const double g = mapping.grid *
                   std::max(1.0, std::ceil(layer.length_beats / mapping.grid / kMaxStepsPerLayer));
  const bool continuous = mapping.scale == "none";

  auto emit = [&](int quantised, const OpenNote& o) {
    const double count = static_cast<double>(o.steps);
    const double height = o.height / count;
    NoteEvent note;
    note.start_beat = static_cast<double>(o.first_step) * g;
    note.duration_beats = count * g;
    note.quantised_pitch = quantised;
    note.pitch = continuous ? scale.Pitch(height) : quantised;
    float v = Velocity(o.thickness / count, o.chroma / count, o.strength / count,
                       o.salience / count, opacity);
    if (o.mass) v *= 0.75f;  // a big mass is a presence, not a melody
    note.velocity = v;
    note.instrument = o.label;
    note.pan = PanForHeight(height);
    note.layer = layer_index;
    notes.push_back(note);
  };

  const int64_t k0 = std::llround(layer.start_beat / g);
  const int64_t k1 = std::max(
      k0 + 1, static_cast<int64_t>(std::llround((layer.start_beat + layer.length_beats) / g)));
  std::vector<double> paint(static_cast<size_t>(rows)), sal(static_cast<size_t>(rows)),
      tex(static_cast<size_t>(rows)), chroma(static_cast<size_t>(rows)),
      strength(static_cast<size_t>(rows));
  std::vector<std::vector<double>> votes(static_cast<size_t>(rows),
                                         std::vector<double>(static_cast<size_t>(entries)));
  std::map<std::pair<int, int>, OpenNote> open;  // by (printed pitch, instrument)
  // Each row's scale band (-1 outside the scale), for "the colour most of a note's cell shows".
  const int nb = static_cast<int>(scale_notes.size());
  std::vector<int> band_of_row(static_cast<size_t>(rows), -1);
  for (int y = 0; y < rows && nb > 0; ++y) {
    const int q = scale.Printed(place.HeightAt(y + 0.5));
    auto it = std::lower_bound(scale_notes.begin(), scale_notes.end(), q);
    if (it != scale_notes.end() && *it == q)
      band_of_row[static_cast<size_t>(y)] = static_cast<int>(it - scale_notes.begin());
  }
  std::vector<std::vector<double>> cell_votes(static_cast<size_t>(std::max(1, nb)),
                                              std::vector<double>(static_cast<size_t>(entries)));
  for (int64_t k = k0; k < k1; ++k) {
    int xa = static_cast<int>(std::floor(place.ColumnAt(static_cast<double>(k) * g) + 1e-9));
    int xb = static_cast<int>(std::ceil(place.ColumnAt(static_cast<double>(k + 1) * g) - 1e-9)) - 1;
    xa = std::clamp(xa, 0, columns - 1);
    xb = std::clamp(std::max(xb, xa), 0, columns - 1);
    const double ncols = xb - xa + 1;
    for (int y = 0; y < rows; ++y) {
      double p = 0, s = 0, t = 0, c = 0, st = 0;
      std::vector<double>& vote = votes[static_cast<size_t>(y)];
      std::fill(vote.begin(), vote.end(), 0.0);
      for (int x = xa; x <= xb; ++x) {
        const size_t i = fig.Index(x, y);
        const double f = fig.figure[i] >= kFigureThreshold ? fig.figure[i] : 0.0;
        p += f;
        s += f * fig.salience[i];
        t += f * fig.texture[i];
        c += f * Chroma(field.lab[i]);
        st += f * field.strength[i];
        vote[static_cast<size_t>(label[i])] += f;
      }
      paint[static_cast<size_t>(y)] = p;
      sal[static_cast<size_t>(y)] = s;
      tex[static_cast<size_t>(y)] = t;
      chroma[static_cast<size_t>(y)] = c;
      strength[static_cast<size_t>(y)] = st;
    }
    for (auto& v : cell_votes) std::fill(v.begin(), v.end(), 0.0);
    for (int y = 0; y < rows; ++y) {
      const int band = band_of_row[static_cast<size_t>(y)];
      if (band < 0) continue;
      for (int x = xa; x <= xb; ++x)
        cell_votes[static_cast<size_t>(band)][static_cast<size_t>(label[fig.Index(x, y)])] +=
            fig.alpha[fig.Index(x, y)];
    }
    // In a painting a note plays the colour that most of its cell (its band, this step) shows;
    // on paper, the ink of its run.
    auto cell_label = [&](int q, int ink) {
      if (on_paper || nb == 0) return ink;
      auto it = std::lower_bound(scale_notes.begin(), scale_notes.end(), q);
      if (it == scale_notes.end() || *it != q) return ink;
      const std::vector<double>& v = cell_votes[static_cast<size_t>(it - scale_notes.begin())];
      return static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
    };
    auto row_label = [&](int y) {
      const std::vector<double>& v = votes[static_cast<size_t>(y)];
      return static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
    };

    // Each vertical run of one colour is a voice; several on one pitch keep the strongest.
    std::map<std::pair<int, int>, Voice> voices;
    for (int y = 0; y < rows;) {
      if (paint[static_cast<size_t>(y)] <= 0) {
        ++y;
        continue;
      }
      Voice v;
      std::vector<double> run_votes(static_cast<size_t>(entries), 0.0);
      const int colour = row_label(y);
      const int run_top = y;
      for (; y < rows && paint[static_cast<size_t>(y)] > 0 && row_label(y) == colour; ++y) {
        const double p = paint[static_cast<size_t>(y)];
        v.paint += p;
        v.height += p * place.HeightAt(y + 0.5);
        v.salience += sal[static_cast<size_t>(y)];
        v.texture += tex[static_cast<size_t>(y)];
        v.chroma += chroma[static_cast<size_t>(y)];
        v.strength += strength[static_cast<size_t>(y)];
      }
      if (v.paint / ncols < kMinRunCells) continue;
      v.height /= v.paint;
      v.salience /= v.paint;
      v.texture /= v.paint;
      v.chroma /= v.paint;
      v.strength /= v.paint;
      v.thickness = v.paint / ncols / cells_per_band;
      v.highest = scale.Printed(place.HeightAt(run_top + 0.5));
      v.lowest = scale.Printed(place.HeightAt(y - 0.5));
      if (v.lowest > v.highest) std::swap(v.lowest, v.highest);
      const int q = scale.Printed(v.height);
      v.label = cell_label(q, colour);
      auto [slot, inserted] = voices.try_emplace({q, v.label}, v);
      if (!inserted && v.paint > slot->second.paint) slot->second = v;
    }

    // A mass is a presence, not a melody: its held note goes on while the note is still inside
    // the mass, however the mass's centre drifts (a blurred or shaded mass is one long note,
    // where the same shape in sharp detail keeps its separate limbs and edges as voices).
    for (const auto& [key, o] : open) {
      if (!o.mass || voices.count(key)) continue;
      for (auto v = voices.begin(); v != voices.end(); ++v) {
        const Voice& m = v->second;
        if (m.label != key.second || m.thickness <= kMassBands || key.first < m.lowest ||
            key.first > m.highest || open.count(v->first))
          continue;
        const Voice moved = m;
        voices.erase(v);
        voices.emplace(key, moved);
        break;
      }
    }
    // Smooth voices continue while their pitch keeps sounding; busy ones strike again.
    for (auto it = open.begin(); it != open.end();) {
      auto v = voices.find(it->first);
      // (On paper the outline of a mark is not brushwork: drawings keep their held notes.)
      const bool busy = v != voices.end() &&
                        v->second.texture * (1.0f - fig.paper) >= kBusyTexture &&
                        v->second.thickness <= kMassBands;
      if (v != voices.end() && !busy) {
        ++it;
        continue;
      }
      emit(it->first.first, it->second);
      it = open.erase(it);
    }
    for (const auto& [key, v] : voices) {
      auto [it, inserted] = open.try_emplace(key, OpenNote{k, 0, 0, 0, 0, 0, 0, false, v.label});
      OpenNote& o = it->second;
      o.steps += 1;
      o.height += v.height;
      o.thickness += std::min(v.thickness, kMassBands);
      o.salience += v.salience;
      o.chroma += v.chroma;
      o.strength += v.strength;
      o.mass = o.mass || v.thickness > kMassBands;
    }
  }
  for (const auto& [key, o] : open) emit(key.first, o);

  // The bed: under a painting, each bar's calmest, largest band of ground holds a soft note
  // of its own colour, and a second one a few bands away if it is nearly as calm.
  // Blank paper stays silent (the marks on it are the music); painted ground gives the bed.
  const float ground_weight = 1.0f - fig.paper;
  // A canvas with nothing on it at all is silence, not a bed.
  // A bed too quiet to hear (a drawing whose paper is nearly all blank) is not written either.
  if (ground_weight > 0.3f && !notes.empty() && !scale_notes.empty() && bar_beats > 0) {
    const double bar = std::max(bar_beats, g);
    const int nb = static_cast<int>(scale_notes.size());
    const double end = layer.start_beat + layer.length_beats;
    for (double b0 = std::floor(layer.start_beat / bar) * bar; b0 < end - 1e-9; b0 += bar) {
      const double s0 = std::max(b0, layer.start_beat), s1 = std::min(b0 + bar, end);
      if (s1 - s0 < g * 0.5) continue;
      const int xa = std::clamp(static_cast<int>(std::floor(place.ColumnAt(s0))), 0, columns - 1);
      const int xb =
          std::clamp(static_cast<int>(std::ceil(place.ColumnAt(s1))) - 1, xa, columns - 1);
      std::vector<double> calm(static_cast<size_t>(nb), 0.0), count(static_cast<size_t>(nb), 0.0);
      std::vector<std::vector<double>> band_votes(
          static_cast<size_t>(nb), std::vector<double>(static_cast<size_t>(entries)));
      std::vector<double> band_height(static_cast<size_t>(nb), 0.0);
      for (int y = 0; y < rows; ++y) {
        const double height = place.HeightAt(y + 0.5);
        const int q = scale.Printed(height);
        const int j = static_cast<int>(std::lower_bound(scale_notes.begin(), scale_notes.end(), q) -
                                       scale_notes.begin());
        if (j < 0 || j >= nb) continue;
        for (int x = xa; x <= xb; ++x) {
          const size_t i = fig.Index(x, y);
          calm[static_cast<size_t>(j)] +=
              (1.0 - fig.figure[i]) * (1.0 - fig.texture[i]) * fig.alpha[i];
          count[static_cast<size_t>(j)] += 1;
          band_votes[static_cast<size_t>(j)][static_cast<size_t>(label[i])] += 1;
          band_height[static_cast<size_t>(j)] += height;
        }
      }
      for (int j = 0; j < nb; ++j)
        if (count[static_cast<size_t>(j)] > 0)
          calm[static_cast<size_t>(j)] /= count[static_cast<size_t>(j)];
      int first = -1, second = -1;
      for (int j = 0; j < nb; ++j)
        if (count[static_cast<size_t>(j)] > 0 &&
            (first < 0 || calm[static_cast<size_t>(j)] > calm[static_cast<size_t>(first)]))
          first = j;
      if (first < 0 || calm[static_cast<size_t>(first)] < 0.3) continue;
      for (int j = 0; j < nb; ++j)
        if (std::abs(j - first) >= 3 && count[static_cast<size_t>(j)] > 0 &&
            (second < 0 || calm[static_cast<size_t>(j)] > calm[static_cast<size_t>(second)]))
          second = j;
      for (int j : {first, second}) {
        if (j < 0 || calm[static_cast<size_t>(j)] < 0.8 * calm[static_cast<size_t>(first)])
          continue;
        const std::vector<double>& v = band_votes[static_cast<size_t>(j)];
        NoteEvent note;
        note.start_beat = std::round(s0 / g) * g;
        note.duration_beats = std::max(g, std::round(s1 / g) * g - note.start_beat);
        note.quantised_pitch = scale_notes[static_cast<size_t>(j)];
        note.pitch = note.quantised_pitch;
        note.velocity = static_cast<float>((0.16 + 0.14 * calm[static_cast<size_t>(j)]) *
                                           ground_weight * opacity);
        note.instrument = static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
        note.pan =
            PanForHeight(band_height[static_cast<size_t>(j)] / count[static_cast<size_t>(j)]);
        note.layer = layer_index;
        notes.push_back(note);
      }
    }
  }
  return notes;
}

}  // namespace graphony::interpret
