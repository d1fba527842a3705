// Picture shape: aspect in, beats out; no pixels or views here (the editor maps to pixels).
#include "core/picture_shape.h"

#include <algorithm>

namespace graphony {

double PictureAspect(const ImageLayer& image) {
  if (!image.pixels || image.pixels->width <= 0 || image.pixels->height <= 0) return 0;
  return static_cast<double>(image.pixels->width) / image.pixels->height;
}

double BeatsPerHeight(const Score& score) {
  const double seconds_per_beat = score.tempo_bpm > 0 ? score.SecondsPerBeat() : 0;
  if (seconds_per_beat <= 0) return 0;
  for (const Layer& layer : score.layers)
    if (layer.kind == Layer::Kind::kImage && PictureAspect(layer.image) > 0)
      return kHeightSeconds / seconds_per_beat;
  return 0;
}

double FittingLengthBeats(double aspect, double height_span, double seconds_per_beat) {
  if (aspect <= 0 || height_span <= 0 || seconds_per_beat <= 0) return 0;
  return aspect * height_span * kHeightSeconds / seconds_per_beat;
}

void PlaceNewPicture(const Score& score, double aspect, ImageLayer& image) {
  image.start_beat = 0;
  image.bottom = 0;
  image.top = 1;
  const double fitting =
      score.tempo_bpm > 0 ? FittingLengthBeats(aspect, 1.0, score.SecondsPerBeat()) : 0;
  image.length_beats = fitting > 0 ? fitting : std::max(1.0, score.length_beats);
}

}  // namespace graphony
