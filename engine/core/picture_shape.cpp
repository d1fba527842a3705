// Picture shape: aspect in, beats out; no pixels or views here (the editor maps to pixels).
#include "core/picture_shape.h"

#include <algorithm>

namespace graphony {

double PictureAspect(const ImageLayer& image) {
  if (!image.pixels || image.pixels->width <= 0 || image.pixels->height <= 0) return 0;
  return static_cast<double>(image.pixels->width) / image.pixels->height;
}

double BeatsPerHeight(const Score& score) {
  for (const Layer& layer : score.layers) {
    if (layer.kind != Layer::Kind::kImage) continue;
    const double aspect = PictureAspect(layer.image);
    const double span = layer.image.top - layer.image.bottom;
    if (aspect > 0 && span > 0 && layer.image.length_beats > 0)
      return layer.image.length_beats / (aspect * span);
  }
  return 0;
}

void PlaceNewPicture(const Score& score, double aspect, ImageLayer& image) {
  image.start_beat = 0;
  image.bottom = 0;
  image.top = 1;
  const double per_height = BeatsPerHeight(score);
  image.length_beats =
      per_height > 0 && aspect > 0 ? aspect * per_height : std::max(1.0, score.length_beats);
}

}  // namespace graphony
