// Maps score coordinates (beats, heights 0..1) to canvas pixels and back; zoom and pan.
#pragma once

namespace graphony::editor {

// The only place that knows how beats and heights become pixels. Screen y grows
// downwards while heights grow upwards, so height 1 is at the top of the canvas.
struct ViewTransform {
  // Canvas rectangle in screen pixels (set each frame by the canvas view).
  float left = 0, top = 0, width = 800, height = 600;
  double first_beat = 0;       // beat at the left edge
  double px_per_beat = 40;     // horizontal zoom
  double bottom_height = 0;    // height value at the bottom edge
  double px_per_height = 600;  // vertical zoom (pixels for the whole 0..1 range)

  static constexpr double kMinPxPerBeat = 2;
  static constexpr double kMaxPxPerBeat = 2000;

  float BeatToX(double beat) const {
    return static_cast<float>(left + (beat - first_beat) * px_per_beat);
  }
  double XToBeat(float x) const { return first_beat + (x - left) / px_per_beat; }
  float HeightToY(double h) const {
    return static_cast<float>(top + height - (h - bottom_height) * px_per_height);
  }
  double YToHeight(float y) const { return bottom_height + (top + height - y) / px_per_height; }
  double LastBeat() const { return XToBeat(left + width); }
  double TopHeight() const { return YToHeight(top); }

  // Zooms both axes by `factor` keeping the score point under (x, y) fixed.
  void ZoomAround(float x, float y, double factor);
  // Moves the view by a pixel delta (content follows the pointer).
  void PanPixels(float dx, float dy);
  // Shows beats [0, length] and heights [0, 1] with a small margin. With `beats_per_height`
  // > 0 (a score with a picture, see BeatsPerHeight) the score keeps that shape, centred
  // with bars on two sides (letterboxed), so its pictures are never stretched; 0 fills the
  // canvas.
  void Fit(double length_beats, double beats_per_height = 0);
  // Keeps the view from drifting far away from the score.
  void Clamp(double length_beats);
  // Zoom relative to Fit(), for the status bar (1.0 = fitted).
  double ZoomPercent(double length_beats, double beats_per_height = 0) const;
  // The horizontal zoom Fit() would choose.
  double FittedPxPerBeat(double length_beats, double beats_per_height) const;
};

}  // namespace graphony::editor
