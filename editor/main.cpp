// graphony: the editor. `graphony [FILE] [--bench-frames N]`; needs an X display.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "app.h"
#ifdef GRAPHONY_ALLOCATION_COUNTER  // only the benchmark build, tools/bench/editor/graphony-bench
#include "alloc_count.h"
#endif

int main(int argc, char** argv) {
  graphony::editor::AppOptions options;
  options.started = std::chrono::steady_clock::now();
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0) {
      std::printf(
          "usage: graphony [FILE.graphony] [--bench-frames N]\n"
          "Opens the Graphony editor. FILE may not exist yet: Ctrl+S then saves there.\n");
      return 0;
    }
    if (std::strcmp(a, "--bench-frames") == 0) {
      if (i + 1 >= argc || std::atoi(argv[i + 1]) <= 0) {
        std::fprintf(stderr, "graphony: --bench-frames needs a positive number\n");
        return 2;
      }
      options.bench_frames = std::atoi(argv[++i]);
      continue;
    }
    if (a[0] == '-' && a[1] != '\0') {
      std::fprintf(stderr, "graphony: unknown option %s (try --help)\n", a);
      return 2;
    }
    if (!options.file.empty()) {
      std::fprintf(stderr, "graphony: give at most one score file\n");
      return 2;
    }
    options.file = a;
  }
  // SFML aborts without a display; say why instead.
  const char* display = std::getenv("DISPLAY");
  if (!display || !*display) {
    std::fprintf(stderr,
                 "graphony: no display found (DISPLAY is not set); the editor needs a screen. "
                 "graphony-cli works without one.\n");
    return 1;
  }
#ifdef GRAPHONY_ALLOCATION_COUNTER
  graphony::editor::InstallImGuiAllocationCounter();
  options.allocation_count = &graphony::editor::AllocationCount;
#endif
  graphony::editor::App app;
  return app.Run(options);
}
