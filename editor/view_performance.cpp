// Performance view: reuses the canvas drawing (disabled for input) with its own view transform.
#include "view_performance.h"

#include <SFML/Window/VideoMode.hpp>
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "core/picture_shape.h"
#include "imgui.h"
#include "text/ui_text.h"

namespace graphony::editor {

namespace {
constexpr float kScrollPlayheadShare = 0.3f;  // where the fixed playhead stands (share of width)
constexpr double kScrollZoom = 3.0;           // scroll mode shows a third of the score at a time
}  // namespace

void PerformanceView::Enter(sf::RenderWindow& window) {
  if (active_) return;
  active_ = true;
  saved_size_ = window.getSize();
  saved_position_ = window.getPosition();
  const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
  window.setPosition(sf::Vector2i(0, 0));
  window.setSize(sf::Vector2u(desktop.width, desktop.height));
  last_mode_ = -1;  // fit again on the first frame
}

void PerformanceView::Exit(sf::RenderWindow& window) {
  if (!active_) return;
  active_ = false;
  window.setSize(saved_size_);
  window.setPosition(saved_position_);
}

void PerformanceView::Draw(Document& doc, UiState& ui, const CanvasColors& colors,
                           ImageTextures& textures, const ImGuiSfmlBridge& bridge, int mode) {
  const double playhead_beat = std::max(0.0, ui.transport.playhead_beat);
  const int count_in = ui.transport.count_in_left;
  const bool recording = ui.transport.recording;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  const ImGuiWindowFlags flags =
      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus |
      ImGuiWindowFlags_NoBackground;  // the canvas covers the window: no layer under it
  if (ImGui::Begin("##performance", nullptr, flags)) {
    const double length = std::max(1.0, doc.score.length_beats);
    // Fit again whenever the canvas's size changes: the window grows to the screen a frame
    // or two after Enter, and a fit made for the old size would leave the screen half empty.
    if (mode != last_mode_ || view_.width < 60 || view_.width != fitted_width_ ||
        view_.height != fitted_height_) {
      // Pictures keep their shape: the sweep shows the whole score letterboxed; the scroll
      // fills the height and lets the width follow the picture's shape.
      const double per_height = BeatsPerHeight(doc.score);
      view_.Fit(length, mode == 0 ? 0 : per_height);
      fitted_width_ = view_.width;
      fitted_height_ = view_.height;
      fitted_px_per_beat_ = view_.px_per_beat;
      if (mode == 0)
        view_.px_per_beat =
            per_height > 0 ? view_.px_per_height / per_height : fitted_px_per_beat_ * kScrollZoom;
      last_mode_ = mode;
    }
    if (mode == 0) {
      view_.first_beat = playhead_beat - kScrollPlayheadShare * view_.width / view_.px_per_beat;
    }
    // The canvas draws guides, picture, strokes and (via ui.transport) the playhead;
    // disabled so a stray click on the projector laptop never paints.
    const double saved_first = view_.first_beat;
    const bool saved_fit = ui.want_fit;
    ui.want_fit = false;
    ImGui::PushStyleVar(ImGuiStyleVar_DisabledAlpha, 1.0f);
    ImGui::BeginDisabled();
    CanvasContext ctx{doc, ui, view_, colors, textures, no_events_, bridge};
    // Tiled: the picture and strokes are drawn once at this size, and a frame only places
    // the visible tiles (60 fps at 1600x1000 with a 4000x3000 picture on llvmpipe).
    canvas_.SetTiled(true);
    canvas_.Draw(ctx);
    ImGui::EndDisabled();
    ImGui::PopStyleVar();
    ui.want_fit = saved_fit;
    if (mode == 0) view_.first_beat = saved_first;  // the canvas clamps; scrolling may go past 0

    ImDrawList* fg = ImGui::GetForegroundDrawList();
    const float s = ui.settings.ui_scale;
    if (count_in > 0) {
      char text[16];
      std::snprintf(text, sizeof text, "%d", count_in);
      const float size = std::min(io.DisplaySize.y * 0.6f, 600.f);
      ImFont* font = ImGui::GetFont();
      const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, text);
      const ImVec2 c(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f);
      fg->AddCircleFilled(c, size * 0.55f, IM_COL32(20, 20, 30, 200), 64);
      fg->AddText(font, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f),
                  IM_COL32(255, 255, 255, 255), text);
    }
    if (recording) {
      fg->AddCircleFilled(ImVec2(io.DisplaySize.x - 40 * s, 40 * s), 16 * s,
                          IM_COL32(214, 48, 49, 255), 32);
    }
    fg->AddText(ImVec2(12 * s, io.DisplaySize.y - 28 * s), IM_COL32(150, 150, 150, 200),
                _("Esc: back to the editor    Space: play / pause"));
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace graphony::editor
