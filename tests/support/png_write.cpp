// PNG encoding (see png_write.h). stb is compiled here once, with its warnings silenced.
#include "support/png_write.h"

#include <fstream>
#include <stdexcept>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wswitch-enum"
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

namespace graphony::test {

std::vector<uint8_t> EncodePng(int width, int height, int channels,
                               const std::vector<uint8_t>& pixels) {
  if (width <= 0 || height <= 0 || channels < 1 || channels > 4 ||
      pixels.size() < static_cast<size_t>(width) * height * channels)
    throw std::invalid_argument("EncodePng: pixel buffer does not match the size");
  std::vector<uint8_t> png;
  stbi_write_png_to_func(
      [](void* ctx, void* data, int size) {
        auto* out = static_cast<std::vector<uint8_t>*>(ctx);
        out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
      },
      &png, width, height, channels, pixels.data(), width * channels);
  if (png.empty()) throw std::runtime_error("EncodePng: stb_image_write failed");
  return png;
}

void WritePng(const std::filesystem::path& path, int width, int height, int channels,
              const std::vector<uint8_t>& pixels) {
  const std::vector<uint8_t> png = EncodePng(width, height, channels, pixels);
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
}

}  // namespace graphony::test
