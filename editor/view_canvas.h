// The canvas: pitch guides, layers (pictures and strokes) over the time ruler; painting and
// selection input.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app_state.h"
#include "image_textures.h"
#include "imgui.h"
#include "imgui_sfml_bridge.h"
#include "logic/canvas_events.h"
#include "logic/document.h"
#include "logic/tile_grid.h"
#include "logic/view_transform.h"
#include "offscreen_target.h"
#include "theme.h"

namespace graphony::editor {

struct CanvasContext {
  Document& doc;
  UiState& ui;
  ViewTransform& view;
  const CanvasColors& colors;
  ImageTextures& textures;
  CanvasEvents& events;
  const ImGuiSfmlBridge& bridge;
};

class CanvasView {
 public:
  CanvasView();
  ~CanvasView();
  // Draws into the current ImGui window's remaining content region.
  void Draw(CanvasContext& ctx);
  // Under the pointer, for the status bar (valid when Hovered()).
  bool Hovered() const { return hovered_; }
  double HoverBeat() const { return hover_beat_; }
  double HoverHeight() const { return hover_height_; }
  bool Dragging() const { return drag_ != Drag::kNone; }
  // Abandons any gesture in progress (Escape, file switch).
  void CancelGesture(CanvasContext& ctx);
  // How many strokes were drawn last frame (for the benchmark).
  int StrokesDrawn() const { return strokes_drawn_; }
  // Stroke layers are drawn from cached textures unless this is off (benchmark comparison).
  void SetStrokeCache(bool on) { use_cache_ = on; }
  int CacheRebuilds() const { return cache_rebuilds_; }
  // A score was opened: its stroke layers fill in over the first frames (progressively)
  // instead of holding up the first one. Off: every cache is built at once (tests compare).
  void ForgetCaches();
  void SetProgressive(bool on) { progressive_ = on; }
  // A stroke cache is still filling in: keep drawing frames.
  bool Building() const;
  // Tiled: everything that moves only with the score (guides, grid, pictures, strokes) is drawn
  // once into tiles at the display scale and each frame only places the visible tiles (the
  // performance view, where the picture scrolls and nothing is edited). Selection halos are
  // drawn into the tiles, which are drawn again when the selection changes.
  void SetTiled(bool on) { tiled_ = on; }
  int TilesBuilt() const { return tiles_built_; }
  // Visible tiles shown by their fallback on the last frame (still to be built).
  int TilesPending() const { return tiles_pending_; }

 private:
  enum class Drag {
    kNone,
    kPaint,
    kLine,
    kStamp,
    kErase,
    kMoveStrokes,
    kRubberBand,
    kMoveImage,
    kScaleImage,
    kPan
  };
  struct Band {
    float bottom, top;  // heights
    int midi;
    bool is_root;
  };
  struct Box {
    float b0, b1, h0, h1;  // beats and heights, padded by the stroke width
  };

  // Layout (view_canvas_layout.cpp): the view's place in the window, bands, culling boxes.
  void PlaceView(CanvasContext& ctx, ImVec2 origin, ImVec2 avail);
  void RebuildCaches(const Score& score);
  float BrushPixels(const CanvasContext& ctx) const;
  // Tools (view_canvas_tools.cpp): the gesture state machine that edits the document.
  void HandleInput(CanvasContext& ctx, bool hovered);
  void BeginGesture(CanvasContext& ctx, ImVec2 mouse, bool pan);
  void ContinueGesture(CanvasContext& ctx, ImVec2 mouse);
  void EndGesture(CanvasContext& ctx, ImVec2 mouse);
  void Emit(CanvasContext& ctx, CanvasEvent::Kind kind, const StrokePoint& p);
  int TopImageLayerAt(const CanvasContext& ctx, ImVec2 mouse) const;
  // Drawing (view_canvas_draw.cpp): reads the document, never edits it.
  void DrawGuideBands(CanvasContext& ctx, ImDrawList* dl);
  void DrawNoteNames(CanvasContext& ctx, ImDrawList* dl, ImVec2 gutter0);
  // Everything fixed to the score: guides, grid, layers (and the guide lines again on top).
  void DrawScoreContent(CanvasContext& ctx, ImDrawList* dl, bool guide_lines);
  void DrawGuideLines(CanvasContext& ctx, ImDrawList* dl);
  void DrawLayers(CanvasContext& ctx, ImDrawList* dl);
  void DrawOverlay(CanvasContext& ctx, ImDrawList* dl, ImVec2 mouse, bool hovered);
  void DrawStroke(ImDrawList* dl, const ViewTransform& view, const Stroke& s, ImU32 col,
                  float extra_px);
  // Draws a stroke layer from its cached texture, re-rendering the cache when the
  // layer, the zoom, or a pan beyond the cached margin makes it stale.
  void DrawCachedStrokeLayer(CanvasContext& ctx, ImDrawList* dl, size_t li, ImU32 tint);
  // Tiles (view_canvas_tiles.cpp): the score content from cached tiles.
  void DrawTiled(CanvasContext& ctx, ImDrawList* dl);
  void BuildTile(CanvasContext& ctx, TileCoord t, OffscreenTarget& target);
  // A visible tile not built yet: the picture from its texture, clipped to the tile.
  void DrawTileFallback(CanvasContext& ctx, ImDrawList* dl, ImVec2 top_left);
  void FlushTilePass();
  void DrawTileStrokeLayer(CanvasContext& ctx, ImDrawList* dl, size_t li, ImU32 tint);
  void DrawStrokesLive(CanvasContext& ctx, ImDrawList* dl, size_t li, ImU32 alpha_mask, bool opaque,
                       float b0, float b1, float h0, float h1);
  // Strokes [first, last) of layer li inside the box, as `view` places them.
  void DrawStrokeRange(CanvasContext& ctx, const ViewTransform& view, ImDrawList* dl, size_t li,
                       ImU32 alpha_mask, bool opaque, float b0, float b1, float h0, float h1,
                       size_t first, size_t last);

