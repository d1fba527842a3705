// Decoding PNG/JPEG/BMP with stb_image, checking dimensions before any pixel is allocated.
#include <cstdio>
#include <fstream>
#include <iterator>

#include "core/limits.h"
#include "core/score_io.h"

// Only the three formats we promise, compiled as static functions so no other part of the
// program (the editor may use stb too) can clash with these symbols.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#define STBI_NO_STDIO
#define STBI_NO_HDR
#define STBI_NO_LINEAR
#define STBI_MAX_DIMENSIONS (1 << 24)
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wswitch-enum"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#endif
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace graphony {

std::shared_ptr<const Image> DecodeImage(const std::vector<uint8_t>& bytes,
                                         const std::string& where) {
  if (bytes.empty()) throw ScoreError(where + ": image file is empty");
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    throw ScoreError(where + ": image file is too large");
  const auto* data = bytes.data();
  const int size = static_cast<int>(bytes.size());
  int width = 0, height = 0, channels = 0;
  // The header alone tells the size: refuse huge images before decoding allocates them.
  if (!stbi_info_from_memory(data, size, &width, &height, &channels))
    throw ScoreError(where + ": not a readable PNG, JPEG or BMP image (" +
                     stbi_failure_reason() + ")");
  if (width <= 0 || height <= 0)
    throw ScoreError(where + ": image has no pixels");
  if (width > kMaxImageSide || height > kMaxImageSide)
    throw ScoreError(where + ": image is " + std::to_string(width) + "x" +
                     std::to_string(height) + " pixels; each side must be at most " +
                     std::to_string(kMaxImageSide));
  if (static_cast<uint64_t>(width) * static_cast<uint64_t>(height) > kMaxImagePixels)
    throw ScoreError(where + ": image is " + std::to_string(width) + "x" +
                     std::to_string(height) + " pixels; at most " +
                     std::to_string(kMaxImagePixels / 1'000'000) + " million pixels are allowed");
  int w = 0, h = 0;
  stbi_uc* pixels = stbi_load_from_memory(data, size, &w, &h, &channels, 4);
  if (!pixels)
    throw ScoreError(where + ": corrupt image (" + std::string(stbi_failure_reason()) + ")");
  auto image = std::make_shared<Image>();
  image->width = w;
  image->height = h;
  image->rgba.assign(pixels, pixels + static_cast<size_t>(w) * h * 4);
  stbi_image_free(pixels);
  return image;
}

std::shared_ptr<const Image> LoadImageFile(const std::filesystem::path& path) {
  const std::string where = path.string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw ScoreError(where + ": cannot read image (" + ec.message() + ")");
  if (size > MaxEntryBytes()) throw ScoreError(where + ": image file is too large");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScoreError(where + ": cannot open image");
  std::vector<uint8_t> bytes(size);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
  if (static_cast<uint64_t>(in.gcount()) != size) throw ScoreError(where + ": cannot read image");
  return DecodeImage(bytes, where);
}

}  // namespace graphony
