// Connected components of painted cells, split by their major palette colours.
#include "old_regions.h"

#include <algorithm>
#include <map>

namespace graphony::old_notes {

using namespace graphony::interpret;

Segmentation Segment(const CellField& field, const Background& bg, const PaletteMatcher& palette,
                     double min_cells) {
  const int w = field.width, h = field.height;
  const size_t n = static_cast<size_t>(w) * static_cast<size_t>(h);
  std::vector<int> label(n, -1);  // palette entry of each painted cell
  for (size_t i = 0; i < n; ++i) {
    if (field.strength[i] < kPaintStrength) continue;
    label[i] = bg.transparent ? palette.Nearest(field.lab[i])
                              : palette.Unmixed(field.linear[i], field.lab[i], bg.linear);
  }

  // 8-connected components over painted cells, by flood fill with an explicit stack. A blob
  // without a seed cell is faint texture: it is unlabelled again.
  std::vector<int> component(n, -1);
  std::vector<size_t> stack, members;
  int components = 0;
  for (size_t start = 0; start < n; ++start) {
    if (label[start] < 0 || component[start] >= 0) continue;
    component[start] = components;
    stack.push_back(start);
    members.clear();
    bool seeded = false;
    while (!stack.empty()) {
      const size_t i = stack.back();
      stack.pop_back();
      members.push_back(i);
      seeded = seeded || field.strength[i] >= kSeedStrength;
      const int x = static_cast<int>(i % static_cast<size_t>(w)),
                y = static_cast<int>(i / static_cast<size_t>(w));
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          const int nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const size_t j = field.Index(nx, ny);
          if (label[j] < 0 || component[j] >= 0) continue;
          component[j] = components;
          stack.push_back(j);
        }
      }
    }
    if (seeded) {
      ++components;
    } else {
      for (size_t i : members) {
        component[i] = -2;  // visited, not paint
        label[i] = -1;
      }
    }
  }
  for (int& c : component)
    if (c == -2) c = -1;

  // Per component, strength-weighted share of each palette colour.
  std::vector<std::map<int, double>> shares(static_cast<size_t>(components));
  std::vector<double> totals(static_cast<size_t>(components), 0.0);
  for (size_t i = 0; i < n; ++i) {
    if (component[i] < 0) continue;
    shares[static_cast<size_t>(component[i])][label[i]] += field.strength[i];
    totals[static_cast<size_t>(component[i])] += field.strength[i];
  }
  std::vector<int> dominant(static_cast<size_t>(components), 0);
  for (size_t c = 0; c < shares.size(); ++c) {
    double best = -1;
    for (const auto& [entry, weight] : shares[c])  // map order: ties go to the lower entry
      if (weight > best) {
        best = weight;
        dominant[c] = entry;
      }
  }

  // A region is (component, major colour). Numbered in scan order of first appearance.
  Segmentation seg;
  seg.region_of_cell.assign(n, -1);
  std::map<std::pair<int, int>, int> region_ids;
  for (size_t i = 0; i < n; ++i) {
    const int c = component[i];
    if (c < 0) continue;
    int entry = label[i];
    if (shares[static_cast<size_t>(c)][entry] < kMajorColourShare * totals[static_cast<size_t>(c)])
      entry = dominant[static_cast<size_t>(c)];
    auto [it, inserted] = region_ids.try_emplace({c, entry}, static_cast<int>(seg.regions.size()));
    if (inserted) {
      Region r;
      r.instrument = entry;
      r.x0 = w;
      seg.regions.push_back(r);
    }
    Region& r = seg.regions[static_cast<size_t>(it->second)];
    const int x = static_cast<int>(i % static_cast<size_t>(w));
    r.x0 = std::min(r.x0, x);
    r.x1 = std::max(r.x1, x);
    ++r.cells;
    r.strength += field.strength[i];
    r.chroma_strength += field.strength[i] * Chroma(field.lab[i]);
    seg.region_of_cell[i] = it->second;
  }

  // Specks: drop them, and renumber the survivors compactly (keeping their order).
  std::vector<int> renumber(seg.regions.size(), -1);
  std::vector<Region> kept;
  for (size_t r = 0; r < seg.regions.size(); ++r) {
    if (seg.regions[r].cells < min_cells) continue;
    renumber[r] = static_cast<int>(kept.size());
    kept.push_back(seg.regions[r]);
  }
  for (int& id : seg.region_of_cell)
    if (id >= 0) id = renumber[static_cast<size_t>(id)];
  seg.regions = std::move(kept);
  return seg;
}

}  // namespace graphony::old_notes
