// Helpers for score-file tests: PNG test patterns, hand-built zips, a full score.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/score.h"
#include "support/temp_dir.h"  // TempDir

namespace graphony::test {

using Bytes = std::vector<uint8_t>;

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
