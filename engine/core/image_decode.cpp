// Decoding PNG/JPEG/BMP with stb_image, checking dimensions before any pixel is allocated.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "core/exif_orientation.h"
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

namespace {

// Width and height from a PNG's IHDR, for when stb refuses the header as too large to
// even describe: the person still learns the size that was refused.
bool PngSize(const std::vector<uint8_t>& b, uint32_t& width, uint32_t& height) {
  static const uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
  if (b.size() < 24 || !std::equal(kSignature, kSignature + 8, b.begin()) ||
      std::string(b.begin() + 12, b.begin() + 16) != "IHDR")
    return false;
  auto be32 = [&](size_t at) {
    return uint32_t(b[at]) << 24 | uint32_t(b[at + 1]) << 16 | uint32_t(b[at + 2]) << 8 | b[at + 3];
  };
  width = be32(16);
  height = be32(20);
  return true;
}

std::string SizeText(uint64_t width, uint64_t height) {
  return "image is " + std::to_string(width) + "x" + std::to_string(height) + " pixels; ";
}

void CheckSize(uint64_t width, uint64_t height, const std::string& where) {
  if (width > static_cast<uint64_t>(kMaxImageSide) || height > static_cast<uint64_t>(kMaxImageSide))
    throw ScoreError(where + ": " + SizeText(width, height) + "each side must be at most " +
                     std::to_string(kMaxImageSide));
  if (width * height > kMaxImagePixels)
    throw ScoreError(where + ": " + SizeText(width, height) + "at most " +
                     std::to_string(kMaxImagePixels / 1'000'000) + " million pixels are allowed");
}

}  // namespace

std::shared_ptr<const Image> DecodeImage(const std::vector<uint8_t>& bytes,
                                         const std::string& where) {
  if (bytes.empty()) throw ScoreError(where + ": image file is empty");
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    throw ScoreError(where + ": image file is too large");
  const auto* data = bytes.data();
  const int size = static_cast<int>(bytes.size());
  int width = 0, height = 0, channels = 0;
  // The header alone tells the size: refuse huge images before decoding allocates them.
  if (!stbi_info_from_memory(data, size, &width, &height, &channels)) {
    uint32_t png_width = 0, png_height = 0;
    if (PngSize(bytes, png_width, png_height)) CheckSize(png_width, png_height, where);
    throw ScoreError(where + ": not a readable PNG, JPEG or BMP image (" + stbi_failure_reason() +
                     ")");
  }
  if (width <= 0 || height <= 0) throw ScoreError(where + ": image has no pixels");
  CheckSize(static_cast<uint64_t>(width), static_cast<uint64_t>(height), where);
  int w = 0, h = 0;
  stbi_uc* pixels = stbi_load_from_memory(data, size, &w, &h, &channels, 4);
  if (!pixels)
    throw ScoreError(where + ": corrupt image (" + std::string(stbi_failure_reason()) + ")");
  auto image = std::make_shared<Image>();
  image->width = w;
  image->height = h;
  image->rgba.assign(pixels, pixels + static_cast<size_t>(w) * h * 4);
  stbi_image_free(pixels);
  // Phone photos of paintings are usually stored sideways with an orientation tag.
  const int orientation = JpegExifOrientation(bytes);
  if (orientation != 1) *image = ApplyOrientation(*image, orientation);
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
