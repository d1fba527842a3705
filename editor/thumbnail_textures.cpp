// ThumbnailTextures: the loader's RGBA thumbnails become smooth SFML textures, a few a frame.
#include "thumbnail_textures.h"

namespace graphony::editor {

void ThumbnailTextures::Upload() {
  for (auto& [key, thumb] : loader_.TakeFinished(kThumbnailUploadsPerFrame)) {
    std::unique_ptr<sf::Texture> texture;
    if (!thumb.rgba.empty()) {
      texture = std::make_unique<sf::Texture>();
      if (texture->create(static_cast<unsigned>(thumb.width),
                          static_cast<unsigned>(thumb.height))) {
        texture->update(thumb.rgba.data());
        texture->setSmooth(true);
      } else {
        texture.reset();  // the GPU refused: the icon shows instead
      }
    }
    cache_.Insert(key, std::move(texture));
  }
}

const sf::Texture* ThumbnailTextures::Get(const ThumbnailKey& key) {
  if (key.path.empty()) return nullptr;
  if (std::unique_ptr<sf::Texture>* t = cache_.Find(key)) return t->get();
  loader_.Request(key);
  return nullptr;
}

}  // namespace graphony::editor
