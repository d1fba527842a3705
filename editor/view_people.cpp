// People panel: add, rename and remove people; initials, "credit me by name", consent by
// purpose and keep-until. Every change is a PeopleCommand (one undo step each).
#include "view_people.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/people.h"
#include "edit_helpers.h"
#include "imgui.h"
#include "logic/people_commands.h"
#include "notation/credits.h"
#include "text/rtl_layout.h"
#include "text/ui_text.h"
#include "theme.h"

namespace graphony::editor {

namespace {

void Mark(UiState& ui, const char* name) { MarkLastItem(ui, name); }

// A ticked box is also listed as "NAME.on", so a test sees that its click took effect.
void MarkTicked(UiState& ui, const char* name, bool ticked) {
  if (!ticked) return;
  char on[40];
  const size_t n = std::strlen(name);
  if (n + 4 > sizeof on) return;
  std::memcpy(on, name, n);
  std::memcpy(on + n, ".on", 4);
  MarkLastItem(ui, on);
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

// As tall as the tools: never under 44 px, and growing a little slower than the text so the
// panel still fits a 768-line screen at the larger UI sizes.
float BigSize(float s) { return std::round(std::max(kMinTouchTarget, 38 * s)); }

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
  text::InputText(id, buf, size, 0, hint);
  ImGui::PopStyleVar();
  return ImGui::IsItemDeactivatedAfterEdit();
}

void DrawList(Document& doc, UiState& ui, PeopleViewState& state) {
  const float s = ui.settings.ui_scale;
  const auto& people = doc.score.contributors;
  if (people.empty()) text::Wrapped(_("Nobody yet. Add the people of the group below."));
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
  ImGui::TextUnformatted(_("Add someone:"));
  // Enter in the field adds, like the button.
  const bool typed = BigField("##new", _("their name"), state.new_name, sizeof state.new_name, s) &&
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
  Mark(ui, "people.add_name");
  const bool clicked =
      ImGui::Button(text::WithId(_("Add to the group"), "###add"), ImVec2(-1, BigSize(s)));
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

void DrawDetails(Document& doc, UiState& ui, PeopleViewState& state, const Contributor& person) {
  const float s = ui.settings.ui_scale;
  using Kind = PeopleCommand::Kind;
  PeopleCommand c;
  c.id = person.id;
  // Name and initials side by side: the panel must fit a 768-line laptop screen.
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float name_w = std::round((ImGui::GetContentRegionAvail().x - gap) * 0.64f);
  ImGui::TextUnformatted(_("Name"));
  ImGui::SameLine(name_w + gap + ImGui::GetStyle().WindowPadding.x);
  ImGui::TextUnformatted(_("Initials"));
  if (BigField("##name", _("name"), state.name, sizeof state.name, s, name_w) &&
      person.name != state.name) {
    c.kind = Kind::kRename;
    c.text = state.name;
    if (!Send(doc, state, c).ok)
      std::snprintf(state.name, sizeof state.name, "%s", person.name.c_str());
  }
  Mark(ui, "people.name");
  ImGui::SameLine();
  if (BigField("##initials", _("e.g. A.L."), state.initials, sizeof state.initials, s, -1) &&
      person.initials != state.initials) {
    c.kind = Kind::kSetInitials;
    c.text = state.initials;
    Send(doc, state, c);
  }
  Mark(ui, "people.initials");
  ImGui::Spacing();
  bool credit = person.consent.credit_by_name;
  if (BigCheckbox(text::WithId(_("Credit me by name"), "###credit"), &credit, s)) {
    c.kind = Kind::kSetCreditByName;
    c.yes = credit;
    Send(doc, state, c);
  }
  Mark(ui, "people.credit");
  MarkTicked(ui, "people.credit", credit);
  // Say what a print will show, so the rule is never a surprise.
  const std::string printed = notation::CreditName(person);
  ImGui::PushTextWrapPos(0);
  if (person.consent.credit_by_name && !person.consent.exhibition)
    ImGui::TextDisabled(
        "%s", text::Printf(_("Printed as: %s (a print names someone only when they also agree to "
                             "exhibition or concert)"),
                           printed.c_str()));
  else
    ImGui::TextDisabled("%s", text::Printf(_("Printed as: %s"), printed.c_str()));
  ImGui::PopTextWrapPos();

  ImGui::Spacing();
  ImGui::Separator();
  text::Wrapped(_("Their recordings may be used for (tick only what they agreed to):"));
  char mark_name[40];
  // Two ticks a row when the longest label fits half the width, else one a row.
  const float column = std::round((ImGui::GetContentRegionAvail().x + gap) * 0.5f);
  float widest = 0;
  for (Purpose p : kPurposes) widest = std::max(widest, ImGui::CalcTextSize(_(PurposeLabel(p))).x);
  const bool two_columns = widest + BigSize(s) + 3 * gap < column;
  int n = 0;
  for (Purpose p : kPurposes) {
    bool yes = Agrees(person.consent, p);
    if (two_columns && n++ % 2 == 1) ImGui::SameLine(column);
    ImGui::PushID(PurposeName(p));
    if (BigCheckbox(text::WithId(_(PurposeLabel(p)), "###tick"), &yes, s)) {
      c.kind = Kind::kSetConsent;
      c.purpose = p;
      c.yes = yes;
      Send(doc, state, c);
    }
    std::snprintf(mark_name, sizeof mark_name, "people.consent.%s", PurposeName(p));
    Mark(ui, mark_name);
    MarkTicked(ui, mark_name, yes);
    ImGui::PopID();
  }
  ImGui::TextUnformatted(_("Keep their recordings until (year-month-day)"));
  if (BigField("##keep", _("YYYY-MM-DD"), state.keep_until, sizeof state.keep_until, s, name_w) &&
      person.consent.keep_until != state.keep_until) {
    c.kind = Kind::kSetKeepUntil;
    c.text = state.keep_until;
    if (!Send(doc, state, c).ok)
      std::snprintf(state.keep_until, sizeof state.keep_until, "%s",
                    person.consent.keep_until.c_str());
  }
  Mark(ui, "people.keep_until");
}

// The footer: import a group, remove the open person (asking once more: it also takes them
// off their strokes and takes), done. Short labels: they must fit a third of the window at
// the largest UI size.
void DrawFooter(Document& doc, UiState& ui, PeopleViewState& state, const Contributor* person,
                const CanvasColors& colors) {
  const float s = ui.settings.ui_scale;
  const ImGuiStyle& style = ImGui::GetStyle();
  if (state.confirm_remove && person)
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors.warning), "%s",
                       text::Printf(_("Remove %s? Their strokes keep playing, without their name."),
                                    DisplayName(*person).c_str()));
  else if (!state.message.empty())
    ImGui::TextColored(state.message_is_error ? ImGui::ColorConvertU32ToFloat4(colors.warning)
                                              : style.Colors[ImGuiCol_Text],
                       "%s", text::Visual(state.message.c_str()));
  const float third = std::floor((ImGui::GetContentRegionAvail().x - 2 * style.ItemSpacing.x) / 3);
  const ImVec2 size(third, BigSize(s));
  if (state.confirm_remove && person) {
    ImGui::PushStyleColor(ImGuiCol_Button, colors.warning);
    const bool remove = ImGui::Button(text::WithId(_("Yes, remove"), "###remove_yes"), size);
    ImGui::PopStyleColor();
    Mark(ui, "people.remove_yes");
    ImGui::SameLine();
    if (ImGui::Button(text::WithId(_("Keep them"), "###keep"), size)) state.confirm_remove = false;
    if (remove) {
      PeopleCommand c;
      c.kind = PeopleCommand::Kind::kRemove;
      c.id = person->id;
      if (Send(doc, state, c).ok) {
        if (ui.contributor_id == c.id) ui.contributor_id.clear();
        state.selected_id.clear();
      }
      state.confirm_remove = false;
    }
  } else {
    if (ImGui::Button(text::WithId(_("Import a group..."), "###import"), size))
      ui.commands.Push(AppCommand::kImportPeople);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "%s", _("Add the people of another score (a course's group), with their consent"));
    Mark(ui, "people.import");
    ImGui::SameLine();
    ImGui::BeginDisabled(!person);
    if (ImGui::Button(text::WithId(_("Remove..."), "###remove"), size)) state.confirm_remove = true;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", _("Remove this person from the group"));
    Mark(ui, "people.remove");
  }
  ImGui::SameLine();
  if (ImGui::Button(text::WithId(_("Done"), "###done"), ImVec2(-1, BigSize(s)))) state.open = false;
  Mark(ui, "people.done");
}

}  // namespace

