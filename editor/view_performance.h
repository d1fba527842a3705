// Performance view: the picture alone, as big as the screen allows, for a projector or TV.
// Either the picture scrolls past a fixed playhead or the playhead sweeps a fixed picture;
// a big count-in; no panels. Esc (or F11) returns to the editor.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>

#include "app_state.h"
#include "image_textures.h"
#include "imgui_sfml_bridge.h"
#include "logic/canvas_events.h"
#include "logic/document.h"
#include "logic/view_transform.h"
#include "theme.h"
#include "view_canvas.h"

namespace graphony::editor {

// Thread rules: [UI] only.
class PerformanceView {
 public:
  // Grows the window to the whole screen (keeps the OpenGL context, so textures survive).
  void Enter(sf::RenderWindow& window);
  void Exit(sf::RenderWindow& window);
  bool Active() const { return active_; }

  // Draws the full-window view. `mode` 0 = scroll past a fixed playhead, 1 = sweep. The
  // playhead, a count-in (shown huge) and recording come from ui.transport.
  void Draw(Document& doc, UiState& ui, const CanvasColors& colors, ImageTextures& textures,
            const ImGuiSfmlBridge& bridge, int mode);

 private:
  bool active_ = false;
  sf::Vector2u saved_size_;
  sf::Vector2i saved_position_;
  ViewTransform view_;
  CanvasView canvas_;
  CanvasEvents no_events_;  // the performance view never paints
  int last_mode_ = -1;
  double fitted_px_per_beat_ = 40;
  float fitted_width_ = 0, fitted_height_ = 0;  // canvas size the fit was made for
};

}  // namespace graphony::editor
