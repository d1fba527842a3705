// Canvas drawing: pitch guides, pictures, stroke ribbons (live or from a cached texture) and
// the gesture overlay. Reads the document; never edits it.
#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <cmath>

#include "core/picture_shape.h"
#include "cpu_clock.h"
#include "layout_report.h"
#include "view_canvas.h"
#include "view_timeline.h"

namespace graphony::editor {

namespace {

constexpr float kAaFringe = 1.0f;       // pixels of soft edge on strokes
constexpr float kMinDecimatePx = 1.5f;  // closer points add nothing visible

ImU32 ToU32(Color c, float alpha_scale = 1.f) {
  return IM_COL32(c.r, c.g, c.b, static_cast<int>(c.a * alpha_scale));
}

}  // namespace

// [SECTION] Drawing

void CanvasView::DrawScoreContent(CanvasContext& ctx, ImDrawList* dl, bool guide_lines) {
  DrawGuideBands(ctx, dl);
  DrawBeatGrid(dl, ctx.view, ctx.doc.score, ctx.colors, ctx.ui.settings.ui_scale);
  DrawLayers(ctx, dl);
  if (guide_lines) DrawGuideLines(ctx, dl);
}

void CanvasView::DrawGuideLines(CanvasContext& ctx, ImDrawList* dl) {
  const ViewTransform& v = ctx.view;
  // Faint guide lines again on top, so pitches stay readable over an opaque picture.
  for (const Band& b : bands_) {
    const float y = v.HeightToY(b.bottom);
    if (y >= v.top && y <= v.top + v.height)
      dl->AddLine(ImVec2(v.left, y), ImVec2(v.left + v.width, y), ctx.colors.guide_line, 1);
  }
}

void CanvasView::DrawNoteNames(CanvasContext& ctx, ImDrawList* dl, ImVec2 gutter0) {
  const ViewTransform& v = ctx.view;
  const CanvasColors& c = ctx.colors;
  // Gutter for note names, outside the canvas clip.
  dl->PushClipRect(ImVec2(gutter0.x, v.top), ImVec2(v.left, v.top + v.height), false);
  dl->AddRectFilled(ImVec2(gutter0.x, v.top), ImVec2(v.left, v.top + v.height), c.ruler_bg);
  const float font = ImGui::GetFontSize();
  if (ctx.ui.settings.note_names) {
    for (const Band& b : bands_) {
      const float yt = v.HeightToY(b.top), yb = v.HeightToY(b.bottom);
      if (yb < v.top || yt > v.top + v.height) continue;
      if (yb - yt < font * 0.7f || b.midi < 0 || b.midi >= 128) continue;
      const std::string& name = prefer_flats_ ? names_flat_[b.midi] : names_sharp_[b.midi];
      const float ty = (yt + yb) * 0.5f - font * 0.5f;
      dl->AddText(ImVec2(gutter0.x + 8 * ctx.ui.settings.ui_scale, ty),
                  b.is_root ? c.accent : c.note_text, name.c_str(), name.c_str() + name.size());
    }
  }
  dl->PopClipRect();
}

void CanvasView::DrawGuideBands(CanvasContext& ctx, ImDrawList* dl) {
  const ViewTransform& v = ctx.view;
  const CanvasColors& c = ctx.colors;
  const float x0 = std::max(v.left, v.BeatToX(0));
  const float x1 = std::min(v.left + v.width, v.BeatToX(ctx.doc.score.length_beats));
  for (size_t i = 0; i < bands_.size(); ++i) {
    const Band& b = bands_[i];
    const float yt = v.HeightToY(b.top), yb = v.HeightToY(b.bottom);
    if (yb < v.top || yt > v.top + v.height) continue;
    const ImU32 fill = b.is_root ? c.band_root : (i % 2 ? c.band_a : c.band_b);
    dl->AddRectFilled(ImVec2(x0, yt), ImVec2(x1, yb), fill);
    dl->AddLine(ImVec2(x0, yb), ImVec2(x1, yb), c.guide_line, 1);
  }
  if (bands_.empty())
    dl->AddRectFilled(ImVec2(x0, v.HeightToY(1)), ImVec2(x1, v.HeightToY(0)), c.background);
}

void CanvasView::DrawStroke(ImDrawList* dl, const ViewTransform& v, const Stroke& s, ImU32 col,
                            float extra_px) {
  if (s.points.empty()) return;
  const float base = static_cast<float>(s.width * v.px_per_height * 0.5);
  // Screen points, dropping the ones too close to matter at this zoom.
  scratch_pts_.clear();
  scratch_w_.clear();
  for (size_t i = 0; i < s.points.size(); ++i) {
    const StrokePoint& p = s.points[i];
    const ImVec2 q(v.BeatToX(p.beat), v.HeightToY(p.height));
    if (!scratch_pts_.empty() && i + 1 < s.points.size()) {
      const ImVec2 last = scratch_pts_.back();
      if (std::fabs(q.x - last.x) + std::fabs(q.y - last.y) < kMinDecimatePx) continue;
    }
    scratch_pts_.push_back(q);
    scratch_w_.push_back(std::max(0.6f, base * std::clamp(p.pressure, 0.05f, 1.f)) + extra_px);
  }
  const int n = static_cast<int>(scratch_pts_.size());
  const ImVec2 uv = ImGui::GetIO().Fonts->TexUvWhitePixel;
  if (n == 1) {
    dl->AddCircleFilled(scratch_pts_[0], scratch_w_[0], col, 16);
    return;
  }
  // A ribbon with a soft 1 px fringe: 4 vertices per point, 3 quads per segment.
  const ImU32 clear = col & ~IM_COL32_A_MASK;
  dl->PrimReserve((n - 1) * 18, n * 4);
  const ImDrawIdx base_idx = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
  for (int i = 0; i < n; ++i) {
    const ImVec2 a = scratch_pts_[i > 0 ? i - 1 : i];
    const ImVec2 b = scratch_pts_[i + 1 < n ? i + 1 : i];
    float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len > 1e-4f) {
      dx /= len;
      dy /= len;
    } else {
      dx = 1;
      dy = 0;
    }
    const ImVec2 nrm(-dy, dx);
    const float w = scratch_w_[i];
    const ImVec2 p = scratch_pts_[i];
    dl->PrimWriteVtx(ImVec2(p.x + nrm.x * (w + kAaFringe), p.y + nrm.y * (w + kAaFringe)), uv,
                     clear);
    dl->PrimWriteVtx(ImVec2(p.x + nrm.x * w, p.y + nrm.y * w), uv, col);
    dl->PrimWriteVtx(ImVec2(p.x - nrm.x * w, p.y - nrm.y * w), uv, col);
    dl->PrimWriteVtx(ImVec2(p.x - nrm.x * (w + kAaFringe), p.y - nrm.y * (w + kAaFringe)), uv,
                     clear);
  }
  for (int i = 0; i + 1 < n; ++i) {
    const ImDrawIdx a = static_cast<ImDrawIdx>(base_idx + i * 4);
    const ImDrawIdx b = static_cast<ImDrawIdx>(a + 4);
    for (int k = 0; k < 3; ++k) {
      dl->PrimWriteIdx(static_cast<ImDrawIdx>(a + k));
      dl->PrimWriteIdx(static_cast<ImDrawIdx>(a + k + 1));
      dl->PrimWriteIdx(static_cast<ImDrawIdx>(b + k + 1));
      dl->PrimWriteIdx(static_cast<ImDrawIdx>(a + k));
      dl->PrimWriteIdx(static_cast<ImDrawIdx>(b + k + 1));
      dl->PrimWriteIdx(static_cast<ImDrawIdx>(b + k));
    }
  }
  // Round ends, only where they are big enough to see.
  if (scratch_w_.front() >= 2.5f)
    dl->AddCircleFilled(scratch_pts_.front(), scratch_w_.front(), col, 12);
  if (scratch_w_.back() >= 2.5f)
    dl->AddCircleFilled(scratch_pts_.back(), scratch_w_.back(), col, 12);
}

