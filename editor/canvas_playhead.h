// The playhead and loop region drawn over the canvas and ruler (from ui.transport, the
// engine's published state), and ruler presses and drags that send kScrub / kSeek / kSetLoop.
#pragma once

#include "app_state.h"
#include "imgui.h"
#include "logic/view_transform.h"
#include "theme.h"

namespace graphony::editor {

// Over the ruler strip [ruler_top, view.top): a press or drag scrubs (kScrub each time the
// mouse moves, kScrubEnd when it is let go), Shift+click seeks and Shift+drag sets a loop
// (kSeek, kSetLoop). Must run inside the canvas's ImGui window.
// `press_x` is where the left button went down (the bridge's PressPos: a press and moves can
// share a frame on a slow machine, so ImGui's own click position may be late).
void HandleRulerInput(const ViewTransform& view, float ruler_top, float press_x, UiState& ui);

// Loop region and playhead (if ui.transport.playhead_beat >= 0), from the ruler to the canvas
// bottom.
void DrawPlayhead(ImDrawList* dl, const ViewTransform& view, float ruler_top, const UiState& ui,
                  const CanvasColors& colors);

}  // namespace graphony::editor
