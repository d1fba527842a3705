// graphony-make-demo OUT.graphony [--png FILE]: writes the demo score (a painting made by
// code plus two contributors' strokes). scores/demo.graphony is this program's output.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/score_defaults.h"
#include "core/score_io.h"
#include "core/score_text.h"
#include "demo_painting.h"

using namespace graphony;

namespace {

// A stroke of `colour` from (beat, height) to (beat + length, height + rise), pressed a
// little harder in the middle as a hand does.
Stroke Line(const char* colour, double beat, double height, double length, double rise,
            const char* contributor) {
  Stroke s;
  s.color = *ParseColor(colour);
  s.width = 0.025f;
  s.contributor = contributor;
  const int points = std::max(2, static_cast<int>(length * 4) + 1);
  for (int i = 0; i < points; ++i) {
    const double t = i / double(points - 1);
    const float pressure = std::round((0.6 + 0.3 * std::sin(t * 3.14159265)) * 100) / 100;
    s.points.push_back({beat + t * length, height + t * rise, pressure});
  }
  return s;
}

Score DemoScore(const std::vector<uint8_t>& png) {
  Score score = NewScore();
  score.title = "Harbour Morning";
  score.date = "2026-12-01";
  score.length_beats = demo::kPaintingBeats;
  score.contributors = {
      // Maya is credited by name and agreed to exhibition (so prints name her); Jo keeps
      // recordings within the group and is printed as initials.
      {"c1", "Maya", "M.", "painter", Consent{true, true, true, false, false, ""}},
      {"c2", "Jo K.", "J.K.", "bass line", Consent{false, true, false, false, false, ""}},
  };
  score.sections = {{0, "Calm sea"}, {16, "The gull"}};

  Layer painting;
  painting.kind = Layer::Kind::kImage;
  painting.name = "Harbour painting";
  painting.image.file = "images/harbour.png";
  painting.image.length_beats = demo::kPaintingBeats;
  painting.image.mode = ImageMode::kNotes;
  score.assets.files[painting.image.file] = std::make_shared<const std::vector<uint8_t>>(png);
  score.layers.push_back(painting);

  Layer strokes;
  strokes.kind = Layer::Kind::kStrokes;
  strokes.name = "Drawn together";
  // Maya: two rising harp runs answering the marimba.
  strokes.strokes.strokes.push_back(Line("#009e73", 6, 0.32, 2, 0.14, "c1"));
  strokes.strokes.strokes.push_back(Line("#009e73", 22, 0.36, 2, 0.14, "c1"));
  // Jo: a low, steady bass note at the start of every other bar.
  for (double beat : {0.0, 8.0, 16.0, 24.0})
    strokes.strokes.strokes.push_back(Line("#d55e00", beat, beat == 16 ? 0.1 : 0.06, 2, 0, "c2"));
  score.layers.push_back(strokes);
  return score;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 4 && std::strcmp(argv[2], "--png") == 0)) {
    std::fprintf(stderr, "usage: graphony-make-demo OUT.graphony [--png FILE]\n");
    return 2;
  }
  try {
    const auto rgba = demo::PaintDemo();
    const auto png = demo::EncodePng(rgba, demo::kPaintingWidth, demo::kPaintingHeight);
    if (argc == 4) WriteFileAtomically(argv[3], png.data(), png.size());
    SaveScore(DemoScore(png), argv[1]);
    std::printf("%s: demo score written\n", argv[1]);
  } catch (const ScoreError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
