// Dark, light and high-contrast themes: ImGui style colours plus the canvas's own colours.
#pragma once

#include "imgui.h"

namespace graphony::editor {

// The smallest control a participant touches, in pixels at every UI size: a fingertip
// (issue 17; tests/editor/layout_check.py checks every named control against it).
inline constexpr float kMinTouchTarget = 48.f;

enum class ThemeKind { kDark = 0, kLight = 1, kHighContrast = 2 };

// Colours the canvas, ruler and icons draw with (ImGui's style covers the widgets).
struct CanvasColors {
  ImU32 background, outside, band_a, band_b, band_root, guide_line, beat_line, bar_line, ruler_bg,
      ruler_text, ruler_tick, note_text, selection, handle, icon, icon_active, accent, warning;
  ImVec4 clear;
};

// Applies the theme and the UI scale to ImGui's style (from a fresh default each time so
// scaling never compounds) and returns the canvas colours.
CanvasColors ApplyTheme(ThemeKind kind, float ui_scale);

}  // namespace graphony::editor
