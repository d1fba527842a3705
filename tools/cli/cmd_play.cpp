// graphony-cli play: not built yet (its issue has not landed); says so and fails.
#include <cstdio>

#include "commands.h"

namespace graphony::cli {

static int RunPlay(Args&) {
  std::fprintf(stderr, "graphony-cli play: not available in this build yet\n");
  return kExitFailure;
}

const Command kPlayCommand = {"play", "(not available yet)", "usage: graphony-cli play\n", RunPlay};

}  // namespace graphony::cli
