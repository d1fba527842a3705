// Canvas layout: where the view sits in the window, where each pitch band lies, and the
// score-space boxes that let drawing skip strokes outside the view.
#include <algorithm>
#include <cmath>

#include "core/pitch.h"
#include "view_canvas.h"

namespace graphony::editor {

// [SECTION] Placement

void CanvasView::PlaceView(CanvasContext& ctx, ImVec2 origin, ImVec2 avail) {
  const float s = ctx.ui.settings.ui_scale;
  const float ruler_h = std::round(ImGui::GetFontSize() * 2.4f);
  const float gutter_w = std::round(56 * s);
  ViewTransform& v = ctx.view;
  v.left = origin.x + gutter_w;
  v.top = origin.y + ruler_h;
  v.width = std::max(50.f, avail.x - gutter_w);
  v.height = std::max(50.f, avail.y - ruler_h);
  if (ctx.ui.want_fit) {
    v.Fit(ctx.doc.score.length_beats);
    ctx.ui.want_fit = false;
  }
}

float CanvasView::BrushPixels(const CanvasContext& ctx) const {
  return static_cast<float>(ctx.ui.brush_size * ctx.view.px_per_height);
}

// [SECTION] Caches

void CanvasView::RebuildCaches(const Score& score) {
  cache_revision_ = 0;  // set by the caller
  bands_.clear();
  const Mapping& m = score.mapping;
  const std::vector<int> notes = ScaleNotesInRange(m);
  if (!notes.empty()) {
    // Each scale note owns an equal share of the height (see pitch.h).
    const float share = 1.f / static_cast<float>(notes.size());
    for (size_t i = 0; i < notes.size(); ++i)
      bands_.push_back(Band{share * i, share * (i + 1), notes[i],
                            ((notes[i] - m.root) % 12 + 12) % 12 == 0});
  } else {
    // Continuous mapping: one band per semitone, linear in height.
    const int lo = static_cast<int>(std::ceil(m.lowest)), hi = static_cast<int>(std::floor(m.highest));
    const double span = std::max(1e-6, m.highest - m.lowest);
    for (int p = lo; p <= hi && p < 128; ++p) {
      if (p < 0) continue;
      const float c = static_cast<float>((p - m.lowest) / span);
      const float half = static_cast<float>(0.5 / span);
      bands_.push_back(Band{std::max(0.f, c - half), std::min(1.f, c + half), p,
                            ((p - m.root) % 12 + 12) % 12 == 0});
    }
  }
  prefer_flats_ = KeyPrefersFlats(m);
  boxes_.resize(score.layers.size());
  for (size_t li = 0; li < score.layers.size(); ++li) {
    const Layer& layer = score.layers[li];
    std::vector<Box>& boxes = boxes_[li];
    boxes.clear();
    if (layer.kind != Layer::Kind::kStrokes) continue;
    boxes.reserve(layer.strokes.strokes.size());
    for (const Stroke& s : layer.strokes.strokes) {
      Box b{1e30f, -1e30f, 1e30f, -1e30f};
      for (const StrokePoint& p : s.points) {
        b.b0 = std::min(b.b0, static_cast<float>(p.beat));
        b.b1 = std::max(b.b1, static_cast<float>(p.beat));
        b.h0 = std::min(b.h0, static_cast<float>(p.height));
        b.h1 = std::max(b.h1, static_cast<float>(p.height));
      }
      b.h0 -= s.width;
      b.h1 += s.width;
      boxes.push_back(b);
    }
  }
}

}  // namespace graphony::editor
