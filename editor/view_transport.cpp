// Transport buttons and panel: big drawn icons (no reading needed) with tooltips and hints.
#include "view_transport.h"

#include <cfloat>
#include <cmath>
#include <cstdio>

#include "edit_helpers.h"
#include "icons.h"
#include "imgui.h"
#include "layout_report.h"
#include "text/rtl_layout.h"
#include "text/ui_text.h"
#include "value_slider.h"

namespace graphony::editor {

namespace {

enum class TransportIcon { kPlay, kPause, kStop, kRecord, kRecording, kPerform };

void DrawTransportIcon(ImDrawList* dl, TransportIcon icon, ImVec2 c, float s, ImU32 col) {
  const float h = s * 0.5f;
  switch (icon) {
    case TransportIcon::kPlay:
      dl->AddTriangleFilled(ImVec2(c.x - h * 0.7f, c.y - h), ImVec2(c.x - h * 0.7f, c.y + h),
                            ImVec2(c.x + h, c.y), col);
      break;
    case TransportIcon::kPause:
      dl->AddRectFilled(ImVec2(c.x - h * 0.8f, c.y - h), ImVec2(c.x - h * 0.2f, c.y + h), col, 2);
      dl->AddRectFilled(ImVec2(c.x + h * 0.2f, c.y - h), ImVec2(c.x + h * 0.8f, c.y + h), col, 2);
      break;
    case TransportIcon::kStop:
      dl->AddRectFilled(ImVec2(c.x - h * 0.8f, c.y - h * 0.8f),
                        ImVec2(c.x + h * 0.8f, c.y + h * 0.8f), col, 3);
      break;
    case TransportIcon::kRecord:
      dl->AddCircle(c, h * 0.85f, IM_COL32(214, 48, 49, 255), 32, std::max(2.f, s * 0.08f));
      dl->AddCircleFilled(c, h * 0.55f, IM_COL32(214, 48, 49, 255), 32);
      break;
    case TransportIcon::kRecording:
      dl->AddCircleFilled(c, h * 0.9f, IM_COL32(214, 48, 49, 255), 32);
      dl->AddRectFilled(ImVec2(c.x - h * 0.3f, c.y - h * 0.3f),
                        ImVec2(c.x + h * 0.3f, c.y + h * 0.3f), IM_COL32(255, 255, 255, 255), 2);
      break;
    case TransportIcon::kPerform: {
      // A screen with corners pointing outwards: "big picture".
      const float t = std::max(2.f, s * 0.07f);
      dl->AddRect(ImVec2(c.x - h * 0.6f, c.y - h * 0.4f), ImVec2(c.x + h * 0.6f, c.y + h * 0.4f),
                  col, 2, 0, t);
      const float e = h, k = h * 0.45f;
      for (int sx = -1; sx <= 1; sx += 2)
        for (int sy = -1; sy <= 1; sy += 2) {
          const ImVec2 p(c.x + sx * e, c.y + sy * e);
          dl->AddLine(p, ImVec2(p.x - sx * k, p.y), col, t);
          dl->AddLine(p, ImVec2(p.x, p.y - sy * k), col, t);
        }
      break;
    }
  }
}

bool TransportButton(const char* id, TransportIcon icon, float size, bool active,
                     const char* tooltip, const char* hint, const CanvasColors& colors, UiState& ui,
                     bool enabled) {
  const IconButtonResult r = IconButton(id, size, active, tooltip, hint, colors, ui, enabled);
  DrawTransportIcon(ImGui::GetWindowDrawList(), icon, r.center, r.icon_size, r.color);
  return r.pressed;
}

void FormatClock(char* out, size_t n, double seconds) {
  const int s = static_cast<int>(std::max(0.0, seconds));
  std::snprintf(out, n, "%d:%02d", s / 60, s % 60);
}

}  // namespace

void DrawTransportButtons(const TransportReadout& r, float size, float spacing, bool participant,
                          UiState& ui, const CanvasColors& colors, TransportActions& out) {
  const bool busy = r.playing || r.counting_in;
  if (TransportButton(
          "##play", busy ? TransportIcon::kPause : TransportIcon::kPlay, size, busy,
          busy ? _("Pause (Space)") : _("Play (Space)"),
          busy ? _("Pause here; Space again carries on.") : _("Hear the score from the playhead."),
          colors, ui, r.has_device))
    out.play_pause = true;
  ReportControl(ui, "play");
  ImGui::SameLine(0, spacing);
  if (TransportButton("##stop", TransportIcon::kStop, size, false, _("Stop"),
                      _("Stop and go back to the start."), colors, ui, r.has_device))
    out.stop = true;
  ReportControl(ui, "stop");
  if (participant) return;  // the participant view has play and stop only
  ImGui::SameLine(0, spacing);
  if (TransportButton(
          "##record", r.recording ? TransportIcon::kRecording : TransportIcon::kRecord, size,
          r.recording, r.recording ? _("Stop recording (Ctrl+R)") : _("Record a take (Ctrl+R)"),
          _("Record what is played (and the microphone, if chosen) as a take in this score."),
          colors, ui, r.has_device))
    out.record = true;
  ReportControl(ui, "record");
  ImGui::SameLine(0, spacing);
  if (TransportButton(
          "##perform", TransportIcon::kPerform, size, false, _("Performance view (F11)"),
          _("Show only the picture and the playhead, big, for a projector. Esc comes back."),
          colors, ui, true))
    out.performance = true;
  ReportControl(ui, "performance");
}

void DrawRecordingIndicator(const TransportReadout& r, ImVec2 top_center, float scale) {
  if (!r.recording) return;
  char clock[32];
  FormatClock(clock, sizeof clock, std::max(0.0, r.record_seconds));
  char text[96];
  std::snprintf(text, sizeof text, "%s", text::Printf(_("REC  %s"), clock));
  ImFont* font = ImGui::GetFont();
  const float fs = std::round(ImGui::GetFontSize() * 1.8f);
  const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, text);
  const float pad = std::round(12 * scale), dot = fs * 0.8f;
  const float w = pad * 3 + dot + ts.x, h = std::max(ts.y, dot) + 2 * pad;
  const ImVec2 a(std::round(top_center.x - w * 0.5f), top_center.y);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), IM_COL32(196, 24, 24, 235), h * 0.3f);
  dl->AddCircleFilled(ImVec2(a.x + pad + dot * 0.5f, a.y + h * 0.5f), dot * 0.5f,
                      IM_COL32(255, 255, 255, 255), 32);
  dl->AddText(font, fs, ImVec2(a.x + pad * 2 + dot, a.y + (h - ts.y) * 0.5f),
              IM_COL32(255, 255, 255, 255), text);
}