void CanvasView::DrawLayers(CanvasContext& ctx, ImDrawList* dl) {
  const ViewTransform& v = ctx.view;
  const Score& score = ctx.doc.score;
  const float vb0 = static_cast<float>(v.XToBeat(v.left)), vb1 = static_cast<float>(v.LastBeat());
  const float vh0 = static_cast<float>(v.YToHeight(v.top + v.height)),
              vh1 = static_cast<float>(v.TopHeight());
  strokes_drawn_ = 0;
  for (size_t li = 0; li < score.layers.size(); ++li) {
    const Layer& layer = score.layers[li];
    if (!layer.visible) continue;
    switch (layer.kind) {
      case Layer::Kind::kImage: {
        const ImageLayer& img = layer.image;
        const ImVec2 p0(v.BeatToX(img.start_beat), v.HeightToY(img.top));
        const ImVec2 p1(v.BeatToX(img.start_beat + img.length_beats), v.HeightToY(img.bottom));
        if (ctx.ui.layout && !tile_target_) ctx.ui.layout->Picture(p0, p1, PictureAspect(img));
        if (p1.x < v.left || p0.x > v.left + v.width) break;
        const ImTextureID tex = ctx.textures.Get(img.pixels);
        const int alpha = static_cast<int>(std::clamp(img.opacity, 0.f, 1.f) * 255);
        if (tex)
          dl->AddImage(tex, p0, p1, ImVec2(0, 0), ImVec2(1, 1), IM_COL32(255, 255, 255, alpha));
        else
          dl->AddRectFilled(p0, p1, IM_COL32(128, 128, 128, alpha / 2));
        break;
      }
      case Layer::Kind::kStrokes: {
        const std::vector<Stroke>& strokes = layer.strokes.strokes;
        // Selected strokes get a halo underneath (in tiles too: the performance view shows
        // what was picked in the editor; the tiles' key holds the selection).
        if (static_cast<int>(li) == ctx.ui.selection_layer)
          for (int idx : ctx.ui.selection)
            if (idx >= 0 && idx < static_cast<int>(strokes.size()))
              DrawStroke(dl, v, strokes[idx], ctx.colors.selection, 3.f * ctx.ui.settings.ui_scale);
        const int alpha = layer.locked ? 150 : 235;
        if (tile_target_) {
          DrawTileStrokeLayer(ctx, dl, li, IM_COL32(255, 255, 255, alpha));
        } else if (use_cache_ && OffscreenTarget::Supported()) {
          DrawCachedStrokeLayer(ctx, dl, li, IM_COL32(255, 255, 255, alpha));
        } else {
          DrawStrokesLive(ctx, dl, li, IM_COL32(255, 255, 255, alpha), false, vb0, vb1, vh0, vh1);
        }
        break;
      }
    }
  }
}

