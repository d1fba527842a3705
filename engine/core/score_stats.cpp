// Small counts over a score (see score_stats.h).
#include "core/score_stats.h"

namespace graphony {

size_t CountImageLayers(const Score& score) {
  size_t n = 0;
  for (const Layer& layer : score.layers) n += layer.kind == Layer::Kind::kImage;
  return n;
}

size_t CountStrokes(const Score& score) {
  size_t n = 0;
  for (const Layer& layer : score.layers)
    if (layer.kind == Layer::Kind::kStrokes) n += layer.strokes.strokes.size();
  return n;
}

size_t CountStrokePoints(const Score& score) {
  size_t n = 0;
  for (const Layer& layer : score.layers)
    if (layer.kind == Layer::Kind::kStrokes)
      for (const Stroke& s : layer.strokes.strokes) n += s.points.size();
  return n;
}

}  // namespace graphony
