// Palette panel: instrument swatches, brush size, contributors (add one in two clicks).
#include "view_palette.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "edit_helpers.h"
#include "icons.h"
#include "imgui.h"
#include "layout_report.h"
#include "text/rtl_layout.h"
#include "text/ui_text.h"
#include "theme.h"
#include "value_slider.h"

namespace graphony::editor {

namespace {

// Light or dark icon ink, whichever reads better on the swatch colour.
ImU32 InkFor(Color c) {
  const int luma = (c.r * 299 + c.g * 587 + c.b * 114) / 1000;
  return luma > 150 ? IM_COL32(20, 20, 24, 255) : IM_COL32(255, 255, 255, 255);
}

}  // namespace

void DrawPaletteSwatches(Document& doc, UiState& ui, const CanvasColors& colors, float wanted,
                         float height_share) {
  const float s = ui.settings.ui_scale;
  const float gap = 8 * s;
  const int n = static_cast<int>(doc.score.palette.size());
  // As big as asked, but never wider than the panel, and small enough (down to kMinTouchTarget)
  // that every colour shows without scrolling.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float max_h = ImGui::GetContentRegionAvail().y * height_share;
  float size = std::max(kMinTouchTarget, std::min(std::round(wanted), std::floor(avail)));
  auto columns = [&](float sz) {
    return std::max(1, static_cast<int>((avail + gap) / (sz + gap)));
  };
  while (size > kMinTouchTarget) {
    const int rows = (n + columns(size) - 1) / columns(size);
    if (rows * size + (rows - 1) * gap <= max_h) break;
    size = std::max(kMinTouchTarget, size - 2);
  }
  const int per_row = columns(size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto& palette = doc.score.palette;
  bool any_hovered = false;
  for (int i = 0; i < static_cast<int>(palette.size()); ++i) {
    const PaletteEntry& e = palette[i];
    if (i % per_row != 0) ImGui::SameLine(0, 8 * s);
    ImGui::PushID(i);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("swatch", ImVec2(size, size))) {
      ui.palette_index = i;
      ui.tapped_swatch = i;  // heard at once: each colour is its instrument
      if (ui.tool == Tool::kEraser || ui.tool == Tool::kSelect) ui.tool = Tool::kBrush;
    }
    {
      char name[24];
      std::snprintf(name, sizeof name, "swatch.%d", i);
      MarkLastItem(ui, name);  // tests point at the colours
      ReportControl(ui, name);
    }
    const bool hovered = ImGui::IsItemHovered();
    const ImU32 fill = IM_COL32(e.color.r, e.color.g, e.color.b, 255);
    dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), fill, 10 * s);
    DrawInstrumentIcon(dl, e.instrument, ImVec2(p.x + size * 0.5f, p.y + size * 0.5f), size * 0.62f,
                       InkFor(e.color));
    if (i == ui.palette_index) {
      dl->AddRect(ImVec2(p.x - 3 * s, p.y - 3 * s), ImVec2(p.x + size + 3 * s, p.y + size + 3 * s),
                  colors.icon_active, 12 * s, 0, 3 * s);
    }
    // "No words": pointing at a colour plays its instrument once (the tooltip as a sound).
    any_hovered = any_hovered || hovered;
    if (hovered && ui.settings.no_words && ui.hovered_swatch != i) {
      ui.hovered_swatch = i;
      if (ui.tapped_swatch < 0) ui.tapped_swatch = i;
      ++ui.swatch_cues;
    }
    if (hovered) {
      // An instrument's own name is translated; a name people gave it stays as it is.
      ImGui::SetTooltip("%s", e.display_name.empty()
                                  ? _(InstrumentOrDefault(e.instrument).display_name.data())
                                  : _(e.display_name.c_str()));
      ui.hint = _("Pick a colour: each colour plays its own instrument.");
    }
    ImGui::PopID();
  }
  if (!any_hovered) ui.hovered_swatch = -1;
}

