// Makes file browser thumbnails on a worker thread: pictures decoded small (the engine's
// scaled decoding), scores as their bundle's picture with their strokes drawn over it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "logic/thumbnail_cache.h"

namespace graphony::editor {

struct Thumbnail {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // width * height * 4; empty when the file could not be shown
  std::string error;          // why not (a damaged picture, a foreign file)
};

// The thumbnail of one picture (.png, .jpg) or score (.graphony, score .json), its long side
// between max_side and 2 * max_side for pictures, max_side for scores. [any thread]; never
// throws: a file that cannot be shown gives an empty Thumbnail with `error` set.
Thumbnail MakeThumbnail(const std::filesystem::path& path, int max_side);

class ThumbnailLoader {
 public:
  explicit ThumbnailLoader(int max_side = 160);
  ~ThumbnailLoader();  // stops the worker after the thumbnail it is making
  ThumbnailLoader(const ThumbnailLoader&) = delete;
  ThumbnailLoader& operator=(const ThumbnailLoader&) = delete;

  // [UI] Asks for a thumbnail; the newest request is made first (it is what is on screen
  // now). Asking again for one already waiting or being made does nothing.
  void Request(const ThumbnailKey& key);
  // [UI] Forgets every request not yet started (the browser went to another folder).
  void CancelPending();
  // [UI] Up to `max` finished thumbnails, oldest first.
  std::vector<std::pair<ThumbnailKey, Thumbnail>> TakeFinished(size_t max);
  // [UI] Requests waiting or being made.
  size_t Busy() const;

 private:
  void Work();

  const int max_side_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<ThumbnailKey> waiting_;  // guarded by mutex_
  std::set<ThumbnailKey> busy_;       // waiting or being made; guarded by mutex_
  std::deque<std::pair<ThumbnailKey, Thumbnail>> finished_;  // guarded by mutex_
  bool stop_ = false;                                        // guarded by mutex_
  std::thread worker_;  // last: starts once everything above exists
};

}  // namespace graphony::editor
