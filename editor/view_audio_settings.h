// Sound settings: which output (speakers) and input (microphone) device to use.
#pragma once

#include <string>
#include <vector>

#include "app_state.h"
#include "realtime/devices.h"
#include "realtime/live_player.h"

namespace graphony::editor {

// Thread rules: [UI] only. The device list is read when the window opens (PortAudio scan).
class AudioSettingsView {
 public:
  void Open(const PlayerOptions& current);
  bool IsOpen() const { return open_; }
  void Close() { open_ = false; }
  // Draws the window; returns true when the person pressed Apply (then *out holds the choice).
  bool Draw(UiState& ui, const std::string& device_message, const std::string& device_name,
            PlayerOptions* out);

 private:
  bool open_ = false;
  std::vector<DeviceInfo> devices_;
  std::string scan_error_;
  int output_ = -1, input_ = -1;  // indices into devices_, -1 = the system default
  bool use_input_ = false;
};

}  // namespace graphony::editor
