// Thumbnails: small decoding of pictures, a score drawn small (its picture, then its strokes),
// and the worker thread that makes them newest-request-first.
#include "logic/thumbnail_loader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <system_error>

#include "core/file_io.h"
#include "core/i18n.h"
#include "core/image_decode.h"
#include "core/limits.h"
#include "core/picture_shape.h"
#include "core/score_io.h"
#include "core/zip_bundle.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

// A thumbnail may take this much memory to decode; a bigger picture shows its icon only.
constexpr uint64_t kDecodeBudget = 256ull << 20;
// Pictures of one score drawn into its thumbnail (the first few are what shows anyway).
constexpr int kMaxScorePictures = 4;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Thumbnail FromImage(const Image& image) {
  Thumbnail t;
  t.width = image.width;
  t.height = image.height;
  t.rgba = image.rgba;
  return t;
}

// The score's score.json and the bytes of the files it names, without decoding any picture
// at full size (LoadScore would decode them for playing).
Score ReadScoreSmall(const fs::path& path, const std::string& where) {
  if (Lower(path.extension().string()) == ".json") {
    const std::vector<uint8_t> bytes = ReadFileBytes(path, where, 64ull << 20);
    Score score = ScoreFromJson(std::string(bytes.begin(), bytes.end()), where);
    for (const Layer& layer : score.layers) {
      const std::string& file = layer.image.file;
      if (layer.kind != Layer::Kind::kImage || file.empty() || file.find("..") != std::string::npos)
        continue;
      std::error_code ec;
      if (!fs::is_regular_file(path.parent_path() / file, ec)) continue;
      score.assets.files[file] = std::make_shared<const std::vector<uint8_t>>(
          ReadFileBytes(path.parent_path() / file, where + ": " + file, MaxEntryBytes()));
    }
    return score;
  }
  BundleEntries entries = ReadZipBundle(path, where);
  auto json = entries.find("score.json");
  if (json == entries.end()) throw ScoreError(where + _(": no score.json inside"));
  Score score = ScoreFromJson(std::string(json->second->begin(), json->second->end()), where);
  entries.erase(json);
  score.assets.files = std::move(entries);
  return score;
}

void Blend(std::vector<uint8_t>& rgba, int w, int h, int x, int y, Color c, float alpha) {
  if (x < 0 || y < 0 || x >= w || y >= h) return;
  uint8_t* p = &rgba[(static_cast<size_t>(y) * w + x) * 4];
  const float a = alpha * (c.a / 255.f);
  p[0] = static_cast<uint8_t>(p[0] + (c.r - p[0]) * a);
  p[1] = static_cast<uint8_t>(p[1] + (c.g - p[1]) * a);
  p[2] = static_cast<uint8_t>(p[2] + (c.b - p[2]) * a);
}

void Disc(std::vector<uint8_t>& rgba, int w, int h, float cx, float cy, float r, Color c) {
  const int x0 = static_cast<int>(std::floor(cx - r)), x1 = static_cast<int>(std::ceil(cx + r));
  const int y0 = static_cast<int>(std::floor(cy - r)), y1 = static_cast<int>(std::ceil(cy + r));
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const float dx = x + 0.5f - cx, dy = y + 0.5f - cy;
      if (dx * dx + dy * dy <= r * r) Blend(rgba, w, h, x, y, c, 1.f);
    }
}