void DrawPeopleWindow(Document& doc, UiState& ui, PeopleViewState& state,
                      const CanvasColors& colors) {
  const bool opening = state.open && !state.was_open;
  state.was_open = state.open;
  if (!state.open) return;
  const float s = ui.settings.ui_scale;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x * 0.94f, 860 * s),
                                  std::min(io.DisplaySize.y * 0.96f, 700 * s)),
                           ImGuiCond_Always);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  // Focus once on opening only: every frame would steal it from the file browser above.
  if (opening) ImGui::SetNextWindowFocus();
  if (!ImGui::Begin(text::WithId(_("People: credit and consent"), "###people"), &state.open,
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
  // A line for the message (or the remove question) only when there is one.
  const bool message_line = state.confirm_remove || !state.message.empty();
  const float footer = BigSize(s) + style.ItemSpacing.y * 2 +
                       (message_line ? ImGui::GetTextLineHeightWithSpacing() : 0);
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
    DrawDetails(doc, ui, state, *person);
    ImGui::PopID();
  } else {
    text::Wrapped(_("Pick someone on the left, or add a person."));
  }
  ImGui::EndChild();

  person = nullptr;
  for (const Contributor& c : doc.score.contributors)
    if (c.id == state.selected_id) person = &c;
  DrawFooter(doc, ui, state, person, colors);
  ImGui::End();
}

}  // namespace graphony::editor
