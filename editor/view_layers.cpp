// Layers panel: rows top-most first, each with eye / lock / speaker toggles; the active one shows
// its settings.
#include "view_layers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "edit_helpers.h"
#include "icons.h"
#include "imgui.h"
#include "layout_report.h"
#include "text/ui_text.h"
#include "value_slider.h"

namespace graphony::editor {

namespace {

bool Toggle(const char* id, Glyph on, Glyph off, bool value, const char* tip, float size,
            const CanvasColors& colors, UiState& ui) {
  const IconButtonResult r = IconButton(id, size, false, tip, tip, colors, ui);
  DrawGlyph(ImGui::GetWindowDrawList(), value ? on : off, r.center, r.icon_size, r.color);
  return r.pressed;
}

void ToggleField(Document& doc, bool& field) {
  doc.BeginEdit();
  field = !field;
  doc.EndEdit();
}

void DrawActiveLayerSettings(Document& doc, UiState& ui, int li) {
  Layer& layer = doc.score.layers[li];
  if (layer.kind != Layer::Kind::kImage) {
    const int n = static_cast<int>(layer.strokes.strokes.size());
    ImGui::TextDisabled("%s", text::Printf(text::Plural("%d stroke", "%d strokes", n), n));
    return;
  }
  ImageLayer& img = layer.image;
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::SetNextItemWidth(w * 0.6f);
  float opacity = img.opacity * 100.f;
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", opacity);
  const bool op_changed = ValueSliderFloat("##strength", &opacity, 0.f, 100.f, text, ui);
  ImGui::SameLine();
  ImGui::TextUnformatted(_("Strength"));
  ReportText(ui, _("Strength"));
  CommitWidgetEdit(doc, op_changed, img.opacity, opacity / 100.f);
  if (ImGui::IsItemHovered()) ui.hint = _("How strongly the picture shows and sounds.");

  ImGui::SetNextItemWidth(w * 0.6f);
  double start = img.start_beat;
  const bool st_changed =
      ImGui::DragScalar(text::WithId(_("Start (beat)"), "###start"), ImGuiDataType_Double, &start,
                        0.05f, nullptr, nullptr, "%.2f");
  CommitWidgetEdit(doc, st_changed, img.start_beat, std::max(0.0, start));
  ImGui::SetNextItemWidth(w * 0.6f);
  double len = img.length_beats;
  const bool len_changed =
      ImGui::DragScalar(text::WithId(_("Length"), "###length"), ImGuiDataType_Double, &len, 0.05f,
                        nullptr, nullptr, "%.2f");
  CommitWidgetEdit(doc, len_changed, img.length_beats, std::max(0.25, len));
  if (ImGui::IsItemHovered()) ui.hint = _("Stretch the picture along the time line.");

  // Scan plays every row like a music box; notes finds shapes and plays them as notes.
  int mode = img.mode == ImageMode::kScan ? 0 : 1;
  const bool m0 = ImGui::RadioButton(text::WithId(_("Scan"), "###scan"), &mode, 0);
  if (ImGui::IsItemHovered())
    ui.hint = _("Scan: the picture is played like a music box, row by row.");
  ImGui::SameLine();
  const bool m1 = ImGui::RadioButton(text::WithId(_("Notes"), "###notes"), &mode, 1);
  if (ImGui::IsItemHovered()) ui.hint = _("Notes: shapes in the picture become notes.");
  CommitWidgetEdit(doc, m0 || m1, img.mode, mode == 0 ? ImageMode::kScan : ImageMode::kNotes);
  if (img.pixels)
    ImGui::TextDisabled("%s",
                        text::Printf(_("%d x %d pixels"), img.pixels->width, img.pixels->height));
  else
    ImGui::TextDisabled("%s", _("picture missing"));
}

}  // namespace

void DrawLayersPanel(Document& doc, UiState& ui, const CanvasColors& colors) {
  const float s = ui.settings.ui_scale;
  const float icon = std::round(34 * s);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  auto& layers = doc.score.layers;
  if (layers.empty()) ImGui::TextDisabled("%s", _("Paint, or add a picture."));
  for (int li = static_cast<int>(layers.size()) - 1; li >= 0; --li) {
    Layer& layer = layers[li];
    ImGui::PushID(li);
    const char* name = layer.name.empty()
                           ? (layer.kind == Layer::Kind::kImage ? _("Picture") : _("Drawing"))
                           : layer.name.c_str();
    auto toggles = [&] {
      if (Toggle("##vis", Glyph::kEye, Glyph::kEyeClosed, layer.visible, _("Show / hide"), icon,
                 colors, ui))
        ToggleField(doc, layer.visible);
      ImGui::SameLine(0, 4 * s);
      if (Toggle("##lock", Glyph::kLock, Glyph::kUnlock, layer.locked, _("Lock / unlock"), icon,
                 colors, ui))
        ToggleField(doc, layer.locked);
      ImGui::SameLine(0, 4 * s);
      if (Toggle("##mute", Glyph::kSpeakerMuted, Glyph::kSpeaker, layer.muted, _("Silence / play"),
                 icon, colors, ui))
        ToggleField(doc, layer.muted);
    };
    // The toggles left of the name when it fits there, else under it (narrow panel, big UI).
    const float toggles_w = 3 * icon + 14 * s;
    const float name_w = icon + 4 * s + ImGui::CalcTextSize(name).x + 4 * s;
    const bool stacked = toggles_w + name_w > ImGui::GetContentRegionAvail().x;
    if (!stacked) {
      toggles();
      ImGui::SameLine(0, 6 * s);
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool active = ui.active_layer == li;
    if (ImGui::Selectable("##row", active, 0, ImVec2(0, icon))) ui.active_layer = li;
    if (ImGui::IsItemHovered()) ui.hint = _("Choose the layer to work on.");
    DrawGlyph(dl, layer.kind == Layer::Kind::kImage ? Glyph::kPicture : Glyph::kScoreFile,
              ImVec2(p.x + icon * 0.5f, p.y + icon * 0.5f), icon * 0.7f, colors.icon);
    // The name stays inside its row (a long one is cut there, and reported).
    const ImVec2 row_max = ImGui::GetItemRectMax();
    dl->PushClipRect(p, row_max, true);
    dl->AddText(ImVec2(p.x + icon + 4 * s, p.y + (icon - ImGui::GetFontSize()) * 0.5f),
                ImGui::GetColorU32(layer.visible ? ImGuiCol_Text : ImGuiCol_TextDisabled), name);
    dl->PopClipRect();
    if (ui.layout && p.x + icon + 4 * s + ImGui::CalcTextSize(name).x > row_max.x)
      ui.layout->Clipped(name);
    if (stacked) {
      ImGui::Indent(icon);
      toggles();
      ImGui::Unindent(icon);
    }
    if (active) {
      ImGui::Indent(icon);
      DrawActiveLayerSettings(doc, ui, li);
      ImGui::Unindent(icon);
    }
    ImGui::PopID();
  }
  ImGui::Spacing();
  // Layer actions.
  const float b = std::round(44 * s);
  IconButtonResult r = IconButton("##newlayer", b, false, _("New drawing layer"),
                                  _("Add an empty layer to draw on."), colors, ui);
  DrawCommandIcon(dl, AppCommand::kAddDrawingLayer, r.center, r.icon_size, r.color);
  if (r.pressed) ui.commands.Push(AppCommand::kAddDrawingLayer);
  ImGui::SameLine(0, 6 * s);
  r = IconButton("##addpic", b, false, _("Add a picture"),
                 _("Put a photo or painting on the timeline."), colors, ui);
  DrawCommandIcon(dl, AppCommand::kImportImage, r.center, r.icon_size, r.color);
  if (r.pressed) ui.commands.Push(AppCommand::kImportImage);
  const int a = ui.active_layer;
  const bool valid = a >= 0 && a < static_cast<int>(layers.size());
  ImGui::SameLine(0, 6 * s);
  r = IconButton("##up", b, false, _("Move layer up"), _("Move the layer in front."), colors, ui,
                 valid && a + 1 < static_cast<int>(layers.size()));
  DrawGlyph(dl, Glyph::kUp, r.center, r.icon_size, r.color);
  if (r.pressed) {
    doc.BeginEdit();
    std::swap(layers[a], layers[a + 1]);
    doc.EndEdit();
    ui.active_layer = a + 1;
    ui.selection.clear();
  }
  ImGui::SameLine(0, 6 * s);
  r = IconButton("##down", b, false, _("Move layer down"), _("Move the layer behind."), colors, ui,
                 valid && a > 0);
  DrawGlyph(dl, Glyph::kUp, r.center, -r.icon_size, r.color);  // negative size flips the arrow
  if (r.pressed) {
    doc.BeginEdit();
    std::swap(layers[a], layers[a - 1]);
    doc.EndEdit();
    ui.active_layer = a - 1;
    ui.selection.clear();
  }
  ImGui::SameLine(0, 6 * s);
  r = IconButton("##dellayer", b, false, _("Remove layer"),
                 _("Remove the chosen layer (Undo brings it back)."), colors, ui, valid);
  DrawGlyph(dl, Glyph::kTrash, r.center, r.icon_size, r.color);
  if (r.pressed) {
    doc.BeginEdit();
    layers.erase(layers.begin() + a);
    doc.EndEdit();
    ui.active_layer = std::min(a, static_cast<int>(layers.size()) - 1);
    ui.selection.clear();
    ui.selection_layer = -1;
  }
}

}  // namespace graphony::editor