Thumbnail ScoreThumbnail(const fs::path& path, int max_side) {
  const std::string where = path.filename().string();
  Score score = ReadScoreSmall(path, where);
  // Each picture decoded small; its shape gives the surface its shape (as on the canvas).
  std::map<std::string, std::shared_ptr<const Image>> decoded;
  for (Layer& layer : score.layers) {
    if (layer.kind != Layer::Kind::kImage) continue;
    auto found = decoded.find(layer.image.file);
    if (found == decoded.end() && static_cast<int>(decoded.size()) < kMaxScorePictures) {
      auto asset = score.assets.files.find(layer.image.file);
      std::shared_ptr<const Image> image;
      if (asset != score.assets.files.end()) {
        try {
          image = DecodeThumbnail(*asset->second, where, max_side, kDecodeBudget);
        } catch (const std::exception&) {
          // A damaged picture inside: the strokes still show.
        }
      }
      found = decoded.emplace(layer.image.file, image).first;
    }
    if (found != decoded.end()) layer.image.pixels = found->second;
  }
  const double beats = std::max(1.0, score.length_beats);
  const double per_height = BeatsPerHeight(score);
  // No picture: the surface has no shape of its own; a landscape page reads best.
  const double aspect = std::clamp(per_height > 0 ? beats / per_height : 1.6, 0.5, 4.0);
  Thumbnail t;
  t.width = aspect >= 1 ? max_side : std::max(1, static_cast<int>(std::lround(max_side * aspect)));
  t.height = aspect >= 1 ? std::max(1, static_cast<int>(std::lround(max_side / aspect))) : max_side;
  const int w = t.width, h = t.height;
  t.rgba.assign(static_cast<size_t>(w) * h * 4, 0);
  for (size_t i = 0; i < t.rgba.size(); i += 4) {  // paper
    t.rgba[i] = 244, t.rgba[i + 1] = 241, t.rgba[i + 2] = 234, t.rgba[i + 3] = 255;
  }
  auto px = [&](double beat) { return static_cast<float>(beat / beats * w); };
  auto py = [&](double height) { return static_cast<float>((1.0 - height) * h); };
  for (const Layer& layer : score.layers) {
    if (!layer.visible) continue;
    if (layer.kind == Layer::Kind::kImage) {
      const Image* image = layer.image.pixels.get();
      if (!image || image->width <= 0 || image->height <= 0) continue;
      const float x0 = px(layer.image.start_beat),
                  x1 = px(layer.image.start_beat + layer.image.length_beats);
      const float y0 = py(layer.image.top), y1 = py(layer.image.bottom);
      if (x1 - x0 < 0.5f || y1 - y0 < 0.5f) continue;
      for (int y = std::max(0, static_cast<int>(y0)); y < std::min(h, static_cast<int>(y1)); ++y)
        for (int x = std::max(0, static_cast<int>(x0)); x < std::min(w, static_cast<int>(x1));
             ++x) {
          const int sx = std::clamp(static_cast<int>((x + 0.5f - x0) / (x1 - x0) * image->width), 0,
                                    image->width - 1);
          const int sy = std::clamp(static_cast<int>((y + 0.5f - y0) / (y1 - y0) * image->height),
                                    0, image->height - 1);
          const uint8_t* s = &image->rgba[(static_cast<size_t>(sy) * image->width + sx) * 4];
          Blend(t.rgba, w, h, x, y, Color{s[0], s[1], s[2], s[3]}, layer.image.opacity);
        }
      continue;
    }
    for (const Stroke& stroke : layer.strokes.strokes) {
      const float r = std::max(1.f, stroke.width * h * 0.5f);
      for (size_t i = 0; i < stroke.points.size(); ++i) {
        const StrokePoint& b = stroke.points[i];
        const StrokePoint& a = stroke.points[i == 0 ? 0 : i - 1];
        const float ax = px(a.beat), ay = py(a.height), bx = px(b.beat), by = py(b.height);
        const float len = std::hypot(bx - ax, by - ay);
        const int steps = std::min(4096, std::max(1, static_cast<int>(len / (r * 0.5f))));
        for (int k = 1; k <= steps; ++k) {
          const float f = static_cast<float>(k) / steps;
          Disc(t.rgba, w, h, ax + (bx - ax) * f, ay + (by - ay) * f, r, stroke.color);
        }
      }
    }
  }
  return t;
}

}  // namespace

Thumbnail MakeThumbnail(const fs::path& path, int max_side) {
  const std::string ext = Lower(path.extension().string());
  try {
    if (ext == ".png" || ext == ".jpg" || ext == ".jpeg") {
      const std::string where = path.filename().string();
      const std::vector<uint8_t> bytes = ReadFileBytes(path, where, MaxEntryBytes());
      return FromImage(*DecodeThumbnail(bytes, where, max_side, kDecodeBudget));
    }
    if (ext == ".graphony" || ext == ".json") return ScoreThumbnail(path, max_side);
    Thumbnail t;
    t.error = path.filename().string() + _(": no thumbnail for this kind of file");
    return t;
  } catch (const std::exception& e) {
    Thumbnail t;
    t.error = e.what();
    return t;
  }
}

ThumbnailKey KeyOf(const fs::path& path) {
  ThumbnailKey key;
  std::error_code ec;
  const auto time = fs::last_write_time(path, ec);
  if (ec) return key;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) return key;
  key.path = path.string();
  key.mtime_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
  key.size = size;
  return key;
}

ThumbnailLoader::ThumbnailLoader(int max_side) : max_side_(max_side), worker_([this] { Work(); }) {}

ThumbnailLoader::~ThumbnailLoader() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    waiting_.clear();
  }
  wake_.notify_all();
  worker_.join();
}

void ThumbnailLoader::Request(const ThumbnailKey& key) {
  if (key.path.empty()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!busy_.insert(key).second) return;
    waiting_.push_back(key);
  }
  wake_.notify_one();
}

void ThumbnailLoader::CancelPending() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const ThumbnailKey& key : waiting_) busy_.erase(key);
  waiting_.clear();
}

std::vector<std::pair<ThumbnailKey, Thumbnail>> ThumbnailLoader::TakeFinished(size_t max) {
  std::vector<std::pair<ThumbnailKey, Thumbnail>> out;
  std::lock_guard<std::mutex> lock(mutex_);
  while (!finished_.empty() && out.size() < max) {
    out.push_back(std::move(finished_.front()));
    finished_.pop_front();
  }
  return out;
}

size_t ThumbnailLoader::Busy() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return busy_.size();
}

void ThumbnailLoader::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || !waiting_.empty(); });
    if (stop_) return;
    const ThumbnailKey key = waiting_.back();  // the newest: what the person looks at now
    waiting_.pop_back();
    lock.unlock();
    Thumbnail thumb = MakeThumbnail(key.path, max_side_);
    lock.lock();
    busy_.erase(key);
    finished_.emplace_back(key, std::move(thumb));
  }
}

}  // namespace graphony::editor
