// Mapping panel widgets; every change is one undo step and bumps the revision so guides redraw.
#include "view_mapping.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/pitch.h"
#include "edit_helpers.h"
#include "imgui.h"
#include "layout_report.h"
#include "text/rtl_layout.h"
#include "text/ui_text.h"
#include "value_slider.h"

namespace graphony::editor {

namespace {
// The slider's top; a score may hold more (up to 64), shown as this until edited.
constexpr int kMaxNotesPerBeatSlider = 16;
}  // namespace

MappingViewState::MappingViewState() {
  for (int m = 0; m < 128; ++m) note_labels[m] = NoteName(m);
}

void DrawMappingPanel(Document& doc, UiState& ui, MappingViewState& state) {
  Score& score = doc.score;
  Mapping& m = score.mapping;
  const float label_w = ImGui::GetContentRegionAvail().x * 0.42f;
  const float panel_w = ImGui::GetContentRegionAvail().x;
  const ImGuiStyle& style = ImGui::GetStyle();
  // `value`: the text the control shows (a combo's choice), which must fit it too.
  auto row = [&](const char* label, const char* hint, const char* value = nullptr) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    if (ImGui::IsItemHovered()) ui.hint = hint;
    // The control beside its label, or under it (full width) when the label is too long for
    // the column or the control's text for the rest.
    const float value_w =
        value ? ImGui::CalcTextSize(value).x + 2 * style.FramePadding.x + ImGui::GetFrameHeight()
              : 0;
    const bool label_fits =
        ImGui::GetItemRectMax().x + style.ItemSpacing.x <= ImGui::GetWindowPos().x + label_w;
    const bool beside = label_fits && value_w <= panel_w - label_w + style.WindowPadding.x;
    if (beside) ImGui::SameLine(label_w);
    if (ui.layout) {
      ReportText(ui, label);
      if (value && value_w > panel_w) ui.layout->Clipped(value);
    }
    ImGui::SetNextItemWidth(-1);
  };

  // Title (kept in a buffer; copied back only when edited).
  if (state.title_revision != doc.revision && !ImGui::IsAnyItemActive()) {
    std::snprintf(state.title, sizeof state.title, "%s", score.title.c_str());
    state.title_revision = doc.revision;
  }
  row(_("Title"), _("The name of the piece."));
  if (text::InputText("##title", state.title, sizeof state.title)) {
    doc.BeginEdit();
    score.title = state.title;
    doc.Touch();
    state.title_revision = doc.revision;
  }
  if (ImGui::IsItemDeactivated() && doc.EditInProgress()) doc.EndEdit();

  // Scale.
  row(_("Scale"), _("Which notes the heights play. Pentatonic never clashes."),
      _(ScaleLabel(m.scale)));
  if (ImGui::BeginCombo("##scale", _(ScaleLabel(m.scale)))) {
    for (const std::string& name : KnownScaleNames()) {
      if (name == "custom" && m.custom_intervals.empty()) continue;  // needs intervals from a file
      if (ImGui::Selectable(text::WithId(_(ScaleLabel(name)), name.c_str()), name == m.scale) &&
          name != m.scale) {
        doc.BeginEdit();
        m.scale = name;
        doc.EndEdit();
      }
    }
    ImGui::EndCombo();
  }

  // Root: the pitch class; the octave is kept.
  row(_("Key"), _("The home note of the scale."));
  const int pc = ((m.root % 12) + 12) % 12;
  if (ImGui::BeginCombo("##root", PitchClassName(pc))) {
    for (int i = 0; i < 12; ++i) {
      if (ImGui::Selectable(PitchClassName(i), i == pc) && i != pc) {
        doc.BeginEdit();
        m.root = m.root - pc + i;
        doc.EndEdit();
      }
    }
    ImGui::EndCombo();
  }

