// graphony-cli validate: not built yet (its issue has not landed); says so and fails.
#include <cstdio>

#include "commands.h"

namespace graphony::cli {

static int RunValidate(Args&) {
  std::fprintf(stderr, "graphony-cli validate: not available in this build yet\n");
  return kExitFailure;
}

const Command kValidateCommand = {"validate", "(not available yet)", "usage: graphony-cli validate\n", RunValidate};

}  // namespace graphony::cli
