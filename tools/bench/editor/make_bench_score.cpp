// Builds the editor benchmark score: one big picture plus N random brush strokes spread over the
// score.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>

#include "core/score_defaults.h"
#include "core/score_io.h"

using namespace graphony;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: make_editor_bench_score IMAGE STROKES OUT.graphony\n");
    return 2;
  }
  const std::string image_path = argv[1];
  const int stroke_count = std::atoi(argv[2]);
  try {
    Score score = NewScore();
    score.title = "Editor benchmark";
    score.length_beats = 64;
    std::ifstream in(image_path, std::ios::binary);
    auto bytes = std::make_shared<std::vector<uint8_t>>(std::istreambuf_iterator<char>(in),
                                                        std::istreambuf_iterator<char>());
    Layer picture;
    picture.kind = Layer::Kind::kImage;
    picture.name = "big picture";
    picture.image.file = "images/big.jpg";
    picture.image.length_beats = 64;
    picture.image.pixels = DecodeImage(*bytes, image_path);
    score.assets.files["images/big.jpg"] = bytes;
    score.layers.push_back(picture);

    Layer drawing;
    drawing.kind = Layer::Kind::kStrokes;
    drawing.name = "strokes";
    std::mt19937 rng(1234);
    std::uniform_real_distribution<double> u(0, 1);
    for (int i = 0; i < stroke_count; ++i) {
      Stroke s;
      s.color = score.palette[i % score.palette.size()].color;
      s.width = static_cast<float>(0.005 + 0.02 * u(rng));
      double beat = u(rng) * 60, h = u(rng);
      for (int p = 0; p < 32; ++p) {  // a wandering brush stroke, about two beats long
        beat += 0.06 + 0.04 * u(rng);
        h = std::min(1.0, std::max(0.0, h + (u(rng) - 0.5) * 0.03));
        s.points.push_back(StrokePoint{beat, h, static_cast<float>(0.4 + 0.6 * u(rng))});
      }
      drawing.strokes.strokes.push_back(std::move(s));
    }
    score.layers.push_back(std::move(drawing));
    SaveScore(score, argv[3]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_editor_bench_score: %s\n", e.what());
    return 1;
  }
  return 0;
}
