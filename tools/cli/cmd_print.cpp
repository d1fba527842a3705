// graphony-cli print: not built yet (its issue has not landed); says so and fails.
#include <cstdio>

#include "commands.h"

namespace graphony::cli {

static int RunPrint(Args&) {
  std::fprintf(stderr, "graphony-cli print: not available in this build yet\n");
  return kExitFailure;
}

const Command kPrintCommand = {"print", "(not available yet)", "usage: graphony-cli print\n", RunPrint};

}  // namespace graphony::cli
