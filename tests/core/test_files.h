// Helpers for score-file tests: temp folders, PNG encoding, hand-built zips, a full score.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/score.h"

namespace graphony::test {

using Bytes = std::vector<uint8_t>;

// A fresh folder under /tmp, removed with everything in it when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& Path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// A w x h PNG whose pixel (x, y) is (x*7, y*13, x+y, 255) mod 256 (easy to check after decoding).
Bytes MakePng(int width, int height);
// A w x h JPEG, left half red and right half blue; with an EXIF orientation tag if not 0.
Bytes MakeJpegHalves(int width, int height, int exif_orientation);
Bytes ReadBytes(const std::filesystem::path& path);
void WriteBytes(const std::filesystem::path& path, const Bytes& bytes);
void WriteText(const std::filesystem::path& path, const std::string& text);
// A zip with exactly these entries (names not checked, so unsafe names can be written).
void WriteZip(const std::filesystem::path& path,
              const std::vector<std::pair<std::string, Bytes>>& entries);
// The message LoadScore throws for `path`, or "" if it loads.
std::string LoadError(const std::filesystem::path& path);
// A score with every field set to something other than its default, image assets included.
Score FullScore();

}  // namespace graphony::test
