// Sound devices: a PortAudio session that keeps ALSA and JACK quiet, the device list, and
// choosing a device by name or index.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace graphony {

// The exact message when there is nothing to play on (the CLI prints it and exits 1).
inline constexpr const char* kNoOutputDeviceMessage =
    "no sound output device found; offline export still works";

// Any failure to find or open a device; what() is one line meant for people.
struct DeviceError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Keeps PortAudio initialised for its lifetime (nests: PortAudio counts initialisations).
// Before the first initialisation it sets JACK_NO_START_SERVER=1 (never spawn jackd),
// silences ALSA's and JACK's stderr chatter, so "no device" is one clean line.
// Thread rules: [control] construct and destroy on the same non-audio thread.
class PortAudioSession {
 public:
  PortAudioSession();  // throws DeviceError if PortAudio itself cannot start
  ~PortAudioSession();
  PortAudioSession(const PortAudioSession&) = delete;
  PortAudioSession& operator=(const PortAudioSession&) = delete;
};

struct DeviceInfo {
  int index = -1;  // PortAudio device index (stable only within one session)
  std::string name;
  std::string host_api;  // "ALSA", "JACK Audio Connection Kit", ...
  int max_output_channels = 0;
  int max_input_channels = 0;
  double default_sample_rate = 0;
  double default_low_output_latency = 0;  // seconds
  double default_low_input_latency = 0;
  bool default_output = false;
  bool default_input = false;
};

// [control, needs a live PortAudioSession] Every device PortAudio knows about.
std::vector<DeviceInfo> ListDevices();

enum class DeviceDirection { kOutput, kInput };

// [control, needs a live PortAudioSession] Chooses a device. `spec` empty = the default
// device for that direction; all digits = a PortAudio index; otherwise an exact name, or
// else the first device whose name contains `spec` (case-insensitive).
// Throws DeviceError: kNoOutputDeviceMessage when there is no output device at all, or
// "no output device matches "X" (see graphony-cli devices)".
DeviceInfo FindDevice(const std::string& spec, DeviceDirection direction);

}  // namespace graphony
