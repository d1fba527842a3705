// Toolbar: no text needed; each icon has a tooltip and a status-bar hint. Wraps and
// collapses groups so it fits any window (the layout decides the sizes).
#include "view_toolbar.h"

#include <cmath>

#include "icons.h"
#include "imgui.h"
#include "layout_report.h"
#include "text/ui_text.h"

namespace graphony::editor {

namespace {

struct ToolInfo {
  Tool tool;
  const char* tooltip;
  const char* hint;
  const char* report;  // name in the layout report
};
constexpr ToolInfo kTools[kToolCount] = {
    {Tool::kBrush, N_("Brush (B)"), N_("Brush: paint freely. Slow is thick, fast is thin."),
     "tool.brush"},
    {Tool::kLine, N_("Straight line (L)"), N_("Line: drag from where it starts to where it ends."),
     "tool.line"},
    {Tool::kDot, N_("Dots (D)"), N_("Dots: click for one note, drag for a trail of dots."),
     "tool.dot"},
    {Tool::kEraser, N_("Eraser (E)"), N_("Eraser: rub over strokes to remove them."),
     "tool.eraser"},
    {Tool::kSelect, N_("Pick and move (S)"), N_("Pick: choose strokes or a picture and move them."),
     "tool.select"},
};

struct CommandInfo {
  AppCommand cmd;
  const char* tooltip;
  const char* hint;
  const char* report;
};
constexpr CommandInfo kFiles[] = {
    {AppCommand::kNew, N_("New score (Ctrl+N)"), N_("Start a new, empty score."), "file.new"},
    {AppCommand::kOpen, N_("Open (Ctrl+O)"), N_("Open a saved score."), "file.open"},
    {AppCommand::kSave, N_("Save (Ctrl+S)"), N_("Keep your work in a file."), "file.save"},
};
constexpr CommandInfo kViews[] = {
    {AppCommand::kZoomOut, N_("Zoom out (-)"), N_("See more of the score."), "view.zoom_out"},
    {AppCommand::kZoomIn, N_("Zoom in (+)"), N_("See the score bigger."), "view.zoom_in"},
    {AppCommand::kFit, N_("Show everything (0)"), N_("Fit the whole score in the window."),
     "view.fit"},
};

// Lays buttons out left to right, starting a new row before `right`.
struct Flow {
  float size, spacing, gap, right;
  bool first = true;
  bool next_gap = false;
  void Next() {
    if (first) {
      first = false;
      return;
    }
    const float step = next_gap ? gap : spacing;
    next_gap = false;
    ImGui::SameLine(0, step);
    if (ImGui::GetCursorPosX() + size > right + 0.5f) ImGui::NewLine();
  }
  void Gap() { next_gap = true; }
};

bool CommandButton(const CommandInfo& info, float size, bool enabled, const CanvasColors& colors,
                   UiState& ui) {
  const IconButtonResult r =
      IconButton(info.tooltip, size, false, _(info.tooltip), _(info.hint), colors, ui, enabled);
  ReportControl(ui, info.report);
  DrawCommandIcon(ImGui::GetWindowDrawList(), info.cmd, r.center, r.icon_size, r.color);
  if (r.pressed) ui.commands.Push(info.cmd);
  return r.pressed;
}

// One button standing for a group; its popup holds the group's buttons, big.
void GroupButton(const char* id, const char* tooltip, AppCommand face, const CommandInfo* items,
                 int count, float size, const CanvasColors& colors, UiState& ui) {
  const IconButtonResult r =
      IconButton(id, size, ImGui::IsPopupOpen(id), _(tooltip), _(tooltip), colors, ui);
  ReportControl(ui, id + 2);  // "##files" -> "files"
  DrawCommandIcon(ImGui::GetWindowDrawList(), face, r.center, r.icon_size, r.color);
  // A small "more" triangle in the corner says it opens.
  const float t = size * 0.12f;
  const ImVec2 c(r.center.x + size * 0.36f, r.center.y + size * 0.36f);
  ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(c.x - t, c.y - t * 0.5f),
                                                ImVec2(c.x + t, c.y - t * 0.5f),
                                                ImVec2(c.x, c.y + t * 0.5f), r.color);
  if (r.pressed) ImGui::OpenPopup(id);
  if (ImGui::BeginPopup(id)) {
    for (int i = 0; i < count; ++i) {
      if (i > 0) ImGui::SameLine();
      if (CommandButton(items[i], size, true, colors, ui)) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace

void DrawToolbar(const Document& doc, UiState& ui, const CanvasColors& colors,
                 const PanelLayout& layout) {
  const float size = layout.tool_size;
  Flow flow{size, layout.spacing, layout.group_gap, layout.tools_right};
  // [SECTION] Files
  if (layout.collapse_groups) {
    flow.Next();
    GroupButton("##files", N_("Files: new, open, save"), AppCommand::kOpen, kFiles, 3, size, colors,
                ui);
  } else {
    for (const CommandInfo& c : kFiles) {
      flow.Next();
      CommandButton(c, size, true, colors, ui);
    }
  }
  flow.Gap();
  // [SECTION] Undo
  flow.Next();
  CommandButton(
      {AppCommand::kUndo, N_("Undo (Ctrl+Z)"), N_("Take back the last change."), "edit.undo"}, size,
      doc.CanUndo(), colors, ui);
  flow.Next();
  CommandButton({AppCommand::kRedo, N_("Redo (Ctrl+Y)"), N_("Bring the change back."), "edit.redo"},
                size, doc.CanRedo(), colors, ui);
  flow.Gap();
  // [SECTION] Drawing tools
  for (const ToolInfo& t : kTools) {
    flow.Next();
    const IconButtonResult r =
        IconButton(t.tooltip, size, ui.tool == t.tool, _(t.tooltip), _(t.hint), colors, ui);
    ReportControl(ui, t.report);
    DrawToolIcon(ImGui::GetWindowDrawList(), t.tool, r.center, r.icon_size, r.color);
    if (r.pressed) ui.tool = t.tool;
  }
  flow.Gap();
  // [SECTION] Pictures
  flow.Next();
  CommandButton({AppCommand::kImportImage, N_("Add a picture (Ctrl+I)"),
                 N_("Put a photo or painting on the timeline."), "picture.add"},
                size, true, colors, ui);
  flow.Gap();
  // [SECTION] View
  if (layout.collapse_groups) {
    flow.Next();
    GroupButton("##view", N_("View: zoom out, zoom in, show everything"), AppCommand::kFit, kViews,
                3, size, colors, ui);
  } else {
    for (const CommandInfo& c : kViews) {
      flow.Next();
      CommandButton(c, size, true, colors, ui);
    }
  }
  flow.Gap();
  // [SECTION] Hand over
  flow.Next();
  CommandButton({AppCommand::kToggleParticipant, N_("Participant view (F9)"),
                 N_("Hand over: a big canvas, the colours and play. F9 or holding the corner "
                    "button comes back."),
                 "participant"},
                size, true, colors, ui);
  // The transport (EditorAudio::DrawToolbar) sits right of layout.tools_right.
}

}  // namespace graphony::editor