  // Range: lowest and highest notes, shown by name.
  const int lo_now = std::clamp(static_cast<int>(std::lround(m.lowest)), 0, 127);
  const int hi_now = std::clamp(static_cast<int>(std::lround(m.highest)), 0, 127);
  row(_("Lowest"), _("The note at the bottom of the canvas."));
  int lo = lo_now;
  bool changed = ValueSliderInt("##lowest", &lo, 21, 108, state.note_labels[lo_now].c_str(), ui);
  CommitWidgetEdit(doc, changed, m.lowest, static_cast<double>(std::min(lo, hi_now - 1)));
  row(_("Highest"), _("The note at the top of the canvas."));
  int hi = hi_now;
  changed = ValueSliderInt("##highest", &hi, 21, 108, state.note_labels[hi_now].c_str(), ui);
  CommitWidgetEdit(doc, changed, m.highest, static_cast<double>(std::max(hi, lo_now + 1)));

  // How busy a picture may play: the interpretation thins each instrument to this many new
  // notes a beat (mapping.max_notes_per_beat, saved in the score).
  row(_("Notes per beat"),
      _("When a picture plays: at most this many new notes a beat for each instrument. "
        "Fewer is calmer and easier to play along with."));
  int per_beat = std::clamp(m.max_notes_per_beat, 1, kMaxNotesPerBeatSlider);
  // The value shown is formatted and shaped here (ImGui would put the number into the shaped
  // Arabic text backwards); a format without '%' is drawn by ImGui as it is.
  changed = ImGui::SliderInt("##per_beat", &per_beat, 1, kMaxNotesPerBeatSlider,
                             text::Printf(_("%d a beat"), per_beat));
  CommitWidgetEdit(doc, changed, m.max_notes_per_beat, per_beat);

  ImGui::Separator();
  // Time.
  row(_("Tempo"), _("Beats per minute: how fast the music goes."));
  double tempo = score.tempo_bpm;
  const double tmin = 30, tmax = 240;
  char text[128];  // room for a translation (Arabic or Chinese: 2-3 bytes a letter)
  std::snprintf(text, sizeof text, "%s", text::Printf(_("%.0f bpm"), tempo));
  changed = ValueSliderDouble("##tempo", &tempo, tmin, tmax, text, ui);
  CommitWidgetEdit(doc, changed, score.tempo_bpm, std::round(tempo));

  row(_("Beats in a bar"), _("How many beats each bar has (the meter)."));
  int num = score.meter.numerator;
  std::snprintf(text, sizeof text, "%d", num);
  changed = ValueSliderInt("##num", &num, 1, 12, text, ui);
  CommitWidgetEdit(doc, changed, score.meter.numerator, num);

  row(_("Beat note"), _("Which note value is one beat (4 = a quarter note)."));
  int den_index = score.meter.denominator == 2 ? 0 : score.meter.denominator == 8 ? 2 : 1;
  constexpr const char* kDen[] = {"2", "4", "8"};
  changed = ImGui::Combo("##den", &den_index, kDen, 3);
  CommitWidgetEdit(doc, changed, score.meter.denominator,
                   den_index == 0   ? 2
                   : den_index == 2 ? 8
                                    : 4);

  row(_("Length"), _("How long the piece is, in bars."));
  const int beats_per_bar = std::max(1, score.meter.numerator);
  int bars = std::max(1, static_cast<int>(std::ceil(score.length_beats / beats_per_bar - 1e-9)));
  std::snprintf(text, sizeof text, "%s",
                text::Printf(text::Plural("%d bar", "%d bars", bars), bars));
  changed = ValueSliderInt("##bars", &bars, 1, 200, text, ui);
  CommitWidgetEdit(doc, changed, score.length_beats, static_cast<double>(bars * beats_per_bar));
  ImGui::TextDisabled(
      "%s", text::Printf(_("%d:%02d long"), static_cast<int>(score.DurationSeconds()) / 60,
                         static_cast<int>(score.DurationSeconds()) % 60));
}

}  // namespace graphony::editor
