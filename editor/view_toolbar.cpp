// Toolbar: no text needed; each icon has a tooltip and a status-bar hint.
#include "view_toolbar.h"

#include <cmath>

#include "icons.h"
#include "imgui.h"

namespace graphony::editor {

namespace {

struct ToolInfo {
  Tool tool;
  const char* tooltip;
  const char* hint;
};
constexpr ToolInfo kTools[kToolCount] = {
    {Tool::kBrush, "Brush (B)", "Brush: paint freely. Slow is thick, fast is thin."},
    {Tool::kLine, "Straight line (L)", "Line: drag from where it starts to where it ends."},
    {Tool::kDot, "Dots (D)", "Dots: click for one note, drag for a trail of dots."},
    {Tool::kEraser, "Eraser (E)", "Eraser: rub over strokes to remove them."},
    {Tool::kSelect, "Pick and move (S)", "Pick: choose strokes or a picture and move them."},
};

struct CommandInfo {
  AppCommand cmd;
  const char* tooltip;
  const char* hint;
};

bool CommandButton(const CommandInfo& info, float size, bool enabled, const CanvasColors& colors,
                   UiState& ui) {
  const IconButtonResult r =
      IconButton(info.tooltip, size, false, info.tooltip, info.hint, colors, ui, enabled);
  DrawCommandIcon(ImGui::GetWindowDrawList(), info.cmd, r.center, r.icon_size, r.color);
  if (r.pressed) ui.commands.Push(info.cmd);
  return r.pressed;
}

void Gap(float s) { ImGui::SameLine(0, 22 * s); }

}  // namespace

float ToolbarHeight(float ui_scale) {
  return std::round(60 * ui_scale) + 2 * std::round(8 * ui_scale);
}

void DrawToolbar(const Document& doc, UiState& ui, const CanvasColors& colors) {
  const float s = ui.settings.ui_scale;
  const float size = std::round(60 * s);
  const float spacing = 8 * s;
  // [SECTION] Files
  CommandButton({AppCommand::kNew, "New score (Ctrl+N)", "Start a new, empty score."}, size, true,
                colors, ui);
  ImGui::SameLine(0, spacing);
  CommandButton({AppCommand::kOpen, "Open (Ctrl+O)", "Open a saved score."}, size, true, colors,
                ui);
  ImGui::SameLine(0, spacing);
  CommandButton({AppCommand::kSave, "Save (Ctrl+S)", "Keep your work in a file."}, size, true,
                colors, ui);
  Gap(s);
  // [SECTION] Undo
  CommandButton({AppCommand::kUndo, "Undo (Ctrl+Z)", "Take back the last change."}, size,
                doc.CanUndo(), colors, ui);
  ImGui::SameLine(0, spacing);
  CommandButton({AppCommand::kRedo, "Redo (Ctrl+Y)", "Bring the change back."}, size, doc.CanRedo(),
                colors, ui);
  Gap(s);
  // [SECTION] Drawing tools
  for (const ToolInfo& t : kTools) {
    const IconButtonResult r =
        IconButton(t.tooltip, size, ui.tool == t.tool, t.tooltip, t.hint, colors, ui);
    DrawToolIcon(ImGui::GetWindowDrawList(), t.tool, r.center, r.icon_size, r.color);
    if (r.pressed) ui.tool = t.tool;
    ImGui::SameLine(0, spacing);
  }
  Gap(s * 0.2f);
  // [SECTION] Pictures
  CommandButton({AppCommand::kImportImage, "Add a picture (Ctrl+I)",
                 "Put a photo or painting on the timeline."},
                size, true, colors, ui);
  Gap(s);
  // [SECTION] View
  CommandButton({AppCommand::kZoomOut, "Zoom out (-)", "See more of the score."}, size, true,
                colors, ui);
  ImGui::SameLine(0, spacing);
  CommandButton({AppCommand::kZoomIn, "Zoom in (+)", "See the score bigger."}, size, true, colors,
                ui);
  ImGui::SameLine(0, spacing);
  CommandButton({AppCommand::kFit, "Show everything (0)", "Fit the whole score in the window."},
                size, true, colors, ui);
  // [SECTION] Transport (Editor II): play/stop, record and the performance view go here,
  // after a Gap(s); the toolbar window is wide enough to take them.
}

}  // namespace graphony::editor
