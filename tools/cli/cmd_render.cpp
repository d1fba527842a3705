// graphony-cli render: not built yet (its issue has not landed); says so and fails.
#include <cstdio>

#include "commands.h"

namespace graphony::cli {

static int RunRender(Args&) {
  std::fprintf(stderr, "graphony-cli render: not available in this build yet\n");
  return kExitFailure;
}

const Command kRenderCommand = {"render", "(not available yet)", "usage: graphony-cli render\n", RunRender};

}  // namespace graphony::cli
