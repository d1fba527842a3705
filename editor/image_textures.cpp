// Image layer textures: downscale once, upload, mipmap; cached by image identity.
#include "image_textures.h"

#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <chrono>

namespace graphony::editor {

void DownscaleRgba(const Image& src, int max_side, int& out_w, int& out_h,
                   std::vector<uint8_t>& out) {
  const int long_side = std::max(src.width, src.height);
  if (long_side <= max_side) {
    out_w = src.width;
    out_h = src.height;
    out = src.rgba;
    return;
  }
  const double scale = static_cast<double>(max_side) / long_side;
  out_w = std::max(1, static_cast<int>(src.width * scale));
  out_h = std::max(1, static_cast<int>(src.height * scale));
  out.assign(static_cast<size_t>(out_w) * out_h * 4, 0);
  // Each output pixel averages the block of source pixels it covers.
  for (int y = 0; y < out_h; ++y) {
    const int sy0 = static_cast<int>(static_cast<int64_t>(y) * src.height / out_h);
    const int sy1 =
        std::max(sy0 + 1, static_cast<int>(static_cast<int64_t>(y + 1) * src.height / out_h));
    for (int x = 0; x < out_w; ++x) {
      const int sx0 = static_cast<int>(static_cast<int64_t>(x) * src.width / out_w);
      const int sx1 =
          std::max(sx0 + 1, static_cast<int>(static_cast<int64_t>(x + 1) * src.width / out_w));
      uint32_t acc[4] = {0, 0, 0, 0};
      for (int sy = sy0; sy < sy1; ++sy) {
        const uint8_t* row = &src.rgba[(static_cast<size_t>(sy) * src.width + sx0) * 4];
        for (int sx = sx0; sx < sx1; ++sx, row += 4) {
          acc[0] += row[0];
          acc[1] += row[1];
          acc[2] += row[2];
          acc[3] += row[3];
        }
      }
      const uint32_t n = static_cast<uint32_t>((sy1 - sy0) * (sx1 - sx0));
      uint8_t* o = &out[(static_cast<size_t>(y) * out_w + x) * 4];
      for (int c = 0; c < 4; ++c) o[c] = static_cast<uint8_t>(acc[c] / n);
    }
  }
}

ImTextureID ImageTextures::Get(const std::shared_ptr<const Image>& image) {
  if (!image || image->width <= 0 || image->height <= 0) return nullptr;
  auto it = entries_.find(image.get());
  if (it != entries_.end() && !it->second.image.expired())
    return reinterpret_cast<ImTextureID>(
        static_cast<intptr_t>(it->second.texture->getNativeHandle()));
  const auto t0 = std::chrono::steady_clock::now();
  const int max_side = std::min<int>(kMaxSide, static_cast<int>(sf::Texture::getMaximumSize()));
  int w = image->width, h = image->height;
  std::vector<uint8_t> pixels;
  // Most pictures are decoded at display size already (image_decode.h): uploaded as they are.
  const bool fits = std::max(w, h) <= max_side;
  if (!fits) DownscaleRgba(*image, max_side, w, h, pixels);
  auto texture = std::make_unique<sf::Texture>();
  if (!texture->create(static_cast<unsigned>(w), static_cast<unsigned>(h))) return nullptr;
  texture->update(fits ? image->rgba.data() : pixels.data());
  texture->setSmooth(true);  // linear filtering until EndFrame adds the mipmaps
  const GLuint handle = texture->getNativeHandle();
  entries_[image.get()] = Entry{image, std::move(texture)};
  last_build_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(handle));
}

void ImageTextures::EndFrame() {
  for (auto& [key, e] : entries_) {
    if (e.mipmapped || e.image.expired() || e.frames++ < 1) continue;
    e.texture->generateMipmap();  // keeps a zoomed-out photo from shimmering
    e.mipmapped = true;
  }
}

void ImageTextures::ForgetUnused() {
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.image.expired())
      it = entries_.erase(it);
    else
      ++it;
  }
}

}  // namespace graphony::editor