void DrawTransportPanel(const TransportReadout& r, TransportSettings& settings, UiState& ui,
                        TransportActions& out) {
  char now[16], total[16];
  FormatClock(now, sizeof now, r.playhead_beat * r.seconds_per_beat);
  FormatClock(total, sizeof total, r.length_beats * r.seconds_per_beat);
  const int per_bar = r.beats_per_bar > 0 ? r.beats_per_bar : 4;
  const int beat = static_cast<int>(std::floor(std::max(0.0, r.playhead_beat)));
  char line[192];
  std::snprintf(line, sizeof line, "%s",
                text::Printf(_("Bar %d beat %d   %s / %s"), beat / per_bar + 1, beat % per_bar + 1,
                             now, total));
  ImGui::TextUnformatted(line);
  ReportText(ui, line);
  if (r.count_in_left > 0) {
    std::snprintf(line, sizeof line, "%s", text::Printf(_("Count-in: %d"), r.count_in_left));
    ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.2f, 1), "%s", line);
  }

  char text[128];  // room for a translation (Arabic or Chinese: 2-3 bytes a letter)
  std::snprintf(text, sizeof text, "%s", text::Printf(_("Speed %.0f%%"), settings.tempo_percent));
  ImGui::SetNextItemWidth(-1);
  if (ValueSliderFloat("##tempo", &settings.tempo_percent, 25, 200, text, ui))
    out.tempo_changed = true;
  if (ImGui::IsItemHovered()) ui.hint = _("Play slower or faster without changing the score.");
  std::snprintf(text, sizeof text, "%s", text::Printf(_("Volume %.0f%%"), settings.volume * 100));
  ImGui::SetNextItemWidth(-1);
  if (ValueSliderFloat("##volume", &settings.volume, 0, 1.5f, text, ui)) out.volume_changed = true;
  if (ImGui::IsItemHovered()) ui.hint = _("How loud the whole score plays.");

  auto check = [&](const char* label, bool* v) {
    ImGui::Checkbox(label, v);
    ReportText(ui, label);
  };
  check(text::WithId(_("Count in one bar"), "##count_in"), &settings.count_in);
  if (ImGui::IsItemHovered())
    ui.hint = _("Clicks for one bar before playing, so players can come in together.");
  check(text::WithId(_("View follows the playhead"), "##follow"), &settings.follow);
  check(text::WithId(_("Record the microphone too"), "##record_mic"), &settings.record_microphone);
  if (ImGui::IsItemHovered())
    ui.hint = _("Takes also keep what the microphone hears, lined up with the score.");

  // Full-width buttons, one to a line: a narrow panel never cuts their words.
  auto button = [&](const char* label) {
    const bool pressed = ImGui::Button(label, ImVec2(-1, 0));
    ReportText(ui, label, true);
    return pressed;
  };
  if (r.looping) {
    std::snprintf(line, sizeof line, "%s",
                  text::Printf(_("Looping beats %.1f to %.1f"), r.loop_start, r.loop_end));
    text::Wrapped(line);
    if (button(text::WithId(_("Stop looping"), "##stop_loop"))) out.clear_loop = true;
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text::Wrapped(_("Shift+drag along the ruler to loop a part."));
    ImGui::PopStyleColor();
    ImGui::BeginDisabled(!r.has_selection);
    if (button(text::WithId(_("Loop the picked strokes"), "##loop_picked")))
      out.loop_selection = true;
    ImGui::EndDisabled();
  }
  ImGui::TextUnformatted(_("Performance view:"));
  ReportText(ui, _("Performance view:"));
  ImGui::RadioButton(text::WithId(_("Picture scrolls"), "##scrolls"), &settings.performance_mode,
                     0);
  ReportText(ui, _("Picture scrolls"));
  ImGui::RadioButton(text::WithId(_("Playhead sweeps"), "##sweeps"), &settings.performance_mode, 1);
  ReportText(ui, _("Playhead sweeps"));

  ImGui::Spacing();
  if (button(text::WithId(_("Export..."), "##export"))) out.export_dialog = true;
  MarkLastItem(ui, "side.export");
  if (ImGui::IsItemHovered())
    ui.hint = _("Save the music as a sound file or as notation (Ctrl+E).");
  if (button(text::WithId(_("Sound settings..."), "##sound_settings"))) out.audio_settings = true;
  MarkLastItem(ui, "transport.sound_settings");
}

}  // namespace graphony::editor
