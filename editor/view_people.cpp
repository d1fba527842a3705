// People panel: add, rename and remove people; initials, "credit me by name", consent by
// purpose and keep-until. Every change is a PeopleCommand (one undo step each).
#include "view_people.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/people.h"
#include "imgui.h"
#include "logic/people_commands.h"
#include "notation/credits.h"

namespace graphony::editor {

namespace {

// Records the last widget's rectangle under `name` for tests (ControlRects), only when it
// is wholly visible: a control scrolled out of view cannot be clicked.
void Mark(UiState& ui, const char* name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
  if (a.x < lo.x - 1 || a.y < lo.y - 1 || b.x > hi.x + 1 || b.y > hi.y + 1) return;
  ui.rects.Mark(name, a.x, a.y, b.x - a.x, b.y - a.y);
}

PeopleResult Send(Document& doc, PeopleViewState& state, const PeopleCommand& command) {
  PeopleResult r = ApplyPeopleCommand(doc, command);
  if (!r.ok || !r.message.empty()) {
    state.message = r.message;
    state.message_is_error = !r.ok;
  }
  return r;
}

// Copies the open person's fields into the text buffers when the person or the score changed
// (an undo, an import), but never under the person's fingers while they type.
void Sync(const Document& doc, PeopleViewState& state, const Contributor* person) {
  const std::string id = person ? person->id : std::string();
  if (state.synced_revision == doc.revision && state.synced_id == id) return;
  if (ImGui::IsAnyItemActive() && state.synced_id == id) return;
  std::snprintf(state.name, sizeof state.name, "%s", person ? person->name.c_str() : "");
  std::snprintf(state.initials, sizeof state.initials, "%s",
                person ? person->initials.c_str() : "");
  std::snprintf(state.keep_until, sizeof state.keep_until, "%s",
                person ? person->consent.keep_until.c_str() : "");
  if (state.synced_id != id) state.confirm_remove = false;
  state.synced_revision = doc.revision;
  state.synced_id = id;
}

float BigSize(float s) { return std::round(44 * s); }

// A checkbox whose box and label are as tall as the tools (44 px at the normal size).
bool BigCheckbox(const char* label, bool* value, float s) {
  const float pad = std::max(4 * s, (BigSize(s) - ImGui::GetFontSize()) * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(pad, pad));
  const bool changed = ImGui::Checkbox(label, value);
  ImGui::PopStyleVar();
  return changed;
}

// A text field as tall as the tools; true when an edit was finished (Enter or leaving it).
bool BigField(const char* id, const char* hint, char* buf, size_t size, float s, float width = -1) {
  const float pad_y = std::max(4 * s, (BigSize(s) - ImGui::GetFontSize()) * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8 * s, pad_y));
  ImGui::SetNextItemWidth(width);
  ImGui::InputTextWithHint(id, hint, buf, size);
  ImGui::PopStyleVar();
  return ImGui::IsItemDeactivatedAfterEdit();
}

void DrawList(Document& doc, UiState& ui, PeopleViewState& state) {
  const float s = ui.settings.ui_scale;
  const auto& people = doc.score.contributors;
  if (people.empty()) ImGui::TextWrapped("Nobody yet. Add the people of the group below.");
  char row_name[32];
  for (size_t i = 0; i < people.size(); ++i) {
    const Contributor& c = people[i];
    ImGui::PushID(c.id.c_str());
    std::string label = DisplayName(c);
    if (!c.initials.empty()) label += "  (" + c.initials + ")";
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    const bool picked =
        ImGui::Selectable(label.c_str(), c.id == state.selected_id, 0, ImVec2(0, BigSize(s)));
    ImGui::PopStyleVar();
    if (picked) state.selected_id = c.id;
    std::snprintf(row_name, sizeof row_name, "people.row.%zu", i);
    Mark(ui, row_name);
    ImGui::PopID();
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted("Add someone:");
  // Enter in the field adds, like the button.
  const bool typed = BigField("##new", "their name", state.new_name, sizeof state.new_name, s) &&
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
  Mark(ui, "people.add_name");
  const bool clicked = ImGui::Button("Add to the group", ImVec2(-1, BigSize(s)));
  Mark(ui, "people.add");
  if ((typed || clicked) && state.new_name[0]) {
    PeopleCommand add;
    add.kind = PeopleCommand::Kind::kAdd;
    add.text = state.new_name;
    const PeopleResult r = Send(doc, state, add);
    if (r.ok) {
      state.selected_id = r.id;
      state.new_name[0] = '\0';
      if (ui.contributor_id.empty()) ui.contributor_id = r.id;  // ready to draw as them
    }
  }
}

void DrawDetails(Document& doc, UiState& ui, PeopleViewState& state, const Contributor& person,
                 const CanvasColors& colors) {
  const float s = ui.settings.ui_scale;
  using Kind = PeopleCommand::Kind;
  PeopleCommand c;
  c.id = person.id;
  // Name and initials side by side: the panel must fit a 768-line laptop screen.
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float name_w = std::round((ImGui::GetContentRegionAvail().x - gap) * 0.64f);
  ImGui::TextUnformatted("Name");
  ImGui::SameLine(name_w + gap + ImGui::GetStyle().WindowPadding.x);
  ImGui::TextUnformatted("Initials");
  if (BigField("##name", "name", state.name, sizeof state.name, s, name_w) &&
      person.name != state.name) {
    c.kind = Kind::kRename;
    c.text = state.name;
    if (!Send(doc, state, c).ok)
      std::snprintf(state.name, sizeof state.name, "%s", person.name.c_str());
  }
  Mark(ui, "people.name");
  ImGui::SameLine();
  if (BigField("##initials", "e.g. A.L.", state.initials, sizeof state.initials, s, -1) &&
      person.initials != state.initials) {
    c.kind = Kind::kSetInitials;
    c.text = state.initials;
    Send(doc, state, c);
  }
  Mark(ui, "people.initials");
  ImGui::Spacing();
  bool credit = person.consent.credit_by_name;
  if (BigCheckbox("Credit me by name", &credit, s)) {
    c.kind = Kind::kSetCreditByName;
    c.yes = credit;
    Send(doc, state, c);
  }
  Mark(ui, "people.credit");
  // Say what a print will show, so the rule is never a surprise.
  const std::string printed = notation::CreditName(person);
  ImGui::PushTextWrapPos(0);
  if (person.consent.credit_by_name && !person.consent.exhibition)
    ImGui::TextDisabled(
        "Printed as %s: a print names someone only when they also agree to "
        "exhibition or concert.",
        printed.c_str());
  else
    ImGui::TextDisabled("Printed as %s.", printed.c_str());
  ImGui::PopTextWrapPos();

  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextUnformatted("Their recordings may be used for:");
  char mark_name[40];
  // Two ticks a row when the longest label fits half the width, else one a row.
  const float column = std::round((ImGui::GetContentRegionAvail().x + gap) * 0.5f);
  float widest = 0;
  for (Purpose p : kPurposes) widest = std::max(widest, ImGui::CalcTextSize(PurposeLabel(p)).x);
  const bool two_columns = widest + BigSize(s) + 3 * gap < column;
  int n = 0;
  for (Purpose p : kPurposes) {
    bool yes = Agrees(person.consent, p);
    if (two_columns && n++ % 2 == 1) ImGui::SameLine(column);
    ImGui::PushID(PurposeName(p));
    if (BigCheckbox(PurposeLabel(p), &yes, s)) {
      c.kind = Kind::kSetConsent;
      c.purpose = p;
      c.yes = yes;
      Send(doc, state, c);
    }
    std::snprintf(mark_name, sizeof mark_name, "people.consent.%s", PurposeName(p));
    Mark(ui, mark_name);
    ImGui::PopID();
  }
  ImGui::TextUnformatted("Keep their recordings until (year-month-day)");
  if (BigField("##keep", "YYYY-MM-DD", state.keep_until, sizeof state.keep_until, s, name_w) &&
      person.consent.keep_until != state.keep_until) {
    c.kind = Kind::kSetKeepUntil;
    c.text = state.keep_until;
    if (!Send(doc, state, c).ok)
      std::snprintf(state.keep_until, sizeof state.keep_until, "%s",
                    person.consent.keep_until.c_str());
  }
  Mark(ui, "people.keep_until");

  ImGui::Spacing();
  ImGui::Separator();
  // Removing asks once more: it also takes the person off their strokes and takes.
  if (!state.confirm_remove) {
    if (ImGui::Button("Remove from the group", ImVec2(-1, BigSize(s)))) state.confirm_remove = true;
    Mark(ui, "people.remove");
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Button, colors.warning);
  const std::string yes = "Yes, remove " + DisplayName(person);
  const float half = (ImGui::GetContentRegionAvail().x - 8 * s) * 0.5f;
  const bool remove = ImGui::Button(yes.c_str(), ImVec2(half, BigSize(s)));
  ImGui::PopStyleColor();
  Mark(ui, "people.remove_yes");
  ImGui::SameLine(0, 8 * s);
  if (ImGui::Button("Keep", ImVec2(-1, BigSize(s)))) state.confirm_remove = false;
  if (remove) {
    c.kind = Kind::kRemove;
    if (Send(doc, state, c).ok) {
      if (ui.contributor_id == person.id) ui.contributor_id.clear();
      state.selected_id.clear();
      state.confirm_remove = false;
    }
  }
}

}  // namespace

void DrawPeopleWindow(Document& doc, UiState& ui, PeopleViewState& state,
                      const CanvasColors& colors) {
  if (!state.open) return;
  const float s = ui.settings.ui_scale;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x * 0.94f, 860 * s),
                                  std::min(io.DisplaySize.y * 0.9f, 700 * s)),
                           ImGuiCond_Always);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowFocus();
  if (!ImGui::Begin("People: credit and consent###people", &state.open,
                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize |
                        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  const Contributor* person = nullptr;
  for (const Contributor& c : doc.score.contributors)
    if (c.id == state.selected_id) person = &c;
  if (!person && !doc.score.contributors.empty()) {
    person = &doc.score.contributors.front();
    state.selected_id = person->id;
  }
  Sync(doc, state, person);

  const ImGuiStyle& style = ImGui::GetStyle();
  const float footer = BigSize(s) + ImGui::GetTextLineHeightWithSpacing() + style.ItemSpacing.y * 3;
  const float left_w = std::round(ImGui::GetContentRegionAvail().x * 0.38f);
  ImGui::BeginChild("##list", ImVec2(left_w, -footer), true);
  DrawList(doc, ui, state);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##details", ImVec2(0, -footer), true);
  // The list may have changed this frame (added, removed): look the person up again.
  person = nullptr;
  for (const Contributor& c : doc.score.contributors)
    if (c.id == state.selected_id) person = &c;
  if (person) {
    Sync(doc, state, person);
    ImGui::PushID(person->id.c_str());  // a field being left belongs to its own person
    DrawDetails(doc, ui, state, *person, colors);
    ImGui::PopID();
  } else {
    ImGui::TextWrapped("Pick someone on the left, or add a person.");
  }
  ImGui::EndChild();

  if (!state.message.empty())
    ImGui::TextColored(state.message_is_error ? ImGui::ColorConvertU32ToFloat4(colors.warning)
                                              : style.Colors[ImGuiCol_Text],
                       "%s", state.message.c_str());
  else
    ImGui::TextDisabled("Everything starts at no: tick only what the person agreed to.");
  const float half = (ImGui::GetContentRegionAvail().x - style.ItemSpacing.x) * 0.5f;
  if (ImGui::Button("Take people from another score...", ImVec2(half, BigSize(s))))
    ui.commands.Push(AppCommand::kImportPeople);
  Mark(ui, "people.import");
  ImGui::SameLine();
  if (ImGui::Button("Done", ImVec2(-1, BigSize(s)))) state.open = false;
  Mark(ui, "people.done");
  ImGui::End();
}

}  // namespace graphony::editor
