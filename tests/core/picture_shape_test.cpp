// Picture shape: the first picture gives the surface its shape; later ones keep theirs on it.
#include "core/picture_shape.h"

#include <doctest/doctest.h>

#include <memory>

#include "core/score_defaults.h"

using namespace graphony;

namespace {
std::shared_ptr<const Image> Pixels(int w, int h) {
  auto img = std::make_shared<Image>();
  img->width = w;
  img->height = h;
  img->rgba.assign(static_cast<size_t>(w) * h * 4, 255);
  return img;
}
}  // namespace

TEST_CASE("a new picture is placed at its own shape, and the surface has one only with pictures") {
  Score score = NewScore();
  CHECK(BeatsPerHeight(score) == 0);  // no picture: nothing can look stretched
  ImageLayer wide;
  wide.pixels = Pixels(160, 90);
  CHECK(PictureAspect(wide) == doctest::Approx(16.0 / 9));
  PlaceNewPicture(score, PictureAspect(wide), wide);
  CHECK(wide.length_beats == score.length_beats);  // the first spans the score
  CHECK(wide.start_beat == 0);
  CHECK(wide.bottom == 0);
  CHECK(wide.top == 1);
  Layer layer;
  layer.kind = Layer::Kind::kImage;
  layer.image = wide;
  score.layers.push_back(layer);
  const double per_height = BeatsPerHeight(score);
  REQUIRE(per_height > 0);
  // Drawn with px_per_height = px_per_beat * per_height, it is 16:9 on screen.
  CHECK(wide.length_beats / per_height == doctest::Approx(16.0 / 9));
  ImageLayer tall;
  tall.pixels = Pixels(300, 400);
  PlaceNewPicture(score, PictureAspect(tall), tall);
  CHECK(tall.length_beats / per_height == doctest::Approx(0.75));
}
