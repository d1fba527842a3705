// Which tiles of a scrolled picture are on screen, which come next, and which cached tile to
// reuse: the window-free half of the performance view's tile cache (view_canvas_tiles.cpp).
#pragma once

#include <cstdint>
#include <vector>

namespace graphony::editor {

// Tile (col, row) covers content pixels [col*size, (col+1)*size) x [row*size, (row+1)*size).
// Content pixels are the picture at the display scale with beat 0, height 1 at (0, 0), so a
// tile's pixels never change while the view scrolls: scrolling only moves where it is drawn.
struct TileCoord {
  int col = 0, row = 0;
  bool operator==(const TileCoord& o) const { return col == o.col && row == o.row; }
};

// Half-open ranges of columns and rows.
struct TileSpan {
  int col0 = 0, col1 = 0, row0 = 0, row1 = 0;
  bool Empty() const { return col1 <= col0 || row1 <= row0; }
  int Count() const { return Empty() ? 0 : (col1 - col0) * (row1 - row0); }
  bool Contains(TileCoord t) const {
    return t.col >= col0 && t.col < col1 && t.row >= row0 && t.row < row1;
  }
};

// The view's rectangle in content pixels (x0, y0 is its top-left corner, may be negative when
// the view shows space before the score) and the content's size; tiles never leave it.
struct TileView {
  double x0 = 0, y0 = 0, width = 0, height = 0;
  double content_width = 0, content_height = 0;
  int tile_size = 256;
};

// Tiles that intersect the view and the content (empty when they do not meet).
TileSpan VisibleTiles(const TileView& view);
// Up to `columns` columns just past the visible ones in the scroll direction (`direction` > 0:
// towards later beats), clamped to the content: built ahead so that a new column is ready
// before it scrolls in.
TileSpan TilesAhead(const TileView& view, int direction, int columns);

// A fixed number of tile slots reused least-recently-used first; a slot is the index of a
// texture the caller owns. Never evicts a tile used in the current frame.
class TileSlots {
 public:
  // Forgets every tile (the zoom, the score or the colours changed); keeps `capacity` slots.
  void Reset(int capacity);
  int Capacity() const { return static_cast<int>(tiles_.size()); }
  // Starts a frame: tiles touched from now on count as in use.
  void BeginFrame() { ++frame_; }
  // The slot holding `t` (and marks it used), or -1.
  int Find(TileCoord t);
  // A slot for `t`: a free one, else the least recently used one not used this frame, or -1
  // when every slot is in use this frame. The caller draws the tile into it.
  int Acquire(TileCoord t);
  int Used() const;

 private:
  struct Entry {
    TileCoord tile;
    uint64_t last_used = 0;
    bool filled = false;
  };
  std::vector<Entry> tiles_;
  uint64_t frame_ = 1;
};

}  // namespace graphony::editor
