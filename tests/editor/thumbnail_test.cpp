// Thumbnails: pictures decoded small with their shape, scores drawn from their bundle, the
// cache keyed by time and size, the worker newest-first and never stuck on a bad file.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "core/image_encode.h"
#include "core/score_defaults.h"
#include "core/score_io.h"
#include "logic/thumbnail_cache.h"
#include "logic/thumbnail_loader.h"
#include "support/temp_dir.h"

using namespace graphony;
using namespace graphony::editor;
namespace fs = std::filesystem;

namespace {

// A w x h picture, left half red and right half blue.
void WritePng(const fs::path& path, int w, int h) {
  std::vector<uint8_t> rgba(static_cast<size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = &rgba[(static_cast<size_t>(y) * w + x) * 4];
      p[0] = x < w / 2 ? 255 : 0, p[1] = 0, p[2] = x < w / 2 ? 0 : 255, p[3] = 255;
    }
  const std::vector<uint8_t> png = EncodePng(rgba.data(), w, h);
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
}

const uint8_t* Pixel(const Thumbnail& t, int x, int y) {
  return &t.rgba[(static_cast<size_t>(y) * t.width + x) * 4];
}

}  // namespace

TEST_CASE("a big picture becomes a small thumbnail of the same shape and colours") {
  test::TempDir dir("thumb");
  WritePng(dir / "wide.png", 3200, 1800);
  const Thumbnail t = MakeThumbnail(dir / "wide.png", 160);
  REQUIRE(t.error.empty());
  CHECK(t.width >= 160);
  CHECK(t.width < 320);
  CHECK(static_cast<double>(t.width) / t.height == doctest::Approx(16.0 / 9).epsilon(0.02));
  CHECK(Pixel(t, 2, t.height / 2)[0] > 200);            // red on the left
  CHECK(Pixel(t, t.width - 3, t.height / 2)[2] > 200);  // blue on the right
}

TEST_CASE("a score's thumbnail shows its picture and its strokes") {
  test::TempDir dir("thumbscore");
  WritePng(dir / "pic.png", 800, 600);
  Score score = NewScore();
  Layer picture;
  picture.kind = Layer::Kind::kImage;
  picture.image.file = "pic.png";
  picture.image.length_beats = score.length_beats;
  score.layers.insert(score.layers.begin(), picture);
  SaveScore(score, dir / "with-picture.graphony", dir.Path());
  const Thumbnail p = MakeThumbnail(dir / "with-picture.graphony", 160);
  REQUIRE(p.error.empty());
  CHECK(p.width == 160);
  CHECK(static_cast<double>(p.width) / p.height == doctest::Approx(4.0 / 3).epsilon(0.03));
  CHECK(Pixel(p, 3, p.height / 2)[0] > 200);
  CHECK(Pixel(p, p.width - 4, p.height / 2)[2] > 200);

  // Strokes only: a green line across the middle on paper.
  Score drawn = NewScore();
  Stroke stroke;
  stroke.color = Color{0, 200, 0, 255};
  stroke.width = 0.1f;
  stroke.points = {{0, 0.5, 1}, {drawn.length_beats, 0.5, 1}};
  Layer layer;
  layer.kind = Layer::Kind::kStrokes;
  layer.strokes.strokes.push_back(stroke);
  drawn.layers.push_back(layer);
  SaveScore(drawn, dir / "strokes.graphony");
  const Thumbnail s = MakeThumbnail(dir / "strokes.graphony", 160);
  REQUIRE(s.error.empty());
  const uint8_t* mid = Pixel(s, s.width / 2, s.height / 2);
  CHECK(mid[1] > 150);
  CHECK(mid[0] < 60);
  const uint8_t* top = Pixel(s, s.width / 2, 1);
  CHECK(top[0] > 200);  // paper above the line
}

TEST_CASE("a damaged or foreign file gives no thumbnail and a reason, not a crash") {
  test::TempDir dir("thumbbad");
  std::ofstream(dir / "broken.png") << "\x89PNG\r\n\x1a\n not really";
  std::ofstream(dir / "broken.graphony") << "PK nonsense";
  CHECK_FALSE(MakeThumbnail(dir / "broken.png", 160).error.empty());
  CHECK(MakeThumbnail(dir / "broken.png", 160).rgba.empty());
  CHECK_FALSE(MakeThumbnail(dir / "broken.graphony", 160).error.empty());
  CHECK_FALSE(MakeThumbnail(dir / "missing.jpg", 160).error.empty());
}

TEST_CASE("the cache is keyed by path, time and size, and drops the least recently used") {
  ThumbnailCache<int> cache(2);
  const ThumbnailKey a{"a.png", 1, 10}, a_edited{"a.png", 2, 10}, b{"b.png", 1, 5},
      c{"c.png", 1, 5};
  cache.Insert(a, 1);
  CHECK(cache.Find(a_edited) == nullptr);  // the file changed: a new thumbnail is needed
  cache.Insert(b, 2);
  REQUIRE(cache.Find(a) != nullptr);  // a used last, so b goes first
  cache.Insert(c, 3);
  CHECK(cache.Size() == 2);
  CHECK(cache.Contains(a));
  CHECK_FALSE(cache.Contains(b));
  CHECK(*cache.Find(c) == 3);
}

// p0.png, p1.png...: appended piece by piece (GCC 12 warns falsely, -Wrestrict, on "p" + ...).
static std::string PictureName(int i) {
  std::string name = "p";
  name += std::to_string(i);
  name += ".png";
  return name;
}

TEST_CASE("the loader makes thumbnails in the background, newest request first") {
  test::TempDir dir("loader");
  for (int i = 0; i < 6; ++i) WritePng(dir / PictureName(i), 400, 300);
  ThumbnailLoader loader(64);
  std::vector<ThumbnailKey> keys;
  for (int i = 0; i < 6; ++i) keys.push_back(KeyOf(dir / PictureName(i)));
  REQUIRE_FALSE(keys[0].path.empty());
  for (const auto& k : keys) loader.Request(k);
  loader.Request(keys[5]);  // asked twice: made once
  std::vector<std::pair<ThumbnailKey, Thumbnail>> got;
  for (int wait = 0; wait < 200 && got.size() < 6; ++wait) {
    for (auto& r : loader.TakeFinished(kThumbnailUploadsPerFrame)) got.push_back(std::move(r));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(got.size() == 6);
  CHECK(loader.Busy() == 0);
  // The worker may have started on p0 before the others arrived; after it, newest first.
  CHECK(got[got.size() - 1].first.path.find(got[0].first == keys[0] ? "p1" : "p0") !=
        std::string::npos);
  for (const auto& [key, thumb] : got) {
    CHECK(thumb.error.empty());
    CHECK(thumb.width >= 64);
  }
  // Cancelled requests are never made.
  for (const auto& k : keys) loader.Request(ThumbnailKey{k.path, k.mtime_ns + 1, k.size});
  loader.CancelPending();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(loader.TakeFinished(100).size() <= 1);  // at most the one already being made
}
