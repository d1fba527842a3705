// Image decoding: pixels come out right, and phone photos are turned upright (EXIF).
#include <doctest/doctest.h>

#include "core/score_io.h"
#include "test_files.h"

using namespace graphony;
using namespace graphony::test;

namespace {

bool Reddish(const Color& c) { return c.r > 150 && c.b < 100; }
bool Bluish(const Color& c) { return c.b > 150 && c.r < 100; }

}  // namespace

TEST_CASE("PNG pixels decode exactly") {
  const auto image = DecodeImage(MakePng(9, 5), "t.png");
  REQUIRE(image->width == 9);
  REQUIRE(image->height == 5);
  for (int y = 0; y < 5; ++y)
    for (int x = 0; x < 9; ++x)
      CHECK(image->At(x, y) == Color{static_cast<uint8_t>(x * 7), static_cast<uint8_t>(y * 13),
                                     static_cast<uint8_t>(x + y), 255});
}

TEST_CASE("JPEG EXIF orientation turns phone photos upright") {
  // Stored 32x16, left half red. Probe away from the edges and the colour boundary.
  const auto plain = DecodeImage(MakeJpegHalves(32, 16, 0), "t.jpg");
  CHECK(plain->width == 32);
  CHECK(Reddish(plain->At(4, 8)));
  CHECK(Bluish(plain->At(27, 8)));

  const auto same = DecodeImage(MakeJpegHalves(32, 16, 1), "t.jpg");
  CHECK(same->width == 32);
  CHECK(Reddish(same->At(4, 8)));

  const auto upside_down = DecodeImage(MakeJpegHalves(32, 16, 3), "t.jpg");
  CHECK(upside_down->width == 32);
  CHECK(Bluish(upside_down->At(4, 8)));
  CHECK(Reddish(upside_down->At(27, 8)));

  const auto clockwise = DecodeImage(MakeJpegHalves(32, 16, 6), "t.jpg");
  REQUIRE(clockwise->width == 16);
  REQUIRE(clockwise->height == 32);
  CHECK(Reddish(clockwise->At(8, 4)));  // the left side is now on top
  CHECK(Bluish(clockwise->At(8, 27)));

  const auto anticlockwise = DecodeImage(MakeJpegHalves(32, 16, 8), "t.jpg");
  REQUIRE(anticlockwise->width == 16);
  CHECK(Bluish(anticlockwise->At(8, 4)));  // the left side is now at the bottom
  CHECK(Reddish(anticlockwise->At(8, 27)));

  const auto mirrored = DecodeImage(MakeJpegHalves(32, 16, 2), "t.jpg");
  CHECK(Bluish(mirrored->At(4, 8)));
}

TEST_CASE("a damaged EXIF block is ignored, not trusted") {
  Bytes jpeg = MakeJpegHalves(32, 16, 6);
  jpeg[2 + 4 + 6 + 4] = 0xff;  // IFD offset points far outside the segment
  const auto image = DecodeImage(jpeg, "t.jpg");
  CHECK(image->width == 32);  // left as stored
}
