// Canvas view: one frame (place the view, run the tools, draw); the parts live in
// view_canvas_layout.cpp, view_canvas_tools.cpp and view_canvas_draw.cpp.
#include "view_canvas.h"

#include "canvas_playhead.h"
#include "core/pitch.h"
#include "view_timeline.h"

namespace graphony::editor {

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

// [SECTION] Frame

void CanvasView::Draw(CanvasContext& ctx) {
  const float s = ctx.ui.settings.ui_scale;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  PlaceView(ctx, origin, avail);
  ViewTransform& v = ctx.view;

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
  DrawNoteNames(ctx, dl, ImVec2(origin.x, v.top));
  if (tiled_ && OffscreenTarget::Supported()) {
    DrawTiled(ctx, dl);  // fills only what the tiles leave uncovered
  } else {
    dl->AddRectFilled(c0, c1, ctx.colors.outside);
    DrawScoreContent(ctx, dl, true);
  }
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  DrawOverlay(ctx, dl, mouse, hovered);
  dl->PopClipRect();
  DrawTimeline(dl, ImVec2(v.left, origin.y), ImVec2(c1.x, v.top), v, ctx.doc.score, ctx.colors, s);
  // Editor II: playhead and loop over canvas and ruler; ruler drags scrub, Shift+drags loop.
  DrawPlayhead(dl, v, origin.y, ctx.ui, ctx.colors);
  HandleRulerInput(v, origin.y, ctx.bridge.PressPos(ImGuiMouseButton_Left).x, ctx.ui);
  // Corner above the note names: a small clock-and-pitch legend.
  dl->AddRectFilled(origin, ImVec2(v.left, v.top), ctx.colors.ruler_bg);
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + avail.y));
}

}  // namespace graphony::editor
