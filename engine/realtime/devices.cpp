// PortAudio session set-up (quiet ALSA/JACK), device listing and device choice.
#include "realtime/devices.h"

#include <alsa/asoundlib.h>
#include <jack/jack.h>
#include <portaudio.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace graphony {

namespace {

// ALSA prints "ALSA lib pcm.c:... Unknown PCM" lines while PortAudio probes; they mean
// nothing to the people using Graphony.
void QuietAlsa(const char*, int, const char*, int, const char*, ...) {}
// libjack prints "Cannot connect to server socket" when no server runs: not an error for
// us, just "no JACK device". PortAudio installs its own handler once a client is open.
void QuietJack(const char*) {}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool AllDigits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

PortAudioSession::PortAudioSession() {
  setenv("JACK_NO_START_SERVER", "1", 1);
  snd_lib_error_set_handler(QuietAlsa);
  jack_set_error_function(QuietJack);
  jack_set_info_function(QuietJack);
  PaError err = Pa_Initialize();
  if (err != paNoError)
    throw DeviceError(std::string("cannot start the sound system: ") + Pa_GetErrorText(err));
}

PortAudioSession::~PortAudioSession() { Pa_Terminate(); }

std::vector<DeviceInfo> ListDevices() {
  std::vector<DeviceInfo> out;
  const int count = Pa_GetDeviceCount();
  const PaDeviceIndex def_out = Pa_GetDefaultOutputDevice();
  const PaDeviceIndex def_in = Pa_GetDefaultInputDevice();
  for (int i = 0; i < count; ++i) {
    const PaDeviceInfo* d = Pa_GetDeviceInfo(i);
    if (!d) continue;
    DeviceInfo info;
    info.index = i;
    info.name = d->name ? d->name : "";
    const PaHostApiInfo* api = Pa_GetHostApiInfo(d->hostApi);
    info.host_api = api && api->name ? api->name : "";
    info.max_output_channels = d->maxOutputChannels;
    info.max_input_channels = d->maxInputChannels;
    info.default_sample_rate = d->defaultSampleRate;
    info.default_low_output_latency = d->defaultLowOutputLatency;
    info.default_low_input_latency = d->defaultLowInputLatency;
    info.default_output = i == def_out;
    info.default_input = i == def_in;
    out.push_back(std::move(info));
  }
  return out;
}

DeviceInfo FindDevice(const std::string& spec, DeviceDirection direction) {
  const bool output = direction == DeviceDirection::kOutput;
  const char* what = output ? "output" : "input";
  std::vector<DeviceInfo> usable;
  for (auto& d : ListDevices())
    if ((output ? d.max_output_channels : d.max_input_channels) > 0) usable.push_back(d);
  if (usable.empty()) {
    if (output) throw DeviceError(kNoOutputDeviceMessage);
    throw DeviceError("no sound input device found");
  }
  if (spec.empty()) {
    for (auto& d : usable)
      if (output ? d.default_output : d.default_input) return d;
    return usable.front();  // no host default: the first usable device is the best guess
  }
  if (AllDigits(spec)) {
    const int index = std::atoi(spec.c_str());
    for (auto& d : usable)
      if (d.index == index) return d;
    throw DeviceError(std::string("no ") + what + " device has index " + spec +
                      " (see graphony-cli devices)");
  }
  for (auto& d : usable)
    if (d.name == spec) return d;
  const std::string needle = Lower(spec);
  for (auto& d : usable)
    if (Lower(d.name).find(needle) != std::string::npos) return d;
  throw DeviceError(std::string("no ") + what + " device matches \"" + spec +
                    "\" (see graphony-cli devices)");
}

}  // namespace graphony
