// Canvas tiles: the score content (guides, grid, pictures, strokes) drawn once into 256 px
// tiles at the display scale; a frame only places the visible tiles, so scrolling the
// performance view costs one textured quad per tile instead of the whole picture and every
// stroke. Which tiles to show and reuse is logic/tile_grid.h.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

#include "core/picture_shape.h"
#include "layout_report.h"
#include "view_canvas.h"

namespace graphony::editor {

namespace {

constexpr int kTileSize = 256;
// Tiles drawn ahead of the scroll per frame: one keeps the frame time flat, and the view
// moves far less than a tile per frame at any playing speed.
constexpr int kTilesAheadPerFrame = 1;
// Visible tiles built per frame while some are missing (entering the performance view): a
// 1600x1000 view needs ~35, which built at once made a pause of up to a second on llvmpipe.
// At most this many, and no more once a frame has spent kBuildBudgetMs on them (at least one
// is built, so the view always fills in).
constexpr int kTilesBuiltPerFrame = 4;
constexpr double kBuildBudgetMs = 8;

// Pixels of content around the score: the widest brush (12 % of the height) centred on the
// score's edge, plus the soft fringe.
int TileMargin(double px_per_height) {
  return static_cast<int>(std::ceil(0.07 * px_per_height)) + 4;
}

void BeginList(ImDrawList* list, ImDrawListFlags flags) {
  list->_ResetForNewFrame();
  list->Flags = flags;
  list->PushClipRect(ImVec2(0, 0), ImVec2(kTileSize, kTileSize));
  list->PushTextureID(ImGui::GetIO().Fonts->TexID);
}

// Fills the canvas except the rectangle the visible tiles cover (up to four bands).
void FillAround(ImDrawList* dl, const ViewTransform& v, const TileSpan& tiles, float ox, float oy,
                ImU32 color) {
  const float l = v.left, t = v.top, r = v.left + v.width, b = v.top + v.height;
  if (tiles.Empty()) {
    dl->AddRectFilled(ImVec2(l, t), ImVec2(r, b), color);
    return;
  }
  const float x0 = std::clamp(ox + static_cast<float>(tiles.col0 * kTileSize), l, r);
  const float x1 = std::clamp(ox + static_cast<float>(tiles.col1 * kTileSize), l, r);
  const float y0 = std::clamp(oy + static_cast<float>(tiles.row0 * kTileSize), t, b);
  const float y1 = std::clamp(oy + static_cast<float>(tiles.row1 * kTileSize), t, b);
  if (y0 > t) dl->AddRectFilled(ImVec2(l, t), ImVec2(r, y0), color);
  if (y1 < b) dl->AddRectFilled(ImVec2(l, y1), ImVec2(r, b), color);
  if (x0 > l) dl->AddRectFilled(ImVec2(l, y0), ImVec2(x0, y1), color);
  if (x1 < r) dl->AddRectFilled(ImVec2(x1, y0), ImVec2(r, y1), color);
}

}  // namespace

// [SECTION] Placing tiles

void CanvasView::DrawTiled(CanvasContext& ctx, ImDrawList* dl) {
  const ViewTransform& v = ctx.view;
  const Score& score = ctx.doc.score;
  strokes_drawn_ = 0;
  // Pictures are still reported where they land on screen (the layout report's aspect check).
  double content_beats = score.length_beats;
  for (const Layer& layer : score.layers) {
    if (layer.kind != Layer::Kind::kImage || !layer.visible) continue;
    const ImageLayer& img = layer.image;
    content_beats = std::max(content_beats, img.start_beat + img.length_beats);
    if (ctx.ui.layout)
      ctx.ui.layout->Picture(
          ImVec2(v.BeatToX(img.start_beat), v.HeightToY(img.top)),
          ImVec2(v.BeatToX(img.start_beat + img.length_beats), v.HeightToY(img.bottom)),
          PictureAspect(img));
  }

  TileKey key;
  key.revision = ctx.doc.revision;
  key.px_per_beat = v.px_per_beat;
  key.px_per_height = v.px_per_height;
  key.ui_scale = ctx.ui.settings.ui_scale;
  key.colors = ctx.colors;
  // The selection's halos are in the tiles: picking other strokes draws them again.
  key.selection_layer = ctx.ui.selection.empty() ? -1 : ctx.ui.selection_layer;
  key.selection_hash = 1469598103934665603ull;
  for (int idx : ctx.ui.selection)
    key.selection_hash = (key.selection_hash ^ static_cast<uint32_t>(idx)) * 1099511628211ull;
  const bool same =
      key.revision == tile_key_.revision && key.px_per_beat == tile_key_.px_per_beat &&
      key.px_per_height == tile_key_.px_per_height && key.ui_scale == tile_key_.ui_scale &&
      std::memcmp(&key.colors, &tile_key_.colors, sizeof key.colors) == 0 &&
      key.selection_layer == tile_key_.selection_layer &&
      key.selection_hash == tile_key_.selection_hash;

  // Content pixels: beat 0, height 1 at (margin, margin); the margin holds the parts of wide
  // strokes that reach past the score's edges. The view's corner in them, and where content
  // pixel (0, 0) lands on screen (rounded once, so tiles meet without seams).
  const int margin = TileMargin(v.px_per_height);
  TileView tv;
  tv.x0 = v.left - v.BeatToX(0) + margin;
  tv.y0 = v.top - v.HeightToY(1) + margin;
  tv.width = v.width;
  tv.height = v.height;
  tv.content_width = std::max(0.0, content_beats) * v.px_per_beat + 2 * margin;
  tv.content_height = v.px_per_height + 2 * margin;
  tv.tile_size = kTileSize;
  const float ox = std::round(v.BeatToX(0)) - margin, oy = std::round(v.HeightToY(1)) - margin;
  if (tv.x0 > last_tile_x0_ + 0.01)
    tile_direction_ = 1;
  else if (tv.x0 < last_tile_x0_ - 0.01)
    tile_direction_ = -1;
  last_tile_x0_ = tv.x0;

  const TileSpan visible = VisibleTiles(tv);
  // Room for as many tiles as a view of this size can show, two columns ahead and a few
  // spare; from the view's size, not this frame's tiles, so that the score scrolling into an
  // empty view never forgets the tiles already drawn.
  const int cols = static_cast<int>(std::ceil(v.width / kTileSize)) + 1;
  const int rows = static_cast<int>(std::ceil(v.height / kTileSize)) + 1;
  const int capacity = (cols + 2) * rows + 4;
  if (!same || capacity != tile_slots_.Capacity()) {
    tile_slots_.Reset(capacity);
    tile_targets_.resize(static_cast<size_t>(capacity));
    tile_key_ = key;
  }
  tile_slots_.BeginFrame();

  // Keep every visible tile that exists before making room for the missing ones.
  auto draw = [&](TileCoord t, int slot) {
    const ImVec2 p0(ox + static_cast<float>(t.col * kTileSize),
                    oy + static_cast<float>(t.row * kTileSize));
    const ImVec2 p1(p0.x + kTileSize, p0.y + kTileSize);
    // Framebuffer rows are bottom-up, hence the flipped v coordinates.
    dl->AddImage(tile_targets_[slot]->Texture(), p0, p1, ImVec2(0, 1), ImVec2(1, 0));
  };
  auto build = [&](TileCoord t) -> int {
    const int slot = tile_slots_.Acquire(t);
    if (slot < 0) return -1;
    std::unique_ptr<OffscreenTarget>& target = tile_targets_[slot];
    if (!target) target = std::make_unique<OffscreenTarget>();
    if (!target->Resize(kTileSize, kTileSize)) return -1;
    BuildTile(ctx, t, *target);
    return slot;
  };
  // Every pixel is drawn once: the tiles, and the outside colour only around them (on
  // llvmpipe each full-window layer costs about as much as the whole tiled picture).
  FillAround(dl, v, visible, ox, oy, ctx.colors.outside);
  // Visible tiles not built yet (entering the view, a new zoom): a few are built per frame,
  // those nearest the playhead first, and the rest show the picture drawn straight from its
  // (already uploaded) texture until their turn, so entering never stalls on every tile.
  missing_.clear();
  for (int r = visible.row0; r < visible.row1; ++r)
    for (int c = visible.col0; c < visible.col1; ++c) {
      const int slot = tile_slots_.Find(TileCoord{c, r});
      if (slot >= 0)
        draw(TileCoord{c, r}, slot);
      else
        missing_.push_back(TileCoord{c, r});
    }
  const float playhead_x = v.BeatToX(std::max(0.0, ctx.ui.transport.playhead_beat));
  const auto distance = [&](TileCoord t) {
    return std::fabs(ox + (static_cast<float>(t.col) + 0.5f) * kTileSize - playhead_x);
  };
  std::sort(missing_.begin(), missing_.end(),
            [&](TileCoord a, TileCoord b) { return distance(a) < distance(b); });
  tiles_pending_ = 0;
  const auto build_start = std::chrono::steady_clock::now();
  const auto within_budget = [&](size_t built) {
    if (built == 0) return true;
    if (built >= static_cast<size_t>(kTilesBuiltPerFrame)) return false;
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - build_start)
               .count() < kBuildBudgetMs;
  };
  size_t built = 0;
  for (size_t i = 0; i < missing_.size(); ++i) {
    const TileCoord t = missing_[i];
    if (within_budget(built)) {
      ++built;
      const int slot = build(t);
      if (slot < 0) {  // no framebuffer after all: draw live from now on
        tiled_ = false;
        dl->AddRectFilled(ImVec2(v.left, v.top), ImVec2(v.left + v.width, v.top + v.height),
                          ctx.colors.outside);
        DrawScoreContent(ctx, dl, true);
        return;
      }
      draw(t, slot);
    } else {
      DrawTileFallback(ctx, dl,
                       ImVec2(ox + static_cast<float>(t.col * kTileSize),
                              oy + static_cast<float>(t.row * kTileSize)));
      ++tiles_pending_;
    }
  }
  const bool missing = !missing_.empty();
  // Build ahead of the scroll, a little each frame, so new columns are ready when they arrive.
  int budget = missing ? 0 : kTilesAheadPerFrame;
  const TileSpan ahead = TilesAhead(tv, tile_direction_, 2);
  for (int c = tile_direction_ > 0 ? ahead.col0 : ahead.col1 - 1;
       budget > 0 && c >= ahead.col0 && c < ahead.col1; c += tile_direction_)
    for (int r = ahead.row0; budget > 0 && r < ahead.row1; ++r)
      if (tile_slots_.Find(TileCoord{c, r}) < 0) {
        build(TileCoord{c, r});
        --budget;
      }
  // Drawn live across the whole canvas, as the editor draws them, over the tiles.
  DrawGuideLines(ctx, dl);
}

