// Zoom, pan and fit for the canvas view transform.
#include "logic/view_transform.h"

#include <algorithm>
#include <cmath>

namespace graphony::editor {

namespace {
constexpr double kFitMargin = 0.04;  // share of the canvas left empty around a fitted score
}

void ViewTransform::ZoomAround(float x, float y, double factor) {
  const double beat = XToBeat(x);
  const double h = YToHeight(y);
  const double new_ppb = std::clamp(px_per_beat * factor, kMinPxPerBeat, kMaxPxPerBeat);
  // Vertical zoom follows the horizontal one so pictures keep their shape.
  const double applied = new_ppb / px_per_beat;
  px_per_beat = new_ppb;
  px_per_height = std::clamp(px_per_height * applied, 50.0, 200000.0);
  first_beat = beat - (x - left) / px_per_beat;
  bottom_height = h - (top + height - y) / px_per_height;
}

void ViewTransform::PanPixels(float dx, float dy) {
  first_beat -= dx / px_per_beat;
  bottom_height += dy / px_per_height;
}

double ViewTransform::FittedPxPerBeat(double length_beats, double beats_per_height) const {
  const double beats = std::max(1.0, length_beats);
  const double usable_w = std::max(10.0, width * (1.0 - 2 * kFitMargin));
  const double usable_h = std::max(10.0, height * (1.0 - 2 * kFitMargin));
  double ppb = usable_w / beats;
  // Keeping the shape: the height (beats_per_height beats wide) must fit too.
  if (beats_per_height > 0) ppb = std::min(ppb, usable_h / beats_per_height);
  return std::clamp(ppb, kMinPxPerBeat, kMaxPxPerBeat);
}

void ViewTransform::Fit(double length_beats, double beats_per_height) {
  const double beats = std::max(1.0, length_beats);
  px_per_beat = FittedPxPerBeat(length_beats, beats_per_height);
  if (beats_per_height > 0) {
    px_per_height = px_per_beat * beats_per_height;
    first_beat = -(width - beats * px_per_beat) * 0.5 / px_per_beat;
    bottom_height = -(height - px_per_height) * 0.5 / px_per_height;
    return;
  }
  px_per_height = std::max(10.0, height * (1.0 - 2 * kFitMargin));
  first_beat = -(width * kFitMargin) / px_per_beat;
  bottom_height = -(height * kFitMargin) / px_per_height;
}

void ViewTransform::Clamp(double length_beats) {
  // Allow half a screen of slack on every side; never lose the score entirely.
  const double visible_beats = width / px_per_beat;
  const double visible_h = height / px_per_height;
  first_beat = std::clamp(first_beat, -visible_beats * 0.5,
                          std::max(-visible_beats * 0.5, length_beats - visible_beats * 0.5));
  bottom_height = std::clamp(bottom_height, -visible_h * 0.5,
                             std::max(-visible_h * 0.5, 1.0 - visible_h * 0.5));
}

double ViewTransform::ZoomPercent(double length_beats, double beats_per_height) const {
  return 100.0 * px_per_beat / FittedPxPerBeat(length_beats, beats_per_height);
}

}  // namespace graphony::editor
