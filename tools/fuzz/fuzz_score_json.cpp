// Fuzz target: score.json text through ScoreFromJson (parse, then ValidateScore), and a
// round trip of whatever it accepts.
#include <cstdint>
#include <string>

#include "core/score_io.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  graphony::fuzz::Setup();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const graphony::Score score = graphony::ScoreFromJson(text, "fuzz");
    // What we accept we must write and read back the same.
    const graphony::Score again = graphony::ScoreFromJson(graphony::ScoreToJson(score), "again");
    if (!(again == score)) __builtin_trap();
  } catch (const graphony::ScoreError&) {
  }
  return 0;
}
