// graphony-cli devices: lists sound output and input devices (index, name, host, channels, rate).
#include <cstdio>

#include "commands.h"
#include "realtime/devices.h"

namespace graphony::cli {

namespace {

void PrintDevice(const DeviceInfo& d, int channels, bool is_default) {
  // NOT-UI: a table row: numbers, units and translated parts
  std::printf("  %3d  %-40s %-28s %2d ch  %6.0f Hz%s\n", d.index, d.name.c_str(),
              d.host_api.c_str(), channels, d.default_sample_rate,
              is_default ? (std::string("  ") + _("(default)")).c_str() : "");
}

int RunDevices(Args& args) {
  if (!args.Positionals().empty()) throw UsageError("devices", _("takes no arguments"));
  PortAudioSession session;
  const auto devices = ListDevices();
  int outputs = 0, inputs = 0;
  for (const auto& d : devices) {
    outputs += d.max_output_channels > 0;
    inputs += d.max_input_channels > 0;
  }
  if (outputs > 0) {
    std::printf("%s\n", _("output devices:"));
    for (const auto& d : devices)
      if (d.max_output_channels > 0) PrintDevice(d, d.max_output_channels, d.default_output);
  }
  std::printf("%s\n", inputs == 0 ? _("input devices: none") : _("input devices:"));
  for (const auto& d : devices)
    if (d.max_input_channels > 0) PrintDevice(d, d.max_input_channels, d.default_input);
  if (outputs == 0) {
    std::fflush(stdout);
    std::fprintf(stderr, "%s\n", kNoOutputDeviceMessage);
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

const Command kDevicesCommand = {
    "devices", N_("list sound output and input devices"),
    N_("usage: graphony-cli devices\n\n"
       "Lists the sound output and input devices with their index, name, host (ALSA, JACK...),\n"
       "channels and default rate. Choose one for `play` with --device NAME|INDEX (a part of\n"
       "the name is enough) and --input NAME|INDEX.\n"
       "Exits 1 with \"no sound output device found; offline export still works\" when there is\n"
       "no output device.\n"),
    RunDevices};

}  // namespace graphony::cli
