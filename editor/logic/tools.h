// Drawing tools as plain functions on the score: brush, line, dot, eraser, select/move/delete.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/score.h"
#include "logic/view_transform.h"

namespace graphony::editor {

enum class Tool { kBrush, kLine, kDot, kEraser, kSelect };
inline constexpr int kToolCount = 5;

// Builds a brush stroke from pointer samples. Faster movement makes a thinner line, like
// a real brush; the "pressure" is kept per point (interpretation reads it as loudness).
class BrushBuilder {
 public:
  void Begin(const ViewTransform& view, float x, float y, double time_s, Color color, float width,
             const std::string& contributor);
  // Adds a sample; points closer than a couple of pixels to the last one are skipped.
  void Add(const ViewTransform& view, float x, float y, double time_s);
  bool Active() const { return active_; }
  const Stroke& Current() const { return stroke_; }
  // Ends the stroke and hands it over (the builder is empty afterwards).
  Stroke Finish();
  void Cancel() {
    active_ = false;
    stroke_.points.clear();
  }

  // Speed (pixels per second) -> pressure in [kMinPressure, 1].
  static float PressureFromSpeed(double px_per_s);
  static constexpr float kMinPressure = 0.35f;

 private:
  Stroke stroke_;
  bool active_ = false;
  float last_x_ = 0, last_y_ = 0;
  double last_t_ = 0;
  float smoothed_pressure_ = 1;
};

// A straight line between two canvas points (with a few points along it so notes
// mode hears the glide at the grid's resolution).
Stroke MakeLineStroke(const ViewTransform& view, float x0, float y0, float x1, float y1,
                      Color color, float width, const std::string& contributor);
// A single dab.
Stroke MakeDotStroke(const ViewTransform& view, float x, float y, Color color, float width,
                     const std::string& contributor);

// Pixel distance from (x, y) to the stroke's drawn line (0 inside its width).
float DistanceToStroke(const ViewTransform& view, const Stroke& stroke, float x, float y);
// Index of the top-most stroke within `tolerance_px` of (x, y), or -1.
int HitStroke(const ViewTransform& view, const StrokeLayer& layer, float x, float y,
              float tolerance_px);
// Indices of strokes with any point inside the pixel rectangle (corners in any order).
void StrokesInRect(const ViewTransform& view, const StrokeLayer& layer, float x0, float y0,
                   float x1, float y1, std::vector<int>& out);
// Removes strokes within `radius_px` of (x, y). Returns how many were removed.
int EraseNear(const ViewTransform& view, StrokeLayer& layer, float x, float y, float radius_px);
void MoveStrokes(StrokeLayer& layer, const std::vector<int>& indices, double d_beat,
                 double d_height);
// Deletes the given strokes (indices in any order, duplicates ignored).
void DeleteStrokes(StrokeLayer& layer, std::vector<int> indices);

// The stroke layer new strokes go into: `active` if it is an unlocked stroke layer,
// else the top-most unlocked, visible stroke layer; -1 if there is none.
int DrawingLayer(const Score& score, int active);
// Adds an empty stroke layer on top and returns its index.
int AddStrokeLayer(Score& score, const std::string& name);

// Which part of an image layer a point is on, for moving and resizing it.
enum class ImageHandle { kNone, kBody, kRightEdge };
ImageHandle HitImage(const ViewTransform& view, const ImageLayer& image, float x, float y,
                     float edge_px);

}  // namespace graphony::editor
