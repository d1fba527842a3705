// Sound settings: which output (speakers) and input (microphone) device to use, which MIDI
// keyboard plays, and whether to play in time with others (Ableton Link).
#pragma once

#include <string>
#include <vector>

#include "app_state.h"
#include "realtime/devices.h"
#include "realtime/live_player.h"

namespace graphony::editor {

// What the window shows about the keyboard and Link (read from MidiSession and LinkSync by
// EditorAudio; the view keeps no copy).
struct SoundExtras {
  const std::vector<std::string>* midi_ports = nullptr;  // the latest scan
  std::string midi_chosen;                               // "" = none
  bool midi_connected = false;
  bool link_offered = false;  // never in kiosk mode
  bool link_on = false, link_start_stop = false;
  size_t link_peers = 0;
};
// What the person changed in them this frame (applied at once, without Apply).
struct SoundExtrasChoice {
  bool midi_changed = false;
  std::string midi_port;
  bool link_changed = false;
  bool link_on = false, link_start_stop = false;
};

// Thread rules: [UI] only. The device list is read when the window opens (PortAudio scan).
class AudioSettingsView {
 public:
  void Open(const PlayerOptions& current);
  bool IsOpen() const { return open_; }
  void Close() { open_ = false; }
  // Draws the window; returns true when the person pressed Apply (then *out holds the choice).
  bool Draw(UiState& ui, const std::string& device_message, const std::string& device_name,
            const SoundExtras& extras, SoundExtrasChoice* extras_out, PlayerOptions* out);

 private:
  void DrawMidi(UiState& ui, const SoundExtras& extras, SoundExtrasChoice* out);
  void DrawLink(UiState& ui, const SoundExtras& extras, SoundExtrasChoice* out);

  bool open_ = false;
  std::vector<DeviceInfo> devices_;
  std::string scan_error_;
  int output_ = -1, input_ = -1;  // indices into devices_, -1 = the system default
  bool use_input_ = false;
};

}  // namespace graphony::editor
