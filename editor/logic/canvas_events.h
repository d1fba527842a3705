// What the canvas did this frame, for listeners such as live audition (Editor II).
#pragma once

#include <cstddef>
#include <vector>

#include "core/score.h"

namespace graphony::editor {

// One stroke-drawing event in score coordinates. The list is cleared every frame and its
// capacity reserved once, so an idle frame allocates nothing.
struct CanvasEvent {
  enum class Kind { kStrokeBegin, kStrokePoint, kStrokeEnd, kStrokeCancel, kDot };
  Kind kind = Kind::kStrokePoint;
  double beat = 0;
  double height = 0;
  float pressure = 1;
  Color color;
  int palette_index = -1;  // the swatch in use (its instrument), -1 for none
  int layer = -1;
};

struct CanvasEvents {
  std::vector<CanvasEvent> events;
  CanvasEvents() { events.reserve(256); }
  void Clear() { events.clear(); }
  void Add(const CanvasEvent& e) {
    if (events.size() < events.capacity()) events.push_back(e);  // never grow per frame
  }
};

}  // namespace graphony::editor
