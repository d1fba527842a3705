// ComputePanelLayout: the transport first (it must always show, big), then the tools in the
// room left, then the side panels within half the width, the canvas gets the rest.
#include "logic/panel_layout.h"

#include <algorithm>
#include <cmath>

namespace graphony::editor {

namespace {
constexpr float kMinTarget = 44;          // smallest touch target, pixels (WCAG 2.5.5)
constexpr float kMaxToolbarShare = 0.3f;  // of the window height, whatever the rows
constexpr float kSideShare = 0.49f;       // both side panels together, of the window width
}  // namespace

float ToolbarRowWidth(int buttons, int gaps, float size, float spacing, float gap) {
  return buttons * size + (buttons - 1 - gaps) * spacing + gaps * gap;
}

PanelLayout ComputePanelLayout(const PanelLayoutInput& in) {
  PanelLayout l;
  const float s = in.ui_scale, w = in.width, h = in.height;
  l.pad_x = std::round(10 * s);
  l.pad_y = std::round(6 * s);
  l.spacing = std::round(8 * s);
  l.group_gap = std::round(18 * s);
  l.toolbar_y = in.participant ? 0 : in.menu_h;

  // [SECTION] Toolbar: the transport's size comes first: as asked by the UI size, but
  // within a share of the window height so a big UI on a small screen leaves room to paint.
  const float wanted = std::round((in.participant ? 96 : 60) * s);
  const float height_cap = std::round(h * (in.participant ? 0.16f : 0.105f));
  l.transport_size = std::max(kMinTarget, std::min(wanted, height_cap));
  const float transport_w = 4 * l.transport_size + 3 * l.spacing;
  l.tools_right = w - l.pad_x - transport_w - l.group_gap;
  const float room = l.tools_right - l.pad_x;
  // Tools: as big as the transport if they fit on one row, collapsed, or on two rows.
  float size = l.transport_size;
  l.toolbar_rows = 1;
  if (in.participant) {
    l.tool_size = 0;
  } else if (ToolbarRowWidth(kToolbarButtons, kToolbarGroups - 1, size, l.spacing, l.group_gap) <=
             room) {
    l.tool_size = size;
  } else if (ToolbarRowWidth(kToolbarButtonsCollapsed, kToolbarGroups - 1, size, l.spacing,
                             l.group_gap) <= room) {
    l.collapse_groups = true;
    l.tool_size = size;
  } else if (const float one_row =
                 std::floor((room - ToolbarRowWidth(kToolbarButtonsCollapsed, kToolbarGroups - 1, 0,
                                                    l.spacing, l.group_gap)) /
                            kToolbarButtonsCollapsed);
             one_row >= std::max(kMinTarget, 0.7f * size)) {
    // Slightly smaller tools keep one row (the transport stays the bigger).
    l.collapse_groups = true;
    l.tool_size = one_row;
  } else {
    l.collapse_groups = true;
    // Two rows of five or six: the tool size that fits, never above the transport's.
    const int per_row = (kToolbarButtonsCollapsed + 1) / 2 + 1;  // a gap costs about a button
    const float fit = std::floor((room - (per_row - 1) * l.spacing) / per_row);
    l.tool_size = std::max(kMinTarget, std::min(size, fit));
    l.toolbar_rows = 2;
  }
  const float rows_h = l.toolbar_rows * l.tool_size + (l.toolbar_rows - 1) * l.spacing;
  l.toolbar_h = std::min(std::max(rows_h, l.transport_size) + 2 * l.pad_y,
                         std::max(l.transport_size + 2 * l.pad_y, h * kMaxToolbarShare));

  // [SECTION] Body
  l.body_y = l.toolbar_y + l.toolbar_h;
  l.body_h = std::max(100.f, h - l.body_y - in.status_h);
  const float budget = std::floor(w * kSideShare);
  // The palette: two swatch columns when there is room, one at least (>= 44 px swatches).
  const float swatch = std::max(kMinTarget, std::round(64 * s));
  const float pad = std::round(10 * s);
  const float left_min = std::min(swatch, std::max(kMinTarget, budget * 0.25f)) + 2 * pad + 18;
  float left = std::round(250 * s);
  float right = in.participant ? 0 : std::round(330 * s);
  l.right_open_w = std::min(right, std::round(w * 0.6f));
  if (left + right > budget) left = std::max(left_min, std::min(left, std::round(budget * 0.42f)));
  if (left + right > budget) right = std::max(std::round(right * 0.85f), budget - left);
  if (!in.participant && left + right > budget) {
    // Too narrow for a docked side panel at this UI size: fold it to a strip of one button.
    l.right_folded = true;
    right = l.transport_size + 2 * pad;
    left = std::max(left_min, std::min(left, budget - right));
  }
  if (in.participant) left = std::min(std::round(w * 0.25f), std::max(left, left_min));
  l.left_w = left;
  l.right_w = right;
  l.canvas_x = left;
  l.canvas_w = std::max(50.f, w - left - right);
  return l;
}

}  // namespace graphony::editor
