// GPU textures for image layers: one downscaled, mipmapped texture per decoded image.
#pragma once

#include <SFML/Graphics/Texture.hpp>
#include <map>
#include <memory>

#include "core/score.h"
#include "imgui.h"

namespace graphony::editor {

// Big photos (5000x3000 and up) are box-filtered down to at most kMaxSide on the long
// edge once, when first shown; the canvas rarely needs more and old GPUs cap textures.
class ImageTextures {
 public:
  static constexpr int kMaxSide = 4096;

  // The texture for `image`, creating it if needed; null if the GPU refused.
  ImTextureID Get(const std::shared_ptr<const Image>& image);
  // Drops textures whose image no longer appears in the score (and its undo history).
  void ForgetUnused();
  // After each frame: a texture made in an earlier frame gets its mipmaps now (built lazily,
  // so the first frame shows the picture without waiting for them).
  void EndFrame();
  // For the benchmark: milliseconds spent building the last texture.
  double LastBuildMs() const { return last_build_ms_; }

 private:
  struct Entry {
    std::weak_ptr<const Image> image;
    std::unique_ptr<sf::Texture> texture;
    int frames = 0;  // frames ended since it was made
    bool mipmapped = false;
  };
  std::map<const Image*, Entry> entries_;
  double last_build_ms_ = 0;
};

// Box-filters RGBA pixels to fit within max_side (exposed for tests and the benchmark).
void DownscaleRgba(const Image& src, int max_side, int& out_w, int& out_h,
                   std::vector<uint8_t>& out);

}  // namespace graphony::editor
