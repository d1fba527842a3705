// Canvas view: draws guides, pictures and strokes; turns pointer gestures into tool edits.
#include "view_canvas.h"

#include <algorithm>
#include <cmath>

#include "canvas_playhead.h"
#include "core/pitch.h"
#include "view_timeline.h"

namespace graphony::editor {

// [SECTION] Helpers

namespace {

constexpr float kAaFringe = 1.0f;       // pixels of soft edge on strokes
constexpr float kMinDecimatePx = 1.5f;  // closer points add nothing visible

ImU32 ToU32(Color c, float alpha_scale = 1.f) {
  return IM_COL32(c.r, c.g, c.b, static_cast<int>(c.a * alpha_scale));
}

bool IsStrokeLayerEditable(const Layer& l) {
  return l.kind == Layer::Kind::kStrokes && l.visible && !l.locked;
}

}  // namespace

CanvasView::~CanvasView() = default;

CanvasView::CanvasView() {
  for (int m = 0; m < 128; ++m) {
    names_sharp_[m] = NoteName(m, false);
    names_flat_[m] = NoteName(m, true);
  }
  scratch_pts_.reserve(4096);
  scratch_w_.reserve(4096);
  scratch_sel_.reserve(1024);
  bands_.reserve(128);
}

// [SECTION] Caches

void CanvasView::RebuildCaches(const Score& score) {
  cache_revision_ = 0;  // set by the caller
  bands_.clear();
  const Mapping& m = score.mapping;
  // The bands come from the engine's pitch map, so the canvas shows what plays.
  for (const PitchBand& b : PitchMap(m).Bands())
    bands_.push_back(Band{static_cast<float>(b.bottom), static_cast<float>(b.top), b.midi, b.is_root});
  prefer_flats_ = KeyPrefersFlats(m);
  boxes_.resize(score.layers.size());
  for (size_t li = 0; li < score.layers.size(); ++li) {
    const Layer& layer = score.layers[li];
    std::vector<Box>& boxes = boxes_[li];
    boxes.clear();
    if (layer.kind != Layer::Kind::kStrokes) continue;
    boxes.reserve(layer.strokes.strokes.size());
    for (const Stroke& s : layer.strokes.strokes) {
      Box b{1e30f, -1e30f, 1e30f, -1e30f};
      for (const StrokePoint& p : s.points) {
        b.b0 = std::min(b.b0, static_cast<float>(p.beat));
        b.b1 = std::max(b.b1, static_cast<float>(p.beat));
        b.h0 = std::min(b.h0, static_cast<float>(p.height));
        b.h1 = std::max(b.h1, static_cast<float>(p.height));
      }
      b.h0 -= s.width;
      b.h1 += s.width;
      boxes.push_back(b);
    }
  }
}

// [SECTION] Drawing

void CanvasView::Draw(CanvasContext& ctx) {
  const float s = ctx.ui.settings.ui_scale;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float ruler_h = std::round(ImGui::GetFontSize() * 2.4f);
  const float gutter_w = std::round(56 * s);
  ViewTransform& v = ctx.view;
  v.left = origin.x + gutter_w;
  v.top = origin.y + ruler_h;
  v.width = std::max(50.f, avail.x - gutter_w);
  v.height = std::max(50.f, avail.y - ruler_h);
  if (ctx.ui.want_fit) {
    v.Fit(ctx.doc.score.length_beats);
    ctx.ui.want_fit = false;
  }

  ImGui::SetCursorScreenPos(ImVec2(v.left, v.top));
  ImGui::InvisibleButton("##canvas", ImVec2(v.width, v.height),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle |
                             ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  HandleInput(ctx, hovered);
  v.Clamp(ctx.doc.score.length_beats);
  // After input: a gesture may just have changed the score.
  if (cache_revision_ != ctx.doc.revision || boxes_.size() != ctx.doc.score.layers.size()) {
    RebuildCaches(ctx.doc.score);
    cache_revision_ = ctx.doc.revision;
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 c0(v.left, v.top), c1(v.left + v.width, v.top + v.height);
  dl->PushClipRect(c0, c1, true);
  dl->AddRectFilled(c0, c1, ctx.colors.outside);
  DrawGuides(ctx, dl, ImVec2(origin.x, v.top));
  DrawBeatGrid(dl, v, ctx.doc.score, ctx.colors, s);
  DrawLayers(ctx, dl);
  // Faint guide lines again on top, so pitches stay readable over an opaque picture.
  for (const Band& b : bands_) {
    const float y = v.HeightToY(b.bottom);
    if (y >= v.top && y <= v.top + v.height)
      dl->AddLine(ImVec2(v.left, y), ImVec2(v.left + v.width, y), ctx.colors.guide_line, 1);
  }
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  DrawOverlay(ctx, dl, mouse, hovered);
  dl->PopClipRect();
  DrawTimeline(dl, ImVec2(v.left, origin.y), ImVec2(c1.x, v.top), v, ctx.doc.score, ctx.colors, s);
  // Editor II: playhead and loop over canvas and ruler; ruler clicks seek, drags loop.
  DrawPlayhead(dl, v, origin.y, ctx.ui, ctx.colors);
  HandleRulerInput(v, origin.y, ctx.bridge.PressPos(ImGuiMouseButton_Left).x, ctx.ui);
  // Corner above the note names: a small clock-and-pitch legend.
  dl->AddRectFilled(origin, ImVec2(v.left, v.top), ctx.colors.ruler_bg);
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + avail.y));
}

void CanvasView::DrawGuides(CanvasContext& ctx, ImDrawList* dl, ImVec2 gutter0) {
  const ViewTransform& v = ctx.view;
  const CanvasColors& c = ctx.colors;
  const float x0 = std::max(v.left, v.BeatToX(0));
  const float x1 = std::min(v.left + v.width, v.BeatToX(ctx.doc.score.length_beats));
  // Gutter for note names, outside the canvas clip.
  dl->PushClipRect(ImVec2(gutter0.x, v.top), ImVec2(v.left, v.top + v.height), false);
  dl->AddRectFilled(ImVec2(gutter0.x, v.top), ImVec2(v.left, v.top + v.height), c.ruler_bg);
  dl->PopClipRect();
  const float font = ImGui::GetFontSize();
  for (size_t i = 0; i < bands_.size(); ++i) {
    const Band& b = bands_[i];
    const float yt = v.HeightToY(b.top), yb = v.HeightToY(b.bottom);
    if (yb < v.top || yt > v.top + v.height) continue;
    const ImU32 fill = b.is_root ? c.band_root : (i % 2 ? c.band_a : c.band_b);
    dl->AddRectFilled(ImVec2(x0, yt), ImVec2(x1, yb), fill);
    dl->AddLine(ImVec2(x0, yb), ImVec2(x1, yb), c.guide_line, 1);
    if (ctx.ui.settings.note_names && yb - yt >= font * 0.7f && b.midi >= 0 && b.midi < 128) {
      const std::string& name = prefer_flats_ ? names_flat_[b.midi] : names_sharp_[b.midi];
      const float ty = (yt + yb) * 0.5f - font * 0.5f;
      dl->PushClipRect(ImVec2(gutter0.x, v.top), ImVec2(v.left, v.top + v.height), false);
      dl->AddText(ImVec2(gutter0.x + 8 * ctx.ui.settings.ui_scale, ty),
                  b.is_root ? c.accent : c.note_text, name.c_str(), name.c_str() + name.size());
      dl->PopClipRect();
    }
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
    dl->PrimWriteVtx(ImVec2(p.x + nrm.x * (w + kAaFringe), p.y + nrm.y * (w + kAaFringe)), uv, clear);
    dl->PrimWriteVtx(ImVec2(p.x + nrm.x * w, p.y + nrm.y * w), uv, col);
    dl->PrimWriteVtx(ImVec2(p.x - nrm.x * w, p.y - nrm.y * w), uv, col);
    dl->PrimWriteVtx(ImVec2(p.x - nrm.x * (w + kAaFringe), p.y - nrm.y * (w + kAaFringe)), uv, clear);
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
  if (scratch_w_.front() >= 2.5f) dl->AddCircleFilled(scratch_pts_.front(), scratch_w_.front(), col, 12);
  if (scratch_w_.back() >= 2.5f) dl->AddCircleFilled(scratch_pts_.back(), scratch_w_.back(), col, 12);
}

void CanvasView::DrawLayers(CanvasContext& ctx, ImDrawList* dl) {
  const ViewTransform& v = ctx.view;
  const Score& score = ctx.doc.score;
  const float vb0 = static_cast<float>(v.XToBeat(v.left)), vb1 = static_cast<float>(v.LastBeat());
  const float vh0 = static_cast<float>(v.YToHeight(v.top + v.height)), vh1 = static_cast<float>(v.TopHeight());
  strokes_drawn_ = 0;
  for (size_t li = 0; li < score.layers.size(); ++li) {
    const Layer& layer = score.layers[li];
    if (!layer.visible) continue;
    switch (layer.kind) {
      case Layer::Kind::kImage: {
        const ImageLayer& img = layer.image;
        const ImVec2 p0(v.BeatToX(img.start_beat), v.HeightToY(img.top));
        const ImVec2 p1(v.BeatToX(img.start_beat + img.length_beats), v.HeightToY(img.bottom));
        if (p1.x < v.left || p0.x > v.left + v.width) break;
        const ImTextureID tex = ctx.textures.Get(img.pixels);
        const int alpha = static_cast<int>(std::clamp(img.opacity, 0.f, 1.f) * 255);
        if (tex) dl->AddImage(tex, p0, p1, ImVec2(0, 0), ImVec2(1, 1), IM_COL32(255, 255, 255, alpha));
        else dl->AddRectFilled(p0, p1, IM_COL32(128, 128, 128, alpha / 2));
        break;
      }
      case Layer::Kind::kStrokes: {
        const std::vector<Stroke>& strokes = layer.strokes.strokes;
        // Selected strokes get a halo underneath.
        if (static_cast<int>(li) == ctx.ui.selection_layer)
          for (int idx : ctx.ui.selection)
            if (idx >= 0 && idx < static_cast<int>(strokes.size()))
              DrawStroke(dl, v, strokes[idx], ctx.colors.selection, 3.f * ctx.ui.settings.ui_scale);
        const int alpha = layer.locked ? 150 : 235;
        if (use_cache_ && OffscreenTarget::Supported()) {
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
  const Layer& layer = ctx.doc.score.layers[li];
  const std::vector<Stroke>& strokes = layer.strokes.strokes;
  const std::vector<Box>& boxes = boxes_[li];
  const int alpha = (alpha_mask >> IM_COL32_A_SHIFT) & 0xFF;
  for (size_t i = 0; i < strokes.size(); ++i) {
    const Box& b = boxes[i];
    if (b.b1 < b0 || b.b0 > b1 || b.h1 < h0 || b.h0 > h1) continue;
    const Color c = strokes[i].color;
    const ImU32 col = opaque ? IM_COL32(c.r, c.g, c.b, 255) : IM_COL32(c.r, c.g, c.b, c.a * alpha / 255);
    DrawStroke(dl, ctx.view, strokes[i], col, 0);
    ++strokes_drawn_;
  }
}

void CanvasView::DrawCachedStrokeLayer(CanvasContext& ctx, ImDrawList* dl, size_t li, ImU32 tint) {
  const ViewTransform& v = ctx.view;
  if (layer_caches_.size() < ctx.doc.score.layers.size()) layer_caches_.resize(ctx.doc.score.layers.size());
  LayerCache& c = layer_caches_[li];
  const float margin_x = std::round(v.width * 0.5f), margin_y = std::round(v.height * 0.25f);
  const unsigned tw = static_cast<unsigned>(v.width + 2 * margin_x);
  const unsigned th = static_cast<unsigned>(v.height + 2 * margin_y);
  bool fresh = c.valid && c.target && c.revision == ctx.doc.revision && c.px_per_beat == v.px_per_beat &&
               c.px_per_height == v.px_per_height && c.target->Width() >= static_cast<unsigned>(v.width) &&
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
    if (!cache_list_) cache_list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    ImDrawList* list = cache_list_.get();
    list->_ResetForNewFrame();
    list->Flags = dl->Flags;
    const ImVec2 r0(v.left - margin_x, v.top - margin_y);
    const ImVec2 r1(r0.x + tw, r0.y + th);
    list->PushClipRect(r0, r1);
    list->PushTextureID(ImGui::GetIO().Fonts->TexID);
    DrawStrokesLive(ctx, list, li, IM_COL32_WHITE, true, static_cast<float>(v.XToBeat(r0.x)),
                    static_cast<float>(v.XToBeat(r1.x)), static_cast<float>(v.YToHeight(r1.y)),
                    static_cast<float>(v.YToHeight(r0.y)));
    c.target->Render(list, r0);
    c.revision = ctx.doc.revision;
    c.px_per_beat = v.px_per_beat;
    c.px_per_height = v.px_per_height;
    c.beat0 = v.XToBeat(r0.x);
    c.height_top = v.YToHeight(r0.y);
    c.valid = true;
    ++cache_rebuilds_;
  } else {
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
      dl->AddRectFilled(drag_start_, mouse, (ctx.colors.selection & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 40));
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

float CanvasView::BrushPixels(const CanvasContext& ctx) const {
  return static_cast<float>(ctx.ui.brush_size * ctx.view.px_per_height);
}

// [SECTION] Input

void CanvasView::Emit(CanvasContext& ctx, CanvasEvent::Kind kind, const StrokePoint& p) {
  CanvasEvent e;
  e.kind = kind;
  e.beat = p.beat;
  e.height = p.height;
  e.pressure = p.pressure;
  e.palette_index = ctx.ui.palette_index;
  const auto& pal = ctx.doc.score.palette;
  if (ctx.ui.palette_index >= 0 && ctx.ui.palette_index < static_cast<int>(pal.size()))
    e.color = pal[ctx.ui.palette_index].color;
  e.layer = drag_layer_;
  ctx.events.Add(e);
}

int CanvasView::TopImageLayerAt(const CanvasContext& ctx, ImVec2 mouse) const {
  const auto& layers = ctx.doc.score.layers;
  for (int i = static_cast<int>(layers.size()) - 1; i >= 0; --i) {
    const Layer& l = layers[i];
    if (l.kind != Layer::Kind::kImage || !l.visible || l.locked) continue;
    if (HitImage(ctx.view, l.image, mouse.x, mouse.y, 8 * ctx.ui.settings.ui_scale) != ImageHandle::kNone)
      return i;
  }
  return -1;
}

void CanvasView::HandleInput(CanvasContext& ctx, bool hovered) {
  const ImGuiIO& io = ImGui::GetIO();
  ViewTransform& v = ctx.view;
  const ImVec2 mouse = io.MousePos;
  hovered_ = hovered;
  if (hovered) {
    hover_beat_ = v.XToBeat(mouse.x);
    hover_height_ = v.YToHeight(mouse.y);
    if (io.MouseWheel != 0 && !io.KeyShift)
      v.ZoomAround(mouse.x, mouse.y, std::pow(1.15, io.MouseWheel));
    if (io.MouseWheel != 0 && io.KeyShift) v.PanPixels(io.MouseWheel * 60.f, 0);
    if (io.MouseWheelH != 0) v.PanPixels(io.MouseWheelH * 60.f, 0);
    switch (ctx.ui.tool) {
      case Tool::kBrush: ctx.ui.hint = "Drag to paint. Slow strokes are thick, fast strokes thin."; break;
      case Tool::kLine: ctx.ui.hint = "Drag from start to end for a straight line."; break;
      case Tool::kDot: ctx.ui.hint = "Click to place a dot; drag to stamp a trail of dots."; break;
      case Tool::kEraser: ctx.ui.hint = "Drag over strokes to rub them out."; break;
      case Tool::kSelect: ctx.ui.hint = "Click a stroke (or drag a box) to pick, drag to move, Delete removes. Click a picture to choose it."; break;
    }
  }
  if (drag_ == Drag::kNone && hovered) {
    const bool pan_start = ImGui::IsMouseClicked(ImGuiMouseButton_Middle) ||
                           (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ctx.ui.space_held);
    if (pan_start) BeginGesture(ctx, mouse, true);
    else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
      BeginGesture(ctx, ctx.bridge.PressPos(ImGuiMouseButton_Left), false);
  }
  if (drag_ == Drag::kNone) return;
  const bool button_down = drag_ == Drag::kPan
                               ? (io.MouseDown[ImGuiMouseButton_Middle] || io.MouseDown[ImGuiMouseButton_Left])
                               : io.MouseDown[ImGuiMouseButton_Left];
  ContinueGesture(ctx, mouse);
  if (!button_down) EndGesture(ctx, mouse);
}

void CanvasView::BeginGesture(CanvasContext& ctx, ImVec2 mouse, bool pan) {
  Document& doc = ctx.doc;
  UiState& ui = ctx.ui;
  drag_start_ = drag_last_ = mouse;
  drag_changed_ = false;
  last_motion_time_ = ui.now;
  if (pan) {
    drag_ = Drag::kPan;
    if (ui.space_held) ui.space_panned = true;  // so releasing space does not also play
    return;
  }
  Color color{200, 200, 200, 255};
  if (ui.palette_index >= 0 && ui.palette_index < static_cast<int>(doc.score.palette.size()))
    color = doc.score.palette[ui.palette_index].color;
  drag_layer_ = DrawingLayer(doc.score, ui.active_layer);
  switch (ui.tool) {
    case Tool::kBrush:
      drag_ = Drag::kPaint;
      brush_.Begin(ctx.view, mouse.x, mouse.y, ui.now, color, ui.brush_size, ui.contributor_id);
      Emit(ctx, CanvasEvent::Kind::kStrokeBegin, brush_.Current().points.back());
      break;
    case Tool::kLine:
      drag_ = Drag::kLine;
      break;
    case Tool::kDot: {
      drag_ = Drag::kStamp;
      doc.BeginEdit();
      if (drag_layer_ < 0) drag_layer_ = AddStrokeLayer(doc.score, "Drawing");
      Stroke dot = MakeDotStroke(ctx.view, mouse.x, mouse.y, color, ui.brush_size, ui.contributor_id);
      Emit(ctx, CanvasEvent::Kind::kDot, dot.points[0]);
      doc.score.layers[drag_layer_].strokes.strokes.push_back(std::move(dot));
      ui.active_layer = drag_layer_;
      drag_changed_ = true;
      doc.Touch();
      break;
    }
    case Tool::kEraser:
      drag_ = Drag::kErase;
      doc.BeginEdit();
      ContinueGesture(ctx, mouse);
      break;
    case Tool::kSelect: {
      const ImGuiIO& io = ImGui::GetIO();
      const float tol = 8 * ui.settings.ui_scale;
      // The active picture's grip or body first, so a picture can be moved under strokes.
      if (ui.active_layer >= 0 && ui.active_layer < static_cast<int>(doc.score.layers.size())) {
        const Layer& l = doc.score.layers[ui.active_layer];
        if (l.kind == Layer::Kind::kImage && !l.locked && l.visible) {
          const ImageHandle h = HitImage(ctx.view, l.image, mouse.x, mouse.y, tol);
          if (h != ImageHandle::kNone) {
            drag_ = h == ImageHandle::kRightEdge ? Drag::kScaleImage : Drag::kMoveImage;
            drag_layer_ = ui.active_layer;
            image_beat0_ = l.image.start_beat;
            image_len0_ = l.image.length_beats;
            doc.BeginEdit();
            return;
          }
        }
      }
      for (int li = static_cast<int>(doc.score.layers.size()) - 1; li >= 0; --li) {
        const Layer& l = doc.score.layers[li];
        if (!IsStrokeLayerEditable(l)) continue;
        const int hit = HitStroke(ctx.view, l.strokes, mouse.x, mouse.y, tol);
        if (hit < 0) continue;
        const bool already = ui.selection_layer == li &&
                             std::find(ui.selection.begin(), ui.selection.end(), hit) != ui.selection.end();
        if (!already) {
          if (!io.KeyShift || ui.selection_layer != li) ui.selection.clear();
          ui.selection.push_back(hit);
          ui.selection_layer = li;
        }
        ui.active_layer = li;
        drag_ = Drag::kMoveStrokes;
        drag_layer_ = li;
        doc.BeginEdit();
        return;
      }
      // Empty space (or a picture that is not the chosen layer): a selection box. A plain
      // click there chooses the picture under it (see EndGesture), so a picture filling the
      // canvas is never dragged away by accident.
      if (!io.KeyShift) ui.selection.clear();
      drag_ = Drag::kRubberBand;
      break;
    }
  }
}

void CanvasView::ContinueGesture(CanvasContext& ctx, ImVec2 mouse) {
  Document& doc = ctx.doc;
  UiState& ui = ctx.ui;
  ViewTransform& v = ctx.view;
  switch (drag_) {
    case Drag::kNone:
      break;
    case Drag::kPan:
      v.PanPixels(mouse.x - drag_last_.x, mouse.y - drag_last_.y);
      break;
    case Drag::kPaint: {
      // Every pointer sample of the frame, spread over the frame's time for the speed.
      const int n = ctx.bridge.MotionCount();
      const double dt = std::max(1e-3, ui.now - last_motion_time_);
      for (int i = 0; i < n; ++i) {
        const ImVec2 m = ctx.bridge.Motion(i);
        const size_t before = brush_.Current().points.size();
        brush_.Add(v, m.x, m.y, last_motion_time_ + dt * (i + 1) / n);
        if (brush_.Current().points.size() > before)
          Emit(ctx, CanvasEvent::Kind::kStrokePoint, brush_.Current().points.back());
      }
      if (n == 0) brush_.Add(v, mouse.x, mouse.y, ui.now);
      last_motion_time_ = ui.now;
      break;
    }
    case Drag::kLine:
      break;
    case Drag::kStamp: {
      const float spacing = std::max(12.f * ui.settings.ui_scale, BrushPixels(ctx) * 1.5f);
      if (std::hypot(mouse.x - drag_last_.x, mouse.y - drag_last_.y) < spacing) return;
      Color color = doc.score.layers[drag_layer_].strokes.strokes.back().color;
      Stroke dot = MakeDotStroke(v, mouse.x, mouse.y, color, ui.brush_size, ui.contributor_id);
      Emit(ctx, CanvasEvent::Kind::kDot, dot.points[0]);
      doc.score.layers[drag_layer_].strokes.strokes.push_back(std::move(dot));
      doc.Touch();
      break;
    }
    case Drag::kErase: {
      int removed = 0;
      for (Layer& l : doc.score.layers)
        if (IsStrokeLayerEditable(l))
          removed += EraseNear(v, l.strokes, mouse.x, mouse.y, BrushPixels(ctx) * 0.5f + 4);
      if (removed > 0) {
        drag_changed_ = true;
        ui.selection.clear();
        doc.Touch();
      }
      break;
    }
    case Drag::kMoveStrokes: {
      const double d_beat = (mouse.x - drag_last_.x) / v.px_per_beat;
      const double d_height = -(mouse.y - drag_last_.y) / v.px_per_height;
      if (d_beat == 0 && d_height == 0) break;
      MoveStrokes(doc.score.layers[drag_layer_].strokes, ui.selection, d_beat, d_height);
      drag_changed_ = true;
      doc.Touch();
      break;
    }
    case Drag::kRubberBand:
      break;
    case Drag::kMoveImage:
    case Drag::kScaleImage: {
      ImageLayer& img = doc.score.layers[drag_layer_].image;
      const double d_beat = (mouse.x - drag_start_.x) / v.px_per_beat;
      if (drag_ == Drag::kMoveImage) img.start_beat = std::max(0.0, image_beat0_ + d_beat);
      else img.length_beats = std::max(0.25, image_len0_ + d_beat);
      drag_changed_ = drag_changed_ || d_beat != 0;
      doc.Touch();
      break;
    }
  }
  drag_last_ = mouse;
}

void CanvasView::EndGesture(CanvasContext& ctx, ImVec2 mouse) {
  Document& doc = ctx.doc;
  UiState& ui = ctx.ui;
  const Drag ended = drag_;
  drag_ = Drag::kNone;
  switch (ended) {
    case Drag::kNone:
    case Drag::kPan:
      break;
    case Drag::kPaint: {
      Stroke stroke = brush_.Finish();
      doc.BeginEdit();
      int layer = DrawingLayer(doc.score, ui.active_layer);
      if (layer < 0) layer = AddStrokeLayer(doc.score, "Drawing");
      Emit(ctx, CanvasEvent::Kind::kStrokeEnd, stroke.points.back());
      doc.score.layers[layer].strokes.strokes.push_back(std::move(stroke));
      ui.active_layer = layer;
      doc.EndEdit();
      break;
    }
    case Drag::kLine: {
      Color color{200, 200, 200, 255};
      if (ui.palette_index >= 0 && ui.palette_index < static_cast<int>(doc.score.palette.size()))
        color = doc.score.palette[ui.palette_index].color;
      const bool tiny = std::hypot(mouse.x - drag_start_.x, mouse.y - drag_start_.y) < 3;
      Stroke stroke = tiny ? MakeDotStroke(ctx.view, mouse.x, mouse.y, color, ui.brush_size, ui.contributor_id)
                           : MakeLineStroke(ctx.view, drag_start_.x, drag_start_.y, mouse.x, mouse.y,
                                            color, ui.brush_size, ui.contributor_id);
      doc.BeginEdit();
      int layer = DrawingLayer(doc.score, ui.active_layer);
      if (layer < 0) layer = AddStrokeLayer(doc.score, "Drawing");
      drag_layer_ = layer;
      Emit(ctx, CanvasEvent::Kind::kStrokeBegin, stroke.points.front());
      Emit(ctx, CanvasEvent::Kind::kStrokeEnd, stroke.points.back());
      doc.score.layers[layer].strokes.strokes.push_back(std::move(stroke));
      ui.active_layer = layer;
      doc.EndEdit();
      break;
    }
    case Drag::kStamp:
    case Drag::kErase:
    case Drag::kMoveStrokes:
    case Drag::kMoveImage:
    case Drag::kScaleImage:
      doc.EndEdit(drag_changed_);
      break;
    case Drag::kRubberBand: {
      int best_layer = -1;
      for (int li = static_cast<int>(doc.score.layers.size()) - 1; li >= 0 && best_layer < 0; --li) {
        if (!IsStrokeLayerEditable(doc.score.layers[li])) continue;
        StrokesInRect(ctx.view, doc.score.layers[li].strokes, drag_start_.x, drag_start_.y,
                      mouse.x, mouse.y, scratch_sel_);
        if (!scratch_sel_.empty()) best_layer = li;
      }
      const bool click = std::hypot(mouse.x - drag_start_.x, mouse.y - drag_start_.y) < 4;
      if (click && best_layer < 0) {
        const int img = TopImageLayerAt(ctx, mouse);
        if (img >= 0) ui.active_layer = img;  // the next drag moves or stretches it
        break;
      }
      if (best_layer >= 0) {
        if (ui.selection_layer != best_layer) ui.selection.clear();
        ui.selection.insert(ui.selection.end(), scratch_sel_.begin(), scratch_sel_.end());
        ui.selection_layer = best_layer;
        ui.active_layer = best_layer;
      }
      break;
    }
  }
}

void CanvasView::CancelGesture(CanvasContext& ctx) {
  switch (drag_) {
    case Drag::kPaint:
      brush_.Cancel();
      Emit(ctx, CanvasEvent::Kind::kStrokeCancel, StrokePoint{});
      break;
    case Drag::kStamp:
    case Drag::kErase:
    case Drag::kMoveStrokes:
    case Drag::kMoveImage:
    case Drag::kScaleImage:
      // Put things back as they were before the gesture.
      ctx.doc.EndEdit(drag_changed_);
      if (drag_changed_) ctx.doc.Undo();
      break;
    case Drag::kNone:
    case Drag::kLine:
    case Drag::kRubberBand:
    case Drag::kPan:
      break;
  }
  drag_ = Drag::kNone;
}

}  // namespace graphony::editor
