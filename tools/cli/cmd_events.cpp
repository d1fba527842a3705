// graphony-cli events: not built yet (its issue has not landed); says so and fails.
#include <cstdio>

#include "commands.h"

namespace graphony::cli {

static int RunEvents(Args&) {
  std::fprintf(stderr, "graphony-cli events: not available in this build yet\n");
  return kExitFailure;
}

const Command kEventsCommand = {"events", "(not available yet)", "usage: graphony-cli events\n", RunEvents};

}  // namespace graphony::cli