// [SECTION] Drawing one tile

void CanvasView::DrawTileFallback(CanvasContext& ctx, ImDrawList* dl, ImVec2 p0) {
  // The score's background and its pictures from their textures, clipped to the tile: no
  // strokes, grid or guides, which come with the real tile a few frames later.
  const ViewTransform& v = ctx.view;
  const ImVec2 p1(p0.x + kTileSize, p0.y + kTileSize);
  dl->PushClipRect(p0, p1, true);
  dl->AddRectFilled(p0, p1, ctx.colors.outside);
  const float x0 = v.BeatToX(0), x1 = v.BeatToX(ctx.doc.score.length_beats);
  dl->AddRectFilled(ImVec2(x0, v.HeightToY(1)), ImVec2(x1, v.HeightToY(0)), ctx.colors.background);
  for (const Layer& layer : ctx.doc.score.layers) {
    if (layer.kind != Layer::Kind::kImage || !layer.visible) continue;
    const ImageLayer& img = layer.image;
    const ImVec2 q0(v.BeatToX(img.start_beat), v.HeightToY(img.top));
    const ImVec2 q1(v.BeatToX(img.start_beat + img.length_beats), v.HeightToY(img.bottom));
    if (q1.x < p0.x || q0.x > p1.x || q1.y < p0.y || q0.y > p1.y) continue;
    const int alpha = static_cast<int>(std::clamp(img.opacity, 0.f, 1.f) * 255);
    dl->AddImage(ctx.textures.Get(img.pixels), q0, q1, ImVec2(0, 0), ImVec2(1, 1),
                 IM_COL32(255, 255, 255, alpha));
  }
  dl->PopClipRect();
}

