// graphony-cli export: not built yet (its issue has not landed); says so and fails.
#include <cstdio>

#include "commands.h"

namespace graphony::cli {

static int RunExport(Args&) {
  std::fprintf(stderr, "graphony-cli export: not available in this build yet\n");
  return kExitFailure;
}

const Command kExportCommand = {"export", "(not available yet)", "usage: graphony-cli export\n", RunExport};

}  // namespace graphony::cli