namespace {

// One instrument row in the menu: its icon, then its name (and "(soundfont)" for GM ones, so
// "Flute" the engine voice and "Flute" the soundfont are told apart).
bool InstrumentItem(const InstrumentTraits& t, bool current) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  std::string label = "      " + std::string(_(t.display_name.data()));
  if (t.kind == InstrumentKind::kGeneralMidi) label += std::string("  ") + _("(soundfont)");
  label += "###" + std::string(t.name);
  const bool picked = ImGui::MenuItem(label.c_str(), nullptr, current);
  DrawInstrumentIcon(ImGui::GetWindowDrawList(), t.icon, ImVec2(p.x + h * 0.6f, p.y + h * 0.5f),
                     h * 1.1f, ImGui::GetColorU32(ImGuiCol_Text));
  return picked;
}

// The selected swatch's instrument: a button opening a menu grouped by family (chamber
// instruments first in each family). Picking one is an undoable edit of the palette entry.
void DrawInstrumentChooser(Document& doc, UiState& ui) {
  auto& palette = doc.score.palette;
  if (ui.palette_index < 0 || ui.palette_index >= static_cast<int>(palette.size())) return;
  const PaletteEntry& e = palette[static_cast<size_t>(ui.palette_index)];
  const InstrumentTraits& now = InstrumentOrDefault(e.instrument);
  const bool sampled = now.kind == InstrumentKind::kSampler;
  // A recorded instrument is shown by its own name ("Maya's voice"), not "Sampler".
  char label[256];
  if (sampled && !e.display_name.empty())
    std::snprintf(label, sizeof label, "%s",
                  text::Printf(_("Instrument: %s (recorded)"), e.display_name.c_str()));
  else if (now.kind == InstrumentKind::kGeneralMidi)
    std::snprintf(
        label, sizeof label, "%s",
        text::Printf(_("Instrument: %s (soundfont)"), i18n::Translate(now.display_name.data())));
  else
    std::snprintf(label, sizeof label, "%s",
                  text::Printf(_("Instrument: %s"), i18n::Translate(now.display_name.data())));
  if (ImGui::Button(text::WithId(label, "###instrument"),
                    ImVec2(ImGui::GetContentRegionAvail().x, 0)))
    ImGui::OpenPopup("instrument_menu");
  if (ImGui::IsItemHovered()) ui.hint = _("Choose the instrument this colour plays.");
  if (!ImGui::BeginPopup("instrument_menu")) return;
  const InstrumentTraits* chosen = nullptr;
  for (InstrumentFamily family : AllFamilies()) {
    // The sampler is left out: it needs a recording, made from a take in the Takes panel.
    auto offered = [&](const InstrumentTraits& t) {
      return t.family == family && t.kind != InstrumentKind::kSampler;
    };
    bool any = false;
    for (const InstrumentTraits& t : AllInstruments()) any |= offered(t);
    if (!any ||
        !ImGui::BeginMenu(text::WithId(_(FamilyName(family).data()), FamilyName(family).data())))
      continue;
    // The engine's voices and the chamber set first, then every other GM program.
    for (int pass = 0; pass < 2; ++pass) {
      if (pass == 1) ImGui::Separator();
      for (const InstrumentTraits& t : AllInstruments()) {
        if (!offered(t)) continue;
        const bool first = t.kind != InstrumentKind::kGeneralMidi || IsChamberInstrument(t) ||
                           t.untuned_percussion;
        if (first != (pass == 0)) continue;
        if (InstrumentItem(t, &t == &now)) chosen = &t;
      }
    }
    ImGui::EndMenu();
  }
  ImGui::EndPopup();
  if (chosen && chosen != &now) {
    doc.BeginEdit();
    PaletteEntry& entry = palette[static_cast<size_t>(ui.palette_index)];
    // A name the user did not choose (the old instrument's own, or the recording's) follows
    // the instrument; leaving a recorded instrument leaves its sample (still in the bundle).
    if (entry.display_name.empty() || entry.display_name == now.display_name || sampled)
      entry.display_name = std::string(chosen->display_name);
    entry.instrument = std::string(chosen->name);
    entry.sample.clear();
    doc.EndEdit();
  }
}

