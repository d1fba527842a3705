// Tests for the drawing tools: brush dynamics, line, dot, hit testing, erase, move, delete.
#include "logic/tools.h"

#include <doctest/doctest.h>

using namespace graphony;
using namespace graphony::editor;

namespace {
ViewTransform TestView() {
  ViewTransform v;
  v.left = 0;
  v.top = 0;
  v.width = 1000;
  v.height = 500;
  v.first_beat = 0;
  v.px_per_beat = 50;  // 20 beats across
  v.bottom_height = 0;
  v.px_per_height = 500;
  return v;
}
}  // namespace

TEST_CASE("brush: fast movement gives a thinner line than slow movement") {
  const ViewTransform v = TestView();
  BrushBuilder slow, fast;
  slow.Begin(v, 100, 250, 0.0, Color{1, 2, 3, 255}, 0.03f, "c1");
  fast.Begin(v, 100, 250, 0.0, Color{1, 2, 3, 255}, 0.03f, "c1");
  for (int i = 1; i <= 30; ++i) {
    slow.Add(v, 100 + 5.f * i, 250, i * 0.1);    // 50 px/s
    fast.Add(v, 100 + 50.f * i, 250, i * 0.01);  // 5000 px/s
  }
  const Stroke s = slow.Finish();
  const Stroke f = fast.Finish();
  CHECK_FALSE(slow.Active());
  CHECK(s.points.size() == 31);
  CHECK(s.contributor == "c1");
  CHECK(s.width == 0.03f);
  CHECK(s.points.back().pressure == doctest::Approx(1.0f));
  CHECK(f.points.back().pressure < 0.5f);
  CHECK(f.points.back().pressure >= BrushBuilder::kMinPressure);
  // Points are in score coordinates: x 100 px = beat 2, y 250 px = height 0.5.
  CHECK(s.points[0].beat == doctest::Approx(2));
  CHECK(s.points[0].height == doctest::Approx(0.5));
}

TEST_CASE("brush: tiny jitters add no points and heights stay in 0..1") {
  const ViewTransform v = TestView();
  BrushBuilder b;
  b.Begin(v, 10, 10, 0, Color{}, 0.02f, "");
  b.Add(v, 10.5f, 10.5f, 0.01);
  CHECK(b.Current().points.size() == 1);
  b.Add(v, 60, -300, 0.1);  // dragged above the canvas
  CHECK(b.Current().points.back().height == 1.0);
}

TEST_CASE("line and dot strokes") {
  const ViewTransform v = TestView();
  const Stroke line = MakeLineStroke(v, 0, 500, 500, 0, Color{}, 0.02f, "c2");
  CHECK(line.points.size() > 2);
  CHECK(line.points.front().beat == doctest::Approx(0));
  CHECK(line.points.front().height == doctest::Approx(0));
  CHECK(line.points.back().beat == doctest::Approx(10));
  CHECK(line.points.back().height == doctest::Approx(1));
  const Stroke dot = MakeDotStroke(v, 250, 250, Color{}, 0.02f, "c2");
  CHECK(dot.points.size() == 1);
  CHECK(dot.contributor == "c2");
}

TEST_CASE("hit testing, rectangle selection, erasing, moving and deleting") {
  const ViewTransform v = TestView();
  StrokeLayer layer;
  layer.strokes.push_back(MakeLineStroke(v, 100, 100, 300, 100, Color{}, 0.01f, ""));  // 0
  layer.strokes.push_back(MakeLineStroke(v, 100, 400, 300, 400, Color{}, 0.01f, ""));  // 1
  layer.strokes.push_back(MakeDotStroke(v, 800, 250, Color{}, 0.01f, ""));             // 2
  CHECK(HitStroke(v, layer, 200, 103, 6) == 0);
  CHECK(HitStroke(v, layer, 200, 398, 6) == 1);
  CHECK(HitStroke(v, layer, 200, 250, 6) == -1);
  CHECK(HitStroke(v, layer, 801, 251, 6) == 2);

  std::vector<int> sel;
  StrokesInRect(v, layer, 0, 0, 1000, 200, sel);
  CHECK(sel == std::vector<int>{0});
  StrokesInRect(v, layer, 1000, 500, 50, 150, sel);  // corners in any order
  CHECK(sel == std::vector<int>{1, 2});

  MoveStrokes(layer, {1}, 1.0, 0.1);
  CHECK(layer.strokes[1].points[0].beat == doctest::Approx(3));
  CHECK(layer.strokes[1].points[0].height == doctest::Approx(0.3));

  DeleteStrokes(layer, {2, 0, 2});
  REQUIRE(layer.strokes.size() == 1);
  CHECK(layer.strokes[0].points[0].beat == doctest::Approx(3));

  CHECK(EraseNear(v, layer, 10, 10, 5) == 0);
  const float y = v.HeightToY(0.3);
  CHECK(EraseNear(v, layer, 250, y, 5) == 1);
  CHECK(layer.strokes.empty());
}

TEST_CASE("new strokes go to an unlocked visible stroke layer") {
  Score score;
  CHECK(DrawingLayer(score, 0) == -1);
  Layer img;
  img.kind = Layer::Kind::kImage;
  score.layers.push_back(img);
  CHECK(DrawingLayer(score, 0) == -1);  // an image layer cannot take strokes
  const int a = AddStrokeLayer(score, "A");
  const int b = AddStrokeLayer(score, "B");
  CHECK(DrawingLayer(score, a) == a);
  CHECK(DrawingLayer(score, 0) == b);  // falls back to the top-most
  score.layers[b].locked = true;
  CHECK(DrawingLayer(score, b) == a);
  score.layers[a].visible = false;
  CHECK(DrawingLayer(score, b) == -1);
}

TEST_CASE("image handles: body and right edge") {
  const ViewTransform v = TestView();
  ImageLayer img;
  img.start_beat = 2;
  img.length_beats = 4;  // x 100..300
  CHECK(HitImage(v, img, 200, 250, 8) == ImageHandle::kBody);
  CHECK(HitImage(v, img, 305, 250, 8) == ImageHandle::kRightEdge);
  CHECK(HitImage(v, img, 50, 250, 8) == ImageHandle::kNone);
}
