// Where the editor's panels go for a window size and UI scale: toolbar rows and button sizes,
// side panel widths (shrunk or folded), the canvas. Pure arithmetic, tested without a window.
#pragma once

namespace graphony::editor {

struct PanelLayoutInput {
  float width = 1280, height = 720;  // window, pixels
  float ui_scale = 1.25f;
  float menu_h = 0, status_h = 0;  // measured from the font
  bool participant = false;
};

struct PanelLayout {
  // [SECTION] Toolbar
  float toolbar_y = 0, toolbar_h = 0;
  float pad_x = 0, pad_y = 0;  // toolbar window padding
  float tool_size = 0;         // square tool and command buttons
  float transport_size = 0;    // play, stop, record, performance: never smaller than the tools
  float spacing = 0, group_gap = 0;
  bool collapse_groups = false;  // files and view collapse into one button each
  int toolbar_rows = 1;
  float tools_right = 0;  // tools wrap before this x; the transport sits right of it
  // [SECTION] Body
  float body_y = 0, body_h = 0;
  float left_w = 0;           // palette panel
  float right_w = 0;          // side panel as docked (or the folded strip's width)
  bool right_folded = false;  // side panel shows as a strip; opens over the canvas
  float right_open_w = 0;     // the side panel's width when opened over the canvas
  float canvas_x = 0, canvas_w = 0;
};

// Buttons in the toolbar's groups, in order: files 3, undo 2, tools 5, picture 1, view 3,
// participant view 1.
constexpr int kToolbarButtons = 15;
constexpr int kToolbarButtonsCollapsed = 11;  // files and view as one button each
constexpr int kToolbarGroups = 6;

PanelLayout ComputePanelLayout(const PanelLayoutInput& in);

// The width a toolbar row of `buttons` square buttons of `size` needs, with `gaps` gaps
// between groups.
float ToolbarRowWidth(int buttons, int gaps, float size, float spacing, float gap);

}  // namespace graphony::editor
