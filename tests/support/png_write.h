// PNG encoding for tests that need a picture file (stb_image_write, a second decoder's view).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace graphony::test {

// PNG bytes of `width` x `height` pixels, `channels` (1..4) bytes each, rows top to bottom.
std::vector<uint8_t> EncodePng(int width, int height, int channels,
                               const std::vector<uint8_t>& pixels);
// The same, written to `path`; throws std::runtime_error "<path>: <problem>".
void WritePng(const std::filesystem::path& path, int width, int height, int channels,
              const std::vector<uint8_t>& pixels);

}  // namespace graphony::test
