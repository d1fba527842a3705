// graphony-cli info: not built yet (its issue has not landed); says so and fails.
#include <cstdio>

#include "commands.h"

namespace graphony::cli {

static int RunInfo(Args&) {
  std::fprintf(stderr, "graphony-cli info: not available in this build yet\n");
  return kExitFailure;
}

const Command kInfoCommand = {"info", "(not available yet)", "usage: graphony-cli info\n", RunInfo};

}  // namespace graphony::cli
