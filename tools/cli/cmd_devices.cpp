// graphony-cli devices: not built yet (its issue has not landed); says so and fails.
#include <cstdio>

#include "commands.h"

namespace graphony::cli {

static int RunDevices(Args&) {
  std::fprintf(stderr, "graphony-cli devices: not available in this build yet\n");
  return kExitFailure;
}

const Command kDevicesCommand = {"devices", "(not available yet)", "usage: graphony-cli devices\n", RunDevices};

}  // namespace graphony::cli
