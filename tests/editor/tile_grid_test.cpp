// Tests for the performance view's tile grid: visible tiles for a scroll offset, tiles ahead,
// and least-recently-used reuse of tile slots.
#include "logic/tile_grid.h"

#include <doctest/doctest.h>

using namespace graphony::editor;

namespace {

TileView View(double x0, double y0, double w, double h, double cw, double ch) {
  TileView v;
  v.x0 = x0;
  v.y0 = y0;
  v.width = w;
  v.height = h;
  v.content_width = cw;
  v.content_height = ch;
  v.tile_size = 256;
  return v;
}

}  // namespace

TEST_CASE("visible tiles follow the scroll offset") {
  // A 1600x1000 view over a 4000x1000 picture at the display scale.
  TileSpan s = VisibleTiles(View(0, 0, 1600, 1000, 4000, 1000));
  CHECK(s.col0 == 0);
  CHECK(s.col1 == 7);  // 1600 / 256 = 6.25: seven columns
  CHECK(s.row0 == 0);
  CHECK(s.row1 == 4);  // 1000 / 256 = 3.9
  CHECK(s.Count() == 28);
  // Scrolled by 300 px: column 0 (0..255) has left the view, column 7 (1792..2047) came in.
  s = VisibleTiles(View(300, 0, 1600, 1000, 4000, 1000));
  CHECK(s.col0 == 1);
  CHECK(s.col1 == 8);
  CHECK_FALSE(s.Contains(TileCoord{0, 0}));
  CHECK(s.Contains(TileCoord{7, 3}));
  // A view ending exactly on a tile edge needs no tile past it.
  s = VisibleTiles(View(256, 0, 512, 256, 4000, 1000));
  CHECK(s.col0 == 1);
  CHECK(s.col1 == 3);
  CHECK(s.row1 == 1);
}

TEST_CASE("tiles stay inside the content") {
  // Scroll mode starts with the playhead at 30 %: the view begins before the score.
  TileSpan s = VisibleTiles(View(-480, 0, 1600, 1000, 4000, 1000));
  CHECK(s.col0 == 0);
  CHECK(s.col1 == 5);  // up to content x 1120
  // The last column is partial (4000 = 15.6 tiles) and nothing lies past it.
  s = VisibleTiles(View(3000, 0, 1600, 1000, 4000, 1000));
  CHECK(s.col0 == 11);
  CHECK(s.col1 == 16);
  // Past the end of the score, or with no content, nothing is visible.
  CHECK(VisibleTiles(View(4100, 0, 1600, 1000, 4000, 1000)).Empty());
  CHECK(VisibleTiles(View(0, 0, 1600, 1000, 0, 1000)).Count() == 0);
  // Letterboxed: the view is taller than the content.
  s = VisibleTiles(View(0, -100, 1600, 1200, 1333, 1000));
  CHECK(s.row0 == 0);
  CHECK(s.row1 == 4);
  CHECK(s.col1 == 6);
}

TEST_CASE("tiles ahead are the next columns in the scroll direction") {
  const TileView v = View(300, 0, 1600, 1000, 4000, 1000);  // columns 1..7 visible
  TileSpan a = TilesAhead(v, +1, 2);
  CHECK(a.col0 == 8);
  CHECK(a.col1 == 10);
  CHECK(a.row0 == 0);
  CHECK(a.row1 == 4);
  a = TilesAhead(v, -1, 1);
  CHECK(a.col0 == 0);
  CHECK(a.col1 == 1);
  CHECK(TilesAhead(v, 0, 2).Empty());
  // At the end of the content there is nothing ahead.
  CHECK(TilesAhead(View(2500, 0, 1600, 1000, 4000, 1000), +1, 2).Empty());
}

TEST_CASE("tile slots reuse the least recently used tile, never one on screen") {
  TileSlots slots;
  slots.Reset(3);
  slots.BeginFrame();
  CHECK(slots.Find(TileCoord{0, 0}) == -1);
  const int a = slots.Acquire(TileCoord{0, 0});
  const int b = slots.Acquire(TileCoord{1, 0});
  CHECK(a >= 0);
  CHECK(b >= 0);
  CHECK(a != b);
  slots.BeginFrame();
  CHECK(slots.Find(TileCoord{1, 0}) == b);  // tile 1 stays on screen, tile 0 scrolled away
  const int c = slots.Acquire(TileCoord{2, 0});
  CHECK(c != a);  // a free slot comes first
  CHECK(slots.Used() == 3);
  slots.BeginFrame();
  CHECK(slots.Find(TileCoord{1, 0}) == b);
  CHECK(slots.Find(TileCoord{2, 0}) == c);
  // Full: the oldest tile (0, 0) gives up its slot.
  CHECK(slots.Acquire(TileCoord{3, 0}) == a);
  CHECK(slots.Find(TileCoord{0, 0}) == -1);
  // Every slot is in use this frame: no slot rather than one on screen.
  CHECK(slots.Acquire(TileCoord{4, 0}) == -1);
  CHECK(slots.Find(TileCoord{3, 0}) == a);
  // A reset (new zoom) forgets every tile.
  slots.Reset(2);
  CHECK(slots.Capacity() == 2);
  CHECK(slots.Used() == 0);
  CHECK(slots.Find(TileCoord{1, 0}) == -1);
}