  // Gesture state.
  Drag drag_ = Drag::kNone;
  BrushBuilder brush_;
  ImVec2 drag_start_{}, drag_last_{};
  bool drag_changed_ = false;
  int drag_layer_ = -1;
  double image_beat0_ = 0, image_len0_ = 0;
  double last_motion_time_ = 0;

  // Hover readout.
  bool hovered_ = false;
  double hover_beat_ = 0, hover_height_ = 0;
  int strokes_drawn_ = 0;

  // Caches rebuilt when the document revision changes (never on an idle frame).
  uint64_t cache_revision_ = 0;
  std::vector<Band> bands_;
  std::vector<std::vector<Box>> boxes_;
  bool prefer_flats_ = false;
  std::array<std::string, 128> names_sharp_, names_flat_;
  std::vector<ImVec2> scratch_pts_;
  std::vector<float> scratch_w_;
  std::vector<int> scratch_sel_;

  // Per stroke layer: an off-screen texture covering the view plus a margin.
  struct LayerCache {
    std::unique_ptr<OffscreenTarget> target;
    uint64_t revision = 0;
    double px_per_beat = 0, px_per_height = 0;
    double beat0 = 0, height_top = 0;  // score position of the texture's top-left corner
    bool valid = false;
    // Strokes [0, next) are in the texture, drawn in `view` (the one the build started in)
    // clipped to r0..r1 and culled to beats b0..b1, heights h0..h1.
    size_t next = 0;
    bool complete = false;
    bool shown_complete = false;  // whole at least once since ForgetCaches
    size_t share = 512;           // strokes to add next frame while filling in
    ViewTransform view;
    ImVec2 r0{}, r1{};
    float b0 = 0, b1 = 0, h0 = 0, h1 = 0;
  };
  // CPU time (all threads) a frame spends filling in a stroke layer while a score opens: about
  // 40 ms of a frame on two cores, and 5000 strokes whole in about eight frames.
  static constexpr double kProgressiveBudgetMs = 80;
  void AddToCache(CanvasContext& ctx, size_t li, LayerCache& c, size_t last);
  std::vector<LayerCache> layer_caches_;
  std::unique_ptr<ImDrawList> cache_list_;
  bool use_cache_ = true;
  bool progressive_ = true;
  int cache_rebuilds_ = 0;

  // Tiled mode: tiles of the score content; the key says what they were drawn for.
  struct TileKey {
    uint64_t revision = 0;
    double px_per_beat = 0, px_per_height = 0;
    float ui_scale = 0;
    CanvasColors colors{};
    int selection_layer = -1;
    uint64_t selection_hash = 0;  // of the selected stroke indices (FNV-1a)
  };
  bool tiled_ = false;
  TileKey tile_key_;
  TileSlots tile_slots_;
  std::vector<std::unique_ptr<OffscreenTarget>> tile_targets_;
  std::unique_ptr<OffscreenTarget> tile_strokes_;  // one stroke layer of the tile being drawn
  std::unique_ptr<ImDrawList> tile_list_;
  OffscreenTarget* tile_target_ = nullptr;  // set while a tile is being drawn
  bool tile_cleared_ = false;
  double last_tile_x0_ = 0;
  int tile_direction_ = 1;
  int tiles_built_ = 0;
  int tiles_pending_ = 0;
  std::vector<TileCoord> missing_;  // this frame's visible tiles not built yet (reused)
};

}  // namespace graphony::editor
