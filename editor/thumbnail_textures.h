// Thumbnails as textures for the views that show files (the file browser, the course
// timeline): asks the worker for them, turns a few finished ones into textures a frame, and
// keeps the recently shown ones.
#pragma once

#include <SFML/Graphics/Texture.hpp>
#include <memory>

#include "logic/thumbnail_cache.h"
#include "logic/thumbnail_loader.h"

namespace graphony::editor {

// Thread rules: [UI] only (textures live on the UI thread's GL context).
class ThumbnailTextures {
 public:
  explicit ThumbnailTextures(int max_side = 160) : loader_(max_side) {}
  // Call once a frame before drawing: up to kThumbnailUploadsPerFrame new textures.
  void Upload();
  // The texture of the file `key`, asking the worker for it when not made yet; null until it
  // is made, and for a file that cannot be shown (then the view draws an icon).
  const sf::Texture* Get(const ThumbnailKey& key);
  // The files asked for before are no longer wanted first (another folder is shown).
  void CancelPending() { loader_.CancelPending(); }
  size_t Busy() const { return loader_.Busy(); }

 private:
  ThumbnailLoader loader_;
  ThumbnailCache<std::unique_ptr<sf::Texture>> cache_;  // null: the file shows its icon
};

}  // namespace graphony::editor
