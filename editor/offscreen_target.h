// An off-screen colour target (GL framebuffer object + texture) that ImGui draw lists can be
// rendered into.
#pragma once

#include <SFML/Graphics/Texture.hpp>
#include <memory>

#include "imgui.h"

namespace graphony::editor {

// Used to cache the strokes of a layer: thousands of strokes cost llvmpipe ~1 s to
// rasterise, but one textured quad costs almost nothing. Render() draws `list` with
// ImGui's own OpenGL3 renderer into the texture; `origin` is the list's top-left.
class OffscreenTarget {
 public:
  OffscreenTarget();
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  // False when the driver has no framebuffer objects (the canvas then draws live).
  static bool Supported();
  bool Resize(unsigned width, unsigned height);
  // `clear` false draws over what the texture already holds (a tile drawn in passes).
  void Render(ImDrawList* list, ImVec2 origin, bool clear = true);
  // Makes the texture transparent.
  void Clear();
  // Texture handle for ImDrawList::AddImage; rows are bottom-up (use uv y from 1 to 0).
  ImTextureID Texture() const;
  unsigned Width() const { return width_; }
  unsigned Height() const { return height_; }

 private:
  std::unique_ptr<sf::Texture> texture_;
  unsigned fbo_ = 0;
  unsigned width_ = 0, height_ = 0;
};

}  // namespace graphony::editor
