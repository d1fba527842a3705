// Tests for the canvas view transform: round trips, zoom about a point, fit, clamping.
#include "logic/view_transform.h"

#include <doctest/doctest.h>

#include <initializer_list>

using namespace graphony::editor;

TEST_CASE("beats and heights round-trip through pixels") {
  ViewTransform v;
  v.left = 100;
  v.top = 50;
  v.width = 800;
  v.height = 400;
  v.first_beat = 2;
  v.px_per_beat = 25;
  v.bottom_height = 0;
  v.px_per_height = 400;
  CHECK(v.BeatToX(2) == doctest::Approx(100));
  CHECK(v.BeatToX(6) == doctest::Approx(200));
  CHECK(v.HeightToY(0) == doctest::Approx(450));  // bottom edge
  CHECK(v.HeightToY(1) == doctest::Approx(50));   // top edge: heights grow upwards
  for (double b : {-3.0, 0.0, 7.25, 31.5})
    CHECK(v.XToBeat(v.BeatToX(b)) == doctest::Approx(b).epsilon(1e-5));
  for (double h : {0.0, 0.3, 1.0})
    CHECK(v.YToHeight(v.HeightToY(h)) == doctest::Approx(h).epsilon(1e-5));
}

TEST_CASE("zooming keeps the point under the pointer fixed") {
  ViewTransform v;
  v.Fit(32);
  const float x = 333, y = 222;
  const double beat = v.XToBeat(x), h = v.YToHeight(y);
  v.ZoomAround(x, y, 2.0);
  CHECK(v.XToBeat(x) == doctest::Approx(beat).epsilon(1e-6));
  CHECK(v.YToHeight(y) == doctest::Approx(h).epsilon(1e-6));
  const double ppb = v.px_per_beat;
  v.ZoomAround(x, y, 0.5);
  CHECK(v.px_per_beat == doctest::Approx(ppb / 2));
  // Zoom is bounded so a wild wheel cannot make the score vanish.
  for (int i = 0; i < 100; ++i) v.ZoomAround(x, y, 3.0);
  CHECK(v.px_per_beat == doctest::Approx(ViewTransform::kMaxPxPerBeat));
}

TEST_CASE("fit shows the whole score and the full height") {
  ViewTransform v;
  v.left = 0;
  v.top = 0;
  v.width = 1000;
  v.height = 500;
  v.Fit(64);
  CHECK(v.BeatToX(0) > 0);
  CHECK(v.BeatToX(64) < 1000);
  CHECK(v.BeatToX(64) > 900);
  CHECK(v.HeightToY(1) > 0);
  CHECK(v.HeightToY(0) < 500);
  CHECK(v.ZoomPercent(64) == doctest::Approx(100));
}

TEST_CASE("panning moves content with the pointer and clamping keeps the score in reach") {
  ViewTransform v;
  v.Fit(16);
  const float x_before = v.BeatToX(4);
  v.PanPixels(50, 0);
  CHECK(v.BeatToX(4) == doctest::Approx(x_before + 50));
  v.PanPixels(-1e7f, 0);
  v.Clamp(16);
  CHECK(v.first_beat <= 16);
  v.PanPixels(1e7f, 1e7f);
  v.Clamp(16);
  CHECK(v.first_beat >= -v.width / v.px_per_beat);
  CHECK(v.bottom_height <= 1.0);
}
