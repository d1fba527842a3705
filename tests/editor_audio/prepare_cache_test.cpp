// The editor re-interprets through InterpretCache: after an edit that leaves the picture
// alone, the picture is not analysed again (counted), and the result equals a fresh Interpret.
// The speed figure itself lives in tools/bench/interpret (timed tests flake on a shared box).
#include <doctest/doctest.h>

#include <cstdint>
#include <memory>

#include "core/score_defaults.h"
#include "playback_prepare.h"

using namespace graphony;

namespace {

// A 4000 x 3000 painting: coloured blocks on black, as a photographed artwork would give.
std::shared_ptr<const Image> BigPainting() {
  auto img = std::make_shared<Image>();
  img->width = 4000;
  img->height = 3000;
  img->rgba.assign(static_cast<size_t>(img->width) * img->height * 4, 0);
  uint32_t state = 7;
  auto next = [&]() { return (state = state * 1664525u + 1013904223u) >> 8; };
  const std::vector<PaletteEntry> palette = DefaultPalette();
  for (int i = 0; i < 300; ++i) {
    const int x0 = static_cast<int>(next() % 3800), y0 = static_cast<int>(next() % 2850);
    const int w = 20 + static_cast<int>(next() % 180), h = 10 + static_cast<int>(next() % 120);
    const Color c = palette[next() % palette.size()].color;
    for (int y = y0; y < y0 + h; ++y)
      for (int x = x0; x < x0 + w; ++x) {
        uint8_t* p = &img->rgba[(static_cast<size_t>(y) * img->width + x) * 4];
        p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = 255;
      }
  }
  for (size_t i = 3; i < img->rgba.size(); i += 4) img->rgba[i] = 255;
  return img;
}

}  // namespace

TEST_CASE("the editor's re-interpretation reuses the cached picture after a stroke edit") {
  Score score = NewScore();
  Layer picture;
  picture.kind = Layer::Kind::kImage;
  picture.name = "painting";
  picture.image.file = "images/painting.png";
  picture.image.length_beats = score.length_beats;
  picture.image.pixels = BigPainting();
  score.layers.push_back(picture);
  Layer strokes;
  strokes.kind = Layer::Kind::kStrokes;
  score.layers.push_back(strokes);

  InterpretCache cache;
  EngineSettings settings;
  const editor::PreparedPlayback first = editor::PrepareForPlayback(score, settings, &cache);
  REQUIRE(first.error.empty());
  REQUIRE(first.program);
  CHECK(cache.misses() == 1);
  CHECK(cache.hits() == 0);

  // Unchanged picture, a new stroke: no re-analysis, and the same events as a fresh run.
  Stroke s;
  s.color = score.palette[0].color;
  s.points = {{1, 0.3, 1}, {3, 0.6, 1}};
  score.layers[1].strokes.strokes.push_back(s);
  const editor::PreparedPlayback again = editor::PrepareForPlayback(score, settings, &cache);
  REQUIRE(again.error.empty());
  CHECK(cache.misses() == 1);
  CHECK(cache.hits() == 1);
  CHECK((Interpret(score, &cache) == Interpret(score)));
  MESSAGE("re-interpretation of an unchanged 4000x3000 picture: first "
          << first.interpret_ms << " ms, cached " << again.interpret_ms << " ms");
}
