// Sound settings window: two lists of devices by name (Apply reopens the player), the MIDI
// keyboard list and the Link switch (both take effect at once).
#include "view_audio_settings.h"

#include <cstdio>

#include "edit_helpers.h"
#include "imgui.h"
#include "text/rtl_layout.h"
#include "text/ui_text.h"

namespace graphony::editor {

void AudioSettingsView::DrawMidi(UiState& ui, const SoundExtras& x, SoundExtrasChoice* out) {
  ImGui::TextUnformatted(_("Keyboard (MIDI):"));
  const char* preview = x.midi_chosen.empty() ? _("None") : x.midi_chosen.c_str();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##midi_port", preview)) {
    std::string picked;
    bool pick = false;
    if (ImGui::Selectable(text::WithId(_("None"), "###midi_none"), x.midi_chosen.empty()))
      pick = true;
    MarkLastItem(ui, "settings.midi.none");
    if (x.midi_ports) {
      for (size_t i = 0; i < x.midi_ports->size(); ++i) {
        const std::string& name = (*x.midi_ports)[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(name.c_str(), name == x.midi_chosen)) {
          pick = true;
          picked = name;
        }
        char rect[40];
        std::snprintf(rect, sizeof rect, "settings.midi.%zu", i);
        MarkLastItem(ui, rect);
        ImGui::PopID();
      }
    }
    ImGui::EndCombo();
    if (pick && picked != x.midi_chosen) {
      if (ui.jail && !ui.kiosk_unlocked) {
        ui.kiosk_wants_pin = true;  // kiosk mode: the facilitator chooses the keyboard
      } else {
        out->midi_changed = true;
        out->midi_port = picked;
      }
    }
  }
  MarkLastItem(ui, "settings.midi");
  if (!x.midi_chosen.empty())
    ImGui::TextWrapped("%s",
                       x.midi_connected
                           ? _("Connected: the keys play the colour in use.")
                           : _("Not connected: plug the keyboard in and it connects by itself."));
}

void AudioSettingsView::DrawLink(UiState& ui, const SoundExtras& x, SoundExtrasChoice* out) {
  bool on = x.link_on, start_stop = x.link_start_stop;
  if (ImGui::Checkbox(text::WithId(_("Play in time with others (Link)"), "###link"), &on)) {
    out->link_changed = true;
    out->link_on = on;
    out->link_start_stop = start_stop;
  }
  MarkLastItem(ui, "settings.link");
  if (x.link_on) MarkLastItem(ui, "settings.link.on");  // tests see the click took effect
  if (!x.link_on) return;
  ImGui::Indent();
  if (ImGui::Checkbox(text::WithId(_("Start and stop together"), "###link_start_stop"),
                      &start_stop)) {
    out->link_changed = true;
    out->link_on = true;
    out->link_start_stop = start_stop;
  }
  MarkLastItem(ui, "settings.link_start_stop");
  if (x.link_start_stop) MarkLastItem(ui, "settings.link_start_stop.on");
  ImGui::TextUnformatted(
      text::Printf(text::Plural("Playing with %d other computer or app",
                                "Playing with %d other computers or apps", x.link_peers),
                   static_cast<int>(x.link_peers)));
  ImGui::Unindent();
}

void AudioSettingsView::Open(const PlayerOptions& current) {
  open_ = true;
  devices_.clear();
  scan_error_.clear();
  output_ = input_ = -1;
  use_input_ = current.record_input;
  try {
    PortAudioSession session;
    devices_ = ListDevices();
  } catch (const std::exception& e) {
    scan_error_ = e.what();
  }
  for (int i = 0; i < static_cast<int>(devices_.size()); ++i) {
    if (!current.output_device.empty() && devices_[i].name == current.output_device) output_ = i;
    if (!current.input_device.empty() && devices_[i].name == current.input_device) input_ = i;
  }
}

bool AudioSettingsView::Draw(UiState& ui, const std::string& device_message,
                             const std::string& device_name, const SoundExtras& extras,
                             SoundExtrasChoice* extras_out, PlayerOptions* out) {
  if (!open_) return false;
  const float s = ui.settings.ui_scale;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  // A fixed width, and as tall as what it shows (the Link lines come and go).
  ImGui::SetNextWindowSizeConstraints(ImVec2(560 * s, 0), ImVec2(560 * s, io.DisplaySize.y * 0.9f));
  bool keep = true, apply = false;
  if (ImGui::Begin(text::WithId(_("Sound settings"), "###sound_settings"), &keep,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                       ImGuiWindowFlags_AlwaysAutoResize)) {
    if (!device_message.empty())
      text::Wrapped(device_message.c_str());
    else
      ImGui::TextUnformatted(text::Printf(_("Playing on: %s"), device_name.c_str()));
    if (!scan_error_.empty()) text::Wrapped(scan_error_.c_str());
    auto combo = [&](const char* label, int* choice, bool outputs) {
      const char* preview =
          *choice < 0 ? _("The computer's usual one") : devices_[*choice].name.c_str();
      ImGui::SetNextItemWidth(-1);
      if (ImGui::BeginCombo(label, preview)) {
        if (ImGui::Selectable(_("The computer's usual one"), *choice < 0)) *choice = -1;
        for (int i = 0; i < static_cast<int>(devices_.size()); ++i) {
          const DeviceInfo& d = devices_[i];
          if ((outputs ? d.max_output_channels : d.max_input_channels) <= 0) continue;
          ImGui::PushID(i);
          if (ImGui::Selectable(d.name.c_str(), *choice == i)) *choice = i;
          ImGui::PopID();
        }
        ImGui::EndCombo();
      }
    };
    ImGui::TextUnformatted(_("Speakers or headphones:"));
    combo("##output", &output_, true);
    ImGui::Checkbox(text::WithId(_("Use a microphone for recording"), "###use_mic"), &use_input_);
    ImGui::BeginDisabled(!use_input_);
    combo("##input", &input_, false);
    ImGui::EndDisabled();
    ImGui::Separator();
    DrawMidi(ui, extras, extras_out);
    if (extras.link_offered) {
      ImGui::Separator();
      DrawLink(ui, extras, extras_out);
    }
    ImGui::Spacing();
    if (ImGui::Button(text::WithId(_("Apply"), "###apply"),
                      ImVec2(std::max(140 * s, ImGui::CalcTextSize(_("Apply")).x +
                                                   2 * ImGui::GetStyle().FramePadding.x),
                             0)))
      apply = true;
    ImGui::SameLine();
    if (ImGui::Button(text::WithId(_("Close"), "###close"),
                      ImVec2(std::max(140 * s, ImGui::CalcTextSize(_("Close")).x +
                                                   2 * ImGui::GetStyle().FramePadding.x),
                             0)))
      keep = false;
  }
  ImGui::End();
  if (!keep) open_ = false;
  if (apply && out) {
    out->output_device = output_ < 0 ? std::string() : devices_[output_].name;
    out->record_input = use_input_;
    out->input_device = input_ < 0 ? std::string() : devices_[input_].name;
    open_ = false;
    return true;
  }
  return false;
}

}  // namespace graphony::editor
