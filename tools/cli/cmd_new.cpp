// graphony-cli new: not built yet (its issue has not landed); says so and fails.
#include <cstdio>

#include "commands.h"

namespace graphony::cli {

static int RunNew(Args&) {
  std::fprintf(stderr, "graphony-cli new: not available in this build yet\n");
  return kExitFailure;
}

const Command kNewCommand = {"new", "(not available yet)", "usage: graphony-cli new\n", RunNew};

}  // namespace graphony::cli
