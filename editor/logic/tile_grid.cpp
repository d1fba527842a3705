// Tile grid arithmetic and least-recently-used slot reuse for the performance view's tiles.
#include "logic/tile_grid.h"

#include <algorithm>
#include <cmath>

namespace graphony::editor {

namespace {

int FloorDiv(double v, int size) { return static_cast<int>(std::floor(v / size)); }

// Columns and rows that hold any content at all.
TileSpan ContentTiles(const TileView& v) {
  TileSpan s;
  if (v.tile_size <= 0 || v.content_width <= 0 || v.content_height <= 0) return s;
  s.col1 = static_cast<int>(std::ceil(v.content_width / v.tile_size));
  s.row1 = static_cast<int>(std::ceil(v.content_height / v.tile_size));
  return s;
}

TileSpan Intersect(TileSpan a, const TileSpan& b) {
  a.col0 = std::max(a.col0, b.col0);
  a.col1 = std::min(a.col1, b.col1);
  a.row0 = std::max(a.row0, b.row0);
  a.row1 = std::min(a.row1, b.row1);
  if (a.Empty()) return TileSpan{};
  return a;
}

}  // namespace

TileSpan VisibleTiles(const TileView& v) {
  const TileSpan content = ContentTiles(v);
  if (content.Empty() || v.width <= 0 || v.height <= 0) return TileSpan{};
  TileSpan s;
  s.col0 = FloorDiv(v.x0, v.tile_size);
  s.row0 = FloorDiv(v.y0, v.tile_size);
  // The last pixel inside the view is x0 + width - epsilon: a view ending exactly on a tile
  // edge does not need the next tile.
  s.col1 = static_cast<int>(std::ceil((v.x0 + v.width) / v.tile_size));
  s.row1 = static_cast<int>(std::ceil((v.y0 + v.height) / v.tile_size));
  return Intersect(s, content);
}

TileSpan TilesAhead(const TileView& v, int direction, int columns) {
  const TileSpan content = ContentTiles(v);
  if (content.Empty() || v.width <= 0 || v.height <= 0 || columns <= 0 || direction == 0)
    return TileSpan{};
  TileSpan s;
  s.row0 = FloorDiv(v.y0, v.tile_size);
  s.row1 = static_cast<int>(std::ceil((v.y0 + v.height) / v.tile_size));
  if (direction > 0) {
    s.col0 = static_cast<int>(std::ceil((v.x0 + v.width) / v.tile_size));
    s.col1 = s.col0 + columns;
  } else {
    s.col1 = FloorDiv(v.x0, v.tile_size);
    s.col0 = s.col1 - columns;
  }
  return Intersect(s, content);
}

void TileSlots::Reset(int capacity) {
  tiles_.assign(static_cast<size_t>(std::max(0, capacity)), Entry{});
}

int TileSlots::Find(TileCoord t) {
  for (size_t i = 0; i < tiles_.size(); ++i) {
    if (tiles_[i].filled && tiles_[i].tile == t) {
      tiles_[i].last_used = frame_;
      return static_cast<int>(i);
    }
  }
  return -1;
}

int TileSlots::Acquire(TileCoord t) {
  int best = -1;
  for (size_t i = 0; i < tiles_.size(); ++i) {
    const Entry& e = tiles_[i];
    if (!e.filled) {
      best = static_cast<int>(i);
      break;
    }
    if (e.last_used == frame_) continue;  // on screen this frame
    if (best < 0 || e.last_used < tiles_[best].last_used) best = static_cast<int>(i);
  }
  if (best < 0) return -1;
  tiles_[best] = Entry{t, frame_, true};
  return best;
}

int TileSlots::Used() const {
  int n = 0;
  for (const Entry& e : tiles_) n += e.filled ? 1 : 0;
  return n;
}

}  // namespace graphony::editor