void DrawContributors(Document& doc, UiState& ui, PaletteViewState& state,
                      const CanvasColors& colors) {
  const float s = ui.settings.ui_scale;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float row_h = std::round(40 * s);
  auto& people = doc.score.contributors;
  for (int i = 0; i < static_cast<int>(people.size()); ++i) {
    const Contributor& c = people[i];
    ImGui::PushID(i);
    const bool current = c.id == ui.contributor_id;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##person", current, 0, ImVec2(0, row_h)))
      ui.contributor_id = current ? std::string() : c.id;
    {  // tests choose who draws; ".on" also marks the one drawing now. A full-width
       // Selectable reaches past the clip rectangle, so its row is marked as drawn.
      const ImVec2 a = ImGui::GetItemRectMin();
      const float w = std::min(ImGui::GetItemRectMax().x, dl->GetClipRectMax().x) - a.x;
      char name[32];
      std::snprintf(name, sizeof name, "palette.person.%d", i);
      ui.rects.Mark(name, a.x, a.y, w, row_h);
      std::snprintf(name, sizeof name, "palette.person.%d.on", i);
      if (current) ui.rects.Mark(name, a.x, a.y, w, row_h);
    }
    if (ImGui::IsItemHovered()) ui.hint = _("Who is drawing now? Their strokes remember them.");
    DrawGlyph(dl, Glyph::kPerson, ImVec2(p.x + row_h * 0.5f, p.y + row_h * 0.5f), row_h * 0.7f,
              current ? colors.icon_active : colors.icon);
    const char* label = c.name.empty() ? c.id.c_str() : c.name.c_str();
    dl->AddText(ImVec2(p.x + row_h + 4 * s, p.y + (row_h - ImGui::GetFontSize()) * 0.5f),
                ImGui::GetColorU32(ImGuiCol_Text), label);
    ImGui::PopID();
  }
  // Two clicks: "+" then "Add" (or Enter) — the name may stay empty ("Person 3").
  const IconButtonResult add =
      IconButton("##addperson", std::round(40 * s), state.adding, _("Add a person"),
                 _("Add someone to the group."), colors, ui);
  DrawGlyph(dl, Glyph::kPerson, ImVec2(add.center.x - add.icon_size * 0.12f, add.center.y),
            add.icon_size * 0.8f, add.color);
  DrawGlyph(dl, Glyph::kPlus,
            ImVec2(add.center.x + add.icon_size * 0.32f, add.center.y - add.icon_size * 0.3f),
            add.icon_size * 0.45f, add.color);
  if (add.pressed) {
    state.adding = !state.adding;
    state.focus_name = state.adding;
    state.new_name[0] = '\0';
  }
  if (!state.adding) return;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 70 * s);
  if (state.focus_name) {
    ImGui::SetKeyboardFocusHere();
    state.focus_name = false;
  }
  bool commit = text::InputText("##name", state.new_name, sizeof state.new_name,
                                ImGuiInputTextFlags_EnterReturnsTrue, _("name"));
  ImGui::SameLine();
  const IconButtonResult ok =
      IconButton("##addok", std::round(40 * s), false, _("Add"), nullptr, colors, ui);
  DrawGlyph(dl, Glyph::kCheck, ok.center, ok.icon_size, ok.color);
  commit = commit || ok.pressed;
  if (!commit) return;
  // A fresh id that no stroke uses yet.
  int n = static_cast<int>(people.size()) + 1;
  auto taken = [&](const std::string& id) {
    return std::any_of(people.begin(), people.end(),
                       [&](const Contributor& c) { return c.id == id; });
  };
  // Built with += rather than "c" + ...: GCC 12 warns falsely (-Wrestrict) on the latter.
  auto id_for = [](int k) {
    std::string id = "c";
    id += std::to_string(k);
    return id;
  };
  while (taken(id_for(n))) ++n;
  Contributor person;
  person.id = id_for(n);
  char fallback[64];
  std::snprintf(fallback, sizeof fallback, i18n::Translate(N_("Person %d")), n);
  person.name = state.new_name[0] ? std::string(state.new_name) : std::string(fallback);
  doc.BeginEdit();
  people.push_back(person);
  doc.EndEdit();
  ui.contributor_id = person.id;
  state.adding = false;
}

