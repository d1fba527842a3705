// Tool geometry: brush dynamics, lines, dots, hit testing, erasing, moving, deleting.
#include "logic/tools.h"

#include <algorithm>
#include <cmath>

namespace graphony::editor {

namespace {

constexpr float kMinStepPx = 2.5f;          // finer samples add points but no shape
constexpr double kSlowPxPerS = 150;         // at or below: full width
constexpr double kFastPxPerS = 2500;        // at or above: thinnest
constexpr float kPressureSmoothing = 0.3f;  // share of the new value per sample

float SegmentDistance(float px, float py, float ax, float ay, float bx, float by) {
  const float vx = bx - ax, vy = by - ay;
  const float len2 = vx * vx + vy * vy;
  float t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0.f;
  t = std::clamp(t, 0.f, 1.f);
  const float dx = px - (ax + t * vx), dy = py - (ay + t * vy);
  return std::sqrt(dx * dx + dy * dy);
}

StrokePoint PointAt(const ViewTransform& view, float x, float y, float pressure) {
  StrokePoint p;
  p.beat = std::max(0.0, view.XToBeat(x));
  p.height = std::clamp(view.YToHeight(y), 0.0, 1.0);
  p.pressure = pressure;
  return p;
}

}  // namespace

float BrushBuilder::PressureFromSpeed(double px_per_s) {
  const double t = std::clamp((px_per_s - kSlowPxPerS) / (kFastPxPerS - kSlowPxPerS), 0.0, 1.0);
  return static_cast<float>(1.0 - t * (1.0 - kMinPressure));
}

void BrushBuilder::Begin(const ViewTransform& view, float x, float y, double time_s, Color color,
                         float width, const std::string& contributor) {
  stroke_ = Stroke{};
  stroke_.points.reserve(512);
  stroke_.color = color;
  stroke_.width = width;
  stroke_.contributor = contributor;
  stroke_.points.push_back(PointAt(view, x, y, 1.f));
  last_x_ = x;
  last_y_ = y;
  last_t_ = time_s;
  smoothed_pressure_ = 1.f;
  active_ = true;
}

void BrushBuilder::Add(const ViewTransform& view, float x, float y, double time_s) {
  if (!active_) return;
  const float dx = x - last_x_, dy = y - last_y_;
  const float dist = std::sqrt(dx * dx + dy * dy);
  if (dist < kMinStepPx) return;
  // Several samples can share one frame time: assume at least 1 ms between them.
  const double dt = std::max(time_s - last_t_, 0.001);
  const float target = PressureFromSpeed(dist / dt);
  smoothed_pressure_ += kPressureSmoothing * (target - smoothed_pressure_);
  stroke_.points.push_back(PointAt(view, x, y, smoothed_pressure_));
  last_x_ = x;
  last_y_ = y;
  last_t_ = time_s;
}

Stroke BrushBuilder::Finish() {
  active_ = false;
  Stroke out = std::move(stroke_);
  stroke_ = Stroke{};
  return out;
}

Stroke MakeLineStroke(const ViewTransform& view, float x0, float y0, float x1, float y1,
                      Color color, float width, const std::string& contributor) {
  Stroke s;
  s.color = color;
  s.width = width;
  s.contributor = contributor;
  const float len = std::hypot(x1 - x0, y1 - y0);
  const int steps = std::clamp(static_cast<int>(len / 12.f), 1, 256);
  s.points.reserve(steps + 1);
  for (int i = 0; i <= steps; ++i) {
    const float t = static_cast<float>(i) / steps;
    s.points.push_back(PointAt(view, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, 1.f));
  }
  return s;
}

Stroke MakeDotStroke(const ViewTransform& view, float x, float y, Color color, float width,
                     const std::string& contributor) {
  Stroke s;
  s.color = color;
  s.width = width;
  s.contributor = contributor;
  s.points.push_back(PointAt(view, x, y, 1.f));
  return s;
}

float DistanceToStroke(const ViewTransform& view, const Stroke& stroke, float x, float y) {
  if (stroke.points.empty()) return 1e30f;
  float best = 1e30f;
  float prev_x = view.BeatToX(stroke.points[0].beat);
  float prev_y = view.HeightToY(stroke.points[0].height);
  if (stroke.points.size() == 1) best = std::hypot(x - prev_x, y - prev_y);
  for (size_t i = 1; i < stroke.points.size(); ++i) {
    const float cx = view.BeatToX(stroke.points[i].beat);
    const float cy = view.HeightToY(stroke.points[i].height);
    best = std::min(best, SegmentDistance(x, y, prev_x, prev_y, cx, cy));
    prev_x = cx;
    prev_y = cy;
  }
  const float half_width = static_cast<float>(stroke.width * view.px_per_height * 0.5);
  return std::max(0.f, best - half_width);
}

int HitStroke(const ViewTransform& view, const StrokeLayer& layer, float x, float y,
              float tolerance_px) {
  for (int i = static_cast<int>(layer.strokes.size()) - 1; i >= 0; --i)
    if (DistanceToStroke(view, layer.strokes[i], x, y) <= tolerance_px) return i;
  return -1;
}

void StrokesInRect(const ViewTransform& view, const StrokeLayer& layer, float x0, float y0,
                   float x1, float y1, std::vector<int>& out) {
  out.clear();
  const float lx = std::min(x0, x1), hx = std::max(x0, x1);
  const float ly = std::min(y0, y1), hy = std::max(y0, y1);
  for (int i = 0; i < static_cast<int>(layer.strokes.size()); ++i) {
    for (const StrokePoint& p : layer.strokes[i].points) {
      const float px = view.BeatToX(p.beat), py = view.HeightToY(p.height);
      if (px >= lx && px <= hx && py >= ly && py <= hy) {
        out.push_back(i);
        break;
      }
    }
  }
}

int EraseNear(const ViewTransform& view, StrokeLayer& layer, float x, float y, float radius_px) {
  const size_t before = layer.strokes.size();
  std::erase_if(layer.strokes,
                [&](const Stroke& s) { return DistanceToStroke(view, s, x, y) <= radius_px; });
  return static_cast<int>(before - layer.strokes.size());
}

void MoveStrokes(StrokeLayer& layer, const std::vector<int>& indices, double d_beat,
                 double d_height) {
  for (int i : indices) {
    if (i < 0 || i >= static_cast<int>(layer.strokes.size())) continue;
    for (StrokePoint& p : layer.strokes[i].points) {
      p.beat = std::max(0.0, p.beat + d_beat);
      p.height = std::clamp(p.height + d_height, 0.0, 1.0);
    }
  }
}

void DeleteStrokes(StrokeLayer& layer, std::vector<int> indices) {
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  for (auto it = indices.rbegin(); it != indices.rend(); ++it)
    if (*it >= 0 && *it < static_cast<int>(layer.strokes.size()))
      layer.strokes.erase(layer.strokes.begin() + *it);
}

int DrawingLayer(const Score& score, int active) {
  const int n = static_cast<int>(score.layers.size());
  auto usable = [&](int i) {
    const Layer& l = score.layers[i];
    return l.kind == Layer::Kind::kStrokes && !l.locked && l.visible;
  };
  if (active >= 0 && active < n && usable(active)) return active;
  for (int i = n - 1; i >= 0; --i)
    if (usable(i)) return i;
  return -1;
}

int AddStrokeLayer(Score& score, const std::string& name) {
  Layer layer;
  layer.kind = Layer::Kind::kStrokes;
  layer.name = name;
  score.layers.push_back(std::move(layer));
  return static_cast<int>(score.layers.size()) - 1;
}

ImageHandle HitImage(const ViewTransform& view, const ImageLayer& image, float x, float y,
                     float edge_px) {
  const float x0 = view.BeatToX(image.start_beat);
  const float x1 = view.BeatToX(image.start_beat + image.length_beats);
  const float y_top = view.HeightToY(image.top);
  const float y_bottom = view.HeightToY(image.bottom);
  if (y < y_top || y > y_bottom) return ImageHandle::kNone;
  if (std::fabs(x - x1) <= edge_px) return ImageHandle::kRightEdge;
  if (x >= x0 && x <= x1) return ImageHandle::kBody;
  return ImageHandle::kNone;
}

}  // namespace graphony::editor
