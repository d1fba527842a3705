// Thumbnail cache policy for the file browser: entries keyed by path + modification time +
// size (an edited file gets a new thumbnail), the least recently shown dropped first, and a
// small upload budget per frame so a big folder never stalls a frame. No UI; unit tested.
#pragma once

#include <cstdint>
#include <filesystem>
#include <list>
#include <map>
#include <string>
#include <tuple>
#include <utility>

namespace graphony::editor {

struct ThumbnailKey {
  std::string path;
  int64_t mtime_ns = 0;
  uint64_t size = 0;
  bool operator<(const ThumbnailKey& o) const {
    return std::tie(path, mtime_ns, size) < std::tie(o.path, o.mtime_ns, o.size);
  }
  bool operator==(const ThumbnailKey& o) const {
    return path == o.path && mtime_ns == o.mtime_ns && size == o.size;
  }
};

// The key of a file as it is now; path empty when it cannot be read (gone, no permission).
ThumbnailKey KeyOf(const std::filesystem::path& path);

// How many finished thumbnails become textures per frame: each upload of a ~160 px picture
// costs well under a millisecond, so a few keep the frame smooth and fill a page quickly.
inline constexpr int kThumbnailUploadsPerFrame = 4;
// Textures kept: a few screens' worth of a big folder (about 100 KB of GPU memory each).
inline constexpr size_t kThumbnailCacheCapacity = 256;

// Least recently used cache. [UI] only. Value is whatever the view keeps (a texture).
template <typename Value>
class ThumbnailCache {
 public:
  explicit ThumbnailCache(size_t capacity = kThumbnailCacheCapacity) : capacity_(capacity) {}

  // The value for `key`, marked as just used; null when absent.
  Value* Find(const ThumbnailKey& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->second;
  }
  bool Contains(const ThumbnailKey& key) const { return index_.count(key) > 0; }
  // Adds or replaces; the least recently used entries beyond the capacity are dropped.
  void Insert(const ThumbnailKey& key, Value value) {
    auto it = index_.find(key);
    if (it != index_.end()) {
      it->second->second = std::move(value);
      order_.splice(order_.begin(), order_, it->second);
      return;
    }
    order_.emplace_front(key, std::move(value));
    index_[key] = order_.begin();
    while (order_.size() > capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }
  size_t Size() const { return order_.size(); }

 private:
  size_t capacity_;
  std::list<std::pair<ThumbnailKey, Value>> order_;  // most recently used first
  std::map<ThumbnailKey, typename std::list<std::pair<ThumbnailKey, Value>>::iterator> index_;
};

}  // namespace graphony::editor