// Names, initials, credit and consent live in the People panel. Its button stays at the
// panel's foot whatever scrolls above it: at the biggest UI sizes on a small screen the
// panel's contents are taller than the window, and crediting people must never be hidden.
void DrawPeopleButton(UiState& ui, const CanvasColors& colors) {
  const float s = ui.settings.ui_scale;
  const float h = std::max(kMinTouchTarget, std::round(44 * s));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const char* label = _("People");
  if (ImGui::Button("##people", ImVec2(ImGui::GetContentRegionAvail().x, h)))
    ui.commands.Push(AppCommand::kShowPeople);
  MarkLastItem(ui, "people.open");
  ReportControl(ui, "people.open");
  ReportText(ui, label);
  if (ImGui::IsItemHovered()) ui.hint = _("Names, credit and consent of the people in the group.");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  DrawGlyph(dl, Glyph::kPerson, ImVec2(p.x + h * 0.5f, p.y + h * 0.5f), h * 0.6f, colors.icon);
  dl->AddText(ImVec2(p.x + h * 0.95f, p.y + (h - ImGui::GetFontSize()) * 0.5f),
              ImGui::GetColorU32(ImGuiCol_Text), label);
}

void DrawPalettePanelBody(Document& doc, UiState& ui, PaletteViewState& state,
                          const CanvasColors& colors) {
  DrawPaletteSwatches(doc, ui, colors, std::round(64 * ui.settings.ui_scale), 0.55f);
  ImGui::Spacing();
  DrawInstrumentChooser(doc, ui);
  ImGui::Spacing();
  ImGui::Separator();
  // Brush size: a slider with a live dot showing the size.
  const float s = ui.settings.ui_scale;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float dot_box = std::round(44 * s);
  ImGui::Dummy(ImVec2(dot_box, dot_box));
  const float r = std::clamp(ui.brush_size * 400.f * s, 2.f, dot_box * 0.48f);
  Color paint{200, 200, 200, 255};
  if (ui.palette_index >= 0 && ui.palette_index < static_cast<int>(doc.score.palette.size()))
    paint = doc.score.palette[ui.palette_index].color;
  dl->AddCircleFilled(ImVec2(p.x + dot_box * 0.5f, p.y + dot_box * 0.5f), r,
                      IM_COL32(paint.r, paint.g, paint.b, 255));
  // Beside the dot when there is room for the slider and its value, else under it.
  const float slider_min = ImGui::CalcTextSize("12.0").x + ImGui::GetStyle().GrabMinSize +
                           3 * ImGui::GetStyle().FramePadding.x;
  const bool beside =
      ImGui::GetContentRegionAvail().x - dot_box - ImGui::GetStyle().ItemSpacing.x >= slider_min;
  if (beside) ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  float percent = ui.brush_size * 100.f;
  if (beside)
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (dot_box - ImGui::GetFrameHeight()) * 0.5f);
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", percent);
  if (ValueSliderFloat("##size", &percent, 0.5f, 12.f, text, ui)) ui.brush_size = percent / 100.f;
  if (ImGui::IsItemHovered()) {
    ui.hint = _("Brush size.");
    ImGui::SetTooltip("%s", _("Brush size"));
  }
  ImGui::Spacing();
  ImGui::Separator();
  DrawContributors(doc, ui, state, colors);
}

// The foot the People button needs below the scrolling part.
float PeopleButtonHeight(float ui_scale) {
  return std::max(kMinTouchTarget, std::round(44 * ui_scale)) + ImGui::GetStyle().ItemSpacing.y;
}

}  // namespace

void DrawPalettePanel(Document& doc, UiState& ui, PaletteViewState& state,
                      const CanvasColors& colors) {
  // Everything but the People button scrolls in its own region above it.
  ImGui::BeginChild("##palette_scroll", ImVec2(0, -PeopleButtonHeight(ui.settings.ui_scale)),
                    false);
  DrawPalettePanelBody(doc, ui, state, colors);
  ImGui::EndChild();
  DrawPeopleButton(ui, colors);
}

}  // namespace graphony::editor