void CanvasView::BuildTile(CanvasContext& ctx, TileCoord t, OffscreenTarget& target) {
  // The tile's own view: the same zoom, its corner at the tile's content pixel.
  ViewTransform tv = ctx.view;
  tv.left = 0;
  tv.top = 0;
  tv.width = kTileSize;
  tv.height = kTileSize;
  const int margin = TileMargin(tv.px_per_height);
  tv.first_beat = (t.col * kTileSize - margin) / tv.px_per_beat;
  tv.bottom_height = 1.0 - ((t.row + 1) * kTileSize - margin) / tv.px_per_height;
  CanvasContext tctx{ctx.doc, ctx.ui, tv, ctx.colors, ctx.textures, ctx.events, ctx.bridge};
  if (!tile_list_) tile_list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
  tile_target_ = &target;
  tile_cleared_ = false;
  BeginList(tile_list_.get(), ImGui::GetWindowDrawList()->Flags);
  tile_list_->AddRectFilled(ImVec2(0, 0), ImVec2(kTileSize, kTileSize), ctx.colors.outside);
  DrawScoreContent(tctx, tile_list_.get(), false);
  FlushTilePass();
  tile_target_ = nullptr;
  ++tiles_built_;
}

void CanvasView::FlushTilePass() {
  tile_target_->Render(tile_list_.get(), ImVec2(0, 0), !tile_cleared_);
  tile_cleared_ = true;
  BeginList(tile_list_.get(), tile_list_->Flags);
}