void CanvasView::DrawStrokesLive(CanvasContext& ctx, ImDrawList* dl, size_t li, ImU32 alpha_mask,
                                 bool opaque, float b0, float b1, float h0, float h1) {
  DrawStrokeRange(ctx, ctx.view, dl, li, alpha_mask, opaque, b0, b1, h0, h1, 0,
                  ctx.doc.score.layers[li].strokes.strokes.size());
}

void CanvasView::DrawStrokeRange(CanvasContext& ctx, const ViewTransform& view, ImDrawList* dl,
                                 size_t li, ImU32 alpha_mask, bool opaque, float b0, float b1,
                                 float h0, float h1, size_t first, size_t last) {
  const Layer& layer = ctx.doc.score.layers[li];
  const std::vector<Stroke>& strokes = layer.strokes.strokes;
  const std::vector<Box>& boxes = boxes_[li];
  const int alpha = (alpha_mask >> IM_COL32_A_SHIFT) & 0xFF;
  for (size_t i = first; i < last && i < strokes.size(); ++i) {
    const Box& b = boxes[i];
    if (b.b1 < b0 || b.b0 > b1 || b.h1 < h0 || b.h0 > h1) continue;
    const Color c = strokes[i].color;
    const ImU32 col =
        opaque ? IM_COL32(c.r, c.g, c.b, 255) : IM_COL32(c.r, c.g, c.b, c.a * alpha / 255);
    DrawStroke(dl, view, strokes[i], col, 0);
    ++strokes_drawn_;
  }
}

void CanvasView::ForgetCaches() {
  for (LayerCache& c : layer_caches_) c.shown_complete = false;
}

