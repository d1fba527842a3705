// Fuzz target: a whole file through LoadScore (sniffing, zip bundle, score.json, pictures).
#include <cstdint>

#include "core/score_io.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  graphony::fuzz::Setup();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const graphony::fuzz::MemoryFile file(data, size);
  try {
    (void)graphony::LoadScore(file.Path());
  } catch (const graphony::ScoreError&) {
  }
  return 0;
}