void CanvasView::DrawTileStrokeLayer(CanvasContext& ctx, ImDrawList* dl, size_t li, ImU32 tint) {
  // As the stroke cache does: the layer's strokes opaque into their own texture, then laid
  // over what is below with the layer's alpha, so overlapping strokes look as in the editor.
  FlushTilePass();
  if (!tile_strokes_) tile_strokes_ = std::make_unique<OffscreenTarget>();
  if (!tile_strokes_->Resize(kTileSize, kTileSize)) return;
  if (!cache_list_) cache_list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
  BeginList(cache_list_.get(), dl->Flags);
  const ViewTransform& v = ctx.view;
  // Strokes are culled by their centre line: reach past the tile by a wide brush's half
  // width so that a stroke crossing a tile edge is drawn on both sides of it.
  const double pad_px = 0.1 * v.px_per_height + 4;
  DrawStrokesLive(ctx, cache_list_.get(), li, IM_COL32_WHITE, true,
                  static_cast<float>(v.XToBeat(static_cast<float>(-pad_px))),
                  static_cast<float>(v.XToBeat(static_cast<float>(kTileSize + pad_px))),
                  static_cast<float>(v.YToHeight(static_cast<float>(kTileSize + pad_px))),
                  static_cast<float>(v.YToHeight(static_cast<float>(-pad_px))));
  tile_strokes_->Render(cache_list_.get(), ImVec2(0, 0));
  dl->AddImage(tile_strokes_->Texture(), ImVec2(0, 0), ImVec2(kTileSize, kTileSize), ImVec2(0, 1),
               ImVec2(1, 0), tint);
}

}  // namespace graphony::editor
