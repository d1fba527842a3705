// Fuzz target: picture bytes through DecodeImage (format sniffing, libjpeg-turbo, libpng,
// EXIF orientation, reduction). A ScoreError is the expected answer to bad bytes.
#include <cstdint>
#include <vector>

#include "core/score_io.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  graphony::fuzz::Setup();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<uint8_t> bytes(data, data + size);
  try {
    const auto image = graphony::DecodeImage(bytes, "fuzz");
    // Touch every pixel so a wrong size shows up as an out-of-bounds read.
    unsigned sum = 0;
    for (uint8_t v : image->rgba) sum += v;
    if (image->rgba.size() != static_cast<size_t>(image->width) * image->height * 4)
      __builtin_trap();
    (void)sum;
  } catch (const graphony::ScoreError&) {
  }
  return 0;
}
