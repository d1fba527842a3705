// Fuzz target: a loaded score (bundle or score.json) through Interpret, the step every
// playback, export and print shares.
#include <cmath>
#include <cstdint>

#include "core/score_io.h"
#include "fuzz_util.h"
#include "interpret/interpret.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  graphony::fuzz::Setup();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const graphony::fuzz::MemoryFile file(data, size);
  graphony::Score score;
  try {
    score = graphony::LoadScore(file.Path());
  } catch (const graphony::ScoreError&) {
    return 0;
  }
  const graphony::Events events = graphony::Interpret(score);
  for (const auto& note : events.notes)
    if (!std::isfinite(note.start_beat) || !std::isfinite(note.pitch)) __builtin_trap();
  return 0;
}