bool CanvasView::Building() const {
  for (const LayerCache& c : layer_caches_)
    if (c.valid && !c.complete) return true;
  return false;
}

void CanvasView::AddToCache(CanvasContext& ctx, size_t li, LayerCache& c, size_t last) {
  if (!cache_list_) cache_list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
  ImDrawList* list = cache_list_.get();
  list->_ResetForNewFrame();
  list->Flags = ImGui::GetWindowDrawList()->Flags;
  list->PushClipRect(c.r0, c.r1);
  list->PushTextureID(ImGui::GetIO().Fonts->TexID);
  // The view the build started in: every part lands where a build at once would put it.
  const int drawn = strokes_drawn_;
  DrawStrokeRange(ctx, c.view, list, li, IM_COL32_WHITE, true, c.b0, c.b1, c.h0, c.h1, c.next,
                  last);
  strokes_drawn_ = drawn;
  c.target->Render(list, c.r0, false);
  c.next = last;
  c.complete = last >= ctx.doc.score.layers[li].strokes.strokes.size();
  if (c.complete) c.shown_complete = true;
}

void CanvasView::DrawCachedStrokeLayer(CanvasContext& ctx, ImDrawList* dl, size_t li, ImU32 tint) {
  const ViewTransform& v = ctx.view;
  if (layer_caches_.size() < ctx.doc.score.layers.size())
    layer_caches_.resize(ctx.doc.score.layers.size());
  LayerCache& c = layer_caches_[li];
  const size_t count = ctx.doc.score.layers[li].strokes.strokes.size();
  const float margin_x = std::round(v.width * 0.5f), margin_y = std::round(v.height * 0.25f);
  const unsigned tw = static_cast<unsigned>(v.width + 2 * margin_x);
  const unsigned th = static_cast<unsigned>(v.height + 2 * margin_y);
  bool fresh = c.valid && c.target && c.revision == ctx.doc.revision &&
               c.px_per_beat == v.px_per_beat && c.px_per_height == v.px_per_height &&
               c.target->Width() >= static_cast<unsigned>(v.width) &&
               c.target->Height() >= static_cast<unsigned>(v.height);
  if (fresh) {
    const float sx = v.BeatToX(c.beat0), sy = v.HeightToY(c.height_top);
    fresh = sx <= v.left && sy <= v.top && sx + c.target->Width() >= v.left + v.width &&
            sy + c.target->Height() >= v.top + v.height;
  }
  if (!fresh) {
    if (!c.target) c.target = std::make_unique<OffscreenTarget>();
    if (!c.target->Resize(tw, th)) {
      use_cache_ = false;  // no FBOs after all: draw live from now on
      return;
    }
    c.r0 = ImVec2(v.left - margin_x, v.top - margin_y);
    c.r1 = ImVec2(c.r0.x + tw, c.r0.y + th);
    c.view = v;
    c.b0 = static_cast<float>(v.XToBeat(c.r0.x));
    c.b1 = static_cast<float>(v.XToBeat(c.r1.x));
    c.h0 = static_cast<float>(v.YToHeight(c.r1.y));
    c.h1 = static_cast<float>(v.YToHeight(c.r0.y));
    c.target->Clear();
    c.next = 0;
    c.complete = false;
    c.revision = ctx.doc.revision;
    c.px_per_beat = v.px_per_beat;
    c.px_per_height = v.px_per_height;
    c.beat0 = v.XToBeat(c.r0.x);
    c.height_top = v.YToHeight(c.r0.y);
    c.valid = true;
    ++cache_rebuilds_;
    // An edit or a zoom redraws at once (a layer that was whole never shows half); a layer
    // shown for the first time (a score just opened) fills in over a few frames instead, so
    // the window shows the picture without waiting for thousands of strokes.
    if (c.shown_complete || !progressive_) AddToCache(ctx, li, c, count);
  }
  if (!c.complete) {
    // A share of the strokes per frame, sized from the last share's cost to about
    // kProgressiveBudgetMs of CPU (every thread: llvmpipe rasterises in its own, when glFinish
    // flushes the commands). CPU, not wall time: on a busy machine the shares stay the same.
    const double t0 = ProcessCpuMs();
    const size_t share = std::max<size_t>(16, c.share);
    AddToCache(ctx, li, c, std::min(count, c.next + share));
    glFinish();
    const double ms = ProcessCpuMs() - t0;
    const double scale = std::clamp(kProgressiveBudgetMs / std::max(0.5, ms), 0.25, 4.0);
    c.share = static_cast<size_t>(std::max(16.0, static_cast<double>(share) * scale));
  }
  if (c.complete) {
    // Count what the cached picture shows, for the benchmark's report.
    for (const Box& b : boxes_[li])
      if (!(b.b1 < v.XToBeat(v.left) || b.b0 > v.LastBeat())) ++strokes_drawn_;
  }
  const ImVec2 p0(std::round(v.BeatToX(c.beat0)), std::round(v.HeightToY(c.height_top)));
  const ImVec2 p1(p0.x + c.target->Width(), p0.y + c.target->Height());
  // Framebuffer rows are bottom-up, hence the flipped v coordinates.
  dl->AddImage(c.target->Texture(), p0, p1, ImVec2(0, 1), ImVec2(1, 0), tint);
}

