// Test helper: renders a hand-made staircase score to a file, for third-party checks.
//   synth_fixture INSTRUMENT OUT.wav
#include <cstdio>

#include "synth_events.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: synth_fixture INSTRUMENT OUT.wav\n");
    return 2;
  }
  try {
    graphony::RenderToFile(graphony::test::Staircase(argv[1]), argv[2], graphony::test::Dry(),
                           graphony::FileOptions{});
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
