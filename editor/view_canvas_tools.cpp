// Canvas tools: the gesture state machine that turns pointer input into document edits
// (paint, line, dots, erase, select, move and stretch pictures, pan) and canvas events.
#include <algorithm>
#include <cmath>

#include "text/ui_text.h"
#include "view_canvas.h"

namespace graphony::editor {

namespace {

bool IsStrokeLayerEditable(const Layer& l) {
  return l.kind == Layer::Kind::kStrokes && l.visible && !l.locked;
}

}  // namespace

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
    if (HitImage(ctx.view, l.image, mouse.x, mouse.y, 8 * ctx.ui.settings.ui_scale) !=
        ImageHandle::kNone)
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
      case Tool::kBrush:
        ctx.ui.hint = _("Drag to paint. Slow strokes are thick, fast strokes thin.");
        break;
      case Tool::kLine:
        ctx.ui.hint = _("Drag from start to end for a straight line.");
        break;
      case Tool::kDot:
        ctx.ui.hint = _("Click to place a dot; drag to stamp a trail of dots.");
        break;
      case Tool::kEraser:
        ctx.ui.hint = _("Drag over strokes to rub them out.");
        break;
      case Tool::kSelect:
        ctx.ui.hint =
            _("Click a stroke (or drag a box) to pick, drag to move, Delete removes. Click a "
              "picture to choose it.");
        break;
    }
  }
  if (drag_ == Drag::kNone && hovered) {
    const bool pan_start = ImGui::IsMouseClicked(ImGuiMouseButton_Middle) ||
                           (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ctx.ui.space_held);
    if (pan_start)
      BeginGesture(ctx, mouse, true);
    else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
      BeginGesture(ctx, ctx.bridge.PressPos(ImGuiMouseButton_Left), false);
  }
  if (drag_ == Drag::kNone) return;
  const bool button_down = drag_ == Drag::kPan ? (io.MouseDown[ImGuiMouseButton_Middle] ||
                                                  io.MouseDown[ImGuiMouseButton_Left])
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
      if (drag_layer_ < 0) drag_layer_ = AddStrokeLayer(doc.score, i18n::Translate(N_("Drawing")));
      Stroke dot =
          MakeDotStroke(ctx.view, mouse.x, mouse.y, color, ui.brush_size, ui.contributor_id);
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
        const bool already =
            ui.selection_layer == li &&
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
      if (drag_ == Drag::kMoveImage)
        img.start_beat = std::max(0.0, image_beat0_ + d_beat);
      else
        img.length_beats = std::max(0.25, image_len0_ + d_beat);
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
      if (layer < 0) layer = AddStrokeLayer(doc.score, i18n::Translate(N_("Drawing")));
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
      Stroke stroke =
          tiny ? MakeDotStroke(ctx.view, mouse.x, mouse.y, color, ui.brush_size, ui.contributor_id)
               : MakeLineStroke(ctx.view, drag_start_.x, drag_start_.y, mouse.x, mouse.y, color,
                                ui.brush_size, ui.contributor_id);
      doc.BeginEdit();
      int layer = DrawingLayer(doc.score, ui.active_layer);
      if (layer < 0) layer = AddStrokeLayer(doc.score, i18n::Translate(N_("Drawing")));
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
      for (int li = static_cast<int>(doc.score.layers.size()) - 1; li >= 0 && best_layer < 0;
           --li) {
        if (!IsStrokeLayerEditable(doc.score.layers[li])) continue;
        StrokesInRect(ctx.view, doc.score.layers[li].strokes, drag_start_.x, drag_start_.y, mouse.x,
                      mouse.y, scratch_sel_);
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
