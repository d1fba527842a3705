// Mapping panel widgets; every change is one undo step and bumps the revision so guides redraw.
#include "view_mapping.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/pitch.h"
#include "edit_helpers.h"
#include "imgui.h"

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
  auto row = [&](const char* label, const char* hint) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    if (ImGui::IsItemHovered()) ui.hint = hint;
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1);
  };

  // Title (kept in a buffer; copied back only when edited).
  if (state.title_revision != doc.revision && !ImGui::IsAnyItemActive()) {
    std::snprintf(state.title, sizeof state.title, "%s", score.title.c_str());
    state.title_revision = doc.revision;
  }
  row("Title", "The name of the piece.");
  if (ImGui::InputText("##title", state.title, sizeof state.title)) {
    doc.BeginEdit();
    score.title = state.title;
    doc.Touch();
    state.title_revision = doc.revision;
  }
  if (ImGui::IsItemDeactivated() && doc.EditInProgress()) doc.EndEdit();

  // Scale.
  row("Scale", "Which notes the heights play. Pentatonic never clashes.");
  if (ImGui::BeginCombo("##scale", m.scale.c_str())) {
    for (const std::string& name : KnownScaleNames()) {
      if (name == "custom" && m.custom_intervals.empty()) continue;  // needs intervals from a file
      if (ImGui::Selectable(name.c_str(), name == m.scale) && name != m.scale) {
        doc.BeginEdit();
        m.scale = name;
        doc.EndEdit();
      }
    }
    ImGui::EndCombo();
  }

  // Root: the pitch class; the octave is kept.
  row("Key", "The home note of the scale.");
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
  row("Lowest", "The note at the bottom of the canvas.");
  int lo = lo_now;
  bool changed = ImGui::SliderInt("##lowest", &lo, 21, 108, state.note_labels[lo_now].c_str());
  CommitWidgetEdit(doc, changed, m.lowest, static_cast<double>(std::min(lo, hi_now - 1)));
  row("Highest", "The note at the top of the canvas.");
  int hi = hi_now;
  changed = ImGui::SliderInt("##highest", &hi, 21, 108, state.note_labels[hi_now].c_str());
  CommitWidgetEdit(doc, changed, m.highest, static_cast<double>(std::max(hi, lo_now + 1)));

  // How busy a picture may play: the interpretation thins each instrument to this many new
  // notes a beat (mapping.max_notes_per_beat, saved in the score).
  row("Notes per beat",
      "When a picture plays: at most this many new notes a beat for each instrument. "
      "Fewer is calmer and easier to play along with.");
  int per_beat = std::clamp(m.max_notes_per_beat, 1, kMaxNotesPerBeatSlider);
  changed = ImGui::SliderInt("##per_beat", &per_beat, 1, kMaxNotesPerBeatSlider, "%d a beat");
  CommitWidgetEdit(doc, changed, m.max_notes_per_beat, per_beat);

  ImGui::Separator();
  // Time.
  row("Tempo", "Beats per minute: how fast the music goes.");
  double tempo = score.tempo_bpm;
  const double tmin = 30, tmax = 240;
  changed = ImGui::SliderScalar("##tempo", ImGuiDataType_Double, &tempo, &tmin, &tmax, "%.0f bpm");
  CommitWidgetEdit(doc, changed, score.tempo_bpm, std::round(tempo));

  row("Beats in a bar", "How many beats each bar has (the meter).");
  int num = score.meter.numerator;
  changed = ImGui::SliderInt("##num", &num, 1, 12);
  CommitWidgetEdit(doc, changed, score.meter.numerator, num);

  row("Beat note", "Which note value is one beat (4 = a quarter note).");
  int den_index = score.meter.denominator == 2 ? 0 : score.meter.denominator == 8 ? 2 : 1;
  constexpr const char* kDen[] = {"2", "4", "8"};
  changed = ImGui::Combo("##den", &den_index, kDen, 3);
  CommitWidgetEdit(doc, changed, score.meter.denominator,
                   den_index == 0   ? 2
                   : den_index == 2 ? 8
                                    : 4);

  row("Length", "How long the piece is, in bars.");
  const int beats_per_bar = std::max(1, score.meter.numerator);
  int bars = std::max(1, static_cast<int>(std::ceil(score.length_beats / beats_per_bar - 1e-9)));
  changed = ImGui::SliderInt("##bars", &bars, 1, 200, "%d bars");
  CommitWidgetEdit(doc, changed, score.length_beats, static_cast<double>(bars * beats_per_bar));
  ImGui::TextDisabled("%d:%02d long", static_cast<int>(score.DurationSeconds()) / 60,
                      static_cast<int>(score.DurationSeconds()) % 60);
}

}  // namespace graphony::editor
