// The time ruler above the canvas: bars and beats on top, minutes:seconds below.
#pragma once

#include "core/score.h"
#include "imgui.h"
#include "logic/view_transform.h"
#include "theme.h"

namespace graphony::editor {

// Draws the ruler into [p0, p1] using the canvas's horizontal mapping. Allocation-free.
void DrawTimeline(ImDrawList* dl, ImVec2 p0, ImVec2 p1, const ViewTransform& view,
                  const Score& score, const CanvasColors& colors, float ui_scale);

// Beat lines drawn across the canvas (bars stronger), matching the ruler's density.
void DrawBeatGrid(ImDrawList* dl, const ViewTransform& view, const Score& score,
                  const CanvasColors& colors, float ui_scale);

}  // namespace graphony::editor
