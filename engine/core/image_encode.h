// Writing PNG (libpng) and JPEG (libjpeg-turbo) bytes, for tests, the demo, benchmarks, fuzz seeds.
#pragma once

#include <cstdint>
#include <vector>

namespace graphony {

// 8-bit RGBA rows, top first. Throws std::runtime_error if the library fails.
std::vector<uint8_t> EncodePng(const uint8_t* rgba, int width, int height);
// 8-bit RGB rows, top first; quality 1..100; progressive if asked.
std::vector<uint8_t> EncodeJpeg(const uint8_t* rgb, int width, int height, int quality,
                                bool progressive = false);

}  // namespace graphony
