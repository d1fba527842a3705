// Canvas layout: where the view sits in the window, where each pitch band lies, and the
// score-space boxes that let drawing skip strokes outside the view.
#include <algorithm>
#include <cmath>

#include "core/picture_shape.h"
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
    v.Fit(ctx.doc.score.length_beats, BeatsPerHeight(ctx.doc.score));
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
  // The bands come from the engine's pitch map, so the canvas shows what plays.
  for (const PitchBand& b : PitchMap(m).Bands())
    bands_.push_back(
        Band{static_cast<float>(b.bottom), static_cast<float>(b.top), b.midi, b.is_root});
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