void CanvasView::DrawOverlay(CanvasContext& ctx, ImDrawList* dl, ImVec2 mouse, bool hovered) {
  const ViewTransform& v = ctx.view;
  const UiState& ui = ctx.ui;
  const Score& score = ctx.doc.score;
  const float s = ui.settings.ui_scale;
  Color paint{200, 200, 200, 255};
  if (ui.palette_index >= 0 && ui.palette_index < static_cast<int>(score.palette.size()))
    paint = score.palette[ui.palette_index].color;
  // The active picture gets a frame and a resize grip (with the select tool).
  if (ui.tool == Tool::kSelect && ui.active_layer >= 0 &&
      ui.active_layer < static_cast<int>(score.layers.size()) &&
      score.layers[ui.active_layer].kind == Layer::Kind::kImage) {
    const ImageLayer& img = score.layers[ui.active_layer].image;
    const ImVec2 p0(v.BeatToX(img.start_beat), v.HeightToY(img.top));
    const ImVec2 p1(v.BeatToX(img.start_beat + img.length_beats), v.HeightToY(img.bottom));
    dl->AddRect(p0, p1, ctx.colors.handle, 0, 0, 2 * s);
    const float my = (p0.y + p1.y) * 0.5f;
    dl->AddRectFilled(ImVec2(p1.x - 6 * s, my - 22 * s), ImVec2(p1.x + 6 * s, my + 22 * s),
                      ctx.colors.handle, 4 * s);
  }
  switch (drag_) {
    case Drag::kPaint:
      DrawStroke(dl, v, brush_.Current(), ToU32(paint, 0.92f), 0);
      break;
    case Drag::kLine: {
      const float w = BrushPixels(ctx);
      dl->AddLine(drag_start_, mouse, ToU32(paint, 0.8f), std::max(1.f, w));
      break;
    }
    case Drag::kRubberBand:
      dl->AddRectFilled(drag_start_, mouse,
                        (ctx.colors.selection & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 40));
      dl->AddRect(drag_start_, mouse, ctx.colors.selection, 0, 0, 1.5f * s);
      break;
    case Drag::kNone:
    case Drag::kStamp:
    case Drag::kErase:
    case Drag::kMoveStrokes:
    case Drag::kMoveImage:
    case Drag::kScaleImage:
    case Drag::kPan:
      break;
  }
  if (!hovered && drag_ == Drag::kNone) return;
  // Pointer preview: the brush size in the current colour, or the eraser's reach.
  const float r = std::max(2.f, BrushPixels(ctx) * 0.5f);
  switch (ui.tool) {
    case Tool::kBrush:
    case Tool::kDot:
    case Tool::kLine:
      if (drag_ == Drag::kPan || ui.space_held) break;
      dl->AddCircle(mouse, r, ToU32(paint), 24, 2 * s);
      break;
    case Tool::kEraser:
      dl->AddCircle(mouse, r + 4, ctx.colors.warning, 24, 2 * s);
      break;
    case Tool::kSelect:
      break;
  }
}

}  // namespace graphony::editor
