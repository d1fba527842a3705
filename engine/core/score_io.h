// Loading, validating and saving scores: .graphony bundles (zip) and plain score.json files.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony {

// Every user-facing failure. what() is one line naming the file and the problem, e.g.
// "demo.graphony: score.json: tempo must be between 20 and 400 bpm (got 900)".
struct ScoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Opens a .graphony bundle or a plain score.json (image paths relative to it), validates
// it and decodes its images into ImageLayer::pixels, all within ImageMemoryBudget(). A plain
// score.json may only name regular files inside its folder (no symlinks, FIFOs, devices).
// Throws ScoreError for every failure, including ones from the libraries underneath.
Score LoadScore(const std::filesystem::path& path);

// Parses score.json text (no images decoded). `where` prefixes error messages.
Score ScoreFromJson(const std::string& json_text, const std::string& where);
std::string ScoreToJson(const Score& score);  // stable, pretty-printed, format-versioned

// Checks ranges and references; throws ScoreError with `where` as the prefix.
void ValidateScore(const Score& score, const std::string& where);

// Writes a .graphony bundle atomically (temp file in the same directory, fsync, rename):
// on any failure the previous file is untouched. Image layers whose file is not yet in
// score.assets are read from disk (relative to `source_dir`) and added. Throws ScoreError.
void SaveScore(const Score& score, const std::filesystem::path& path,
               const std::filesystem::path& source_dir = {});

// Decodes PNG/JPEG bytes (libpng, libjpeg-turbo), bounded by kMaxImageSide/kMaxImagePixels,
// at the reduced size interpretation and display need (image_decode.h), within `budget`
// bytes (0: ImageMemoryBudget()). `where` prefixes errors; other formats are refused with a
// hint to convert them.
std::shared_ptr<const Image> DecodeImage(const std::vector<uint8_t>& bytes,
                                         const std::string& where, uint64_t budget = 0);
std::shared_ptr<const Image> LoadImageFile(const std::filesystem::path& path);

// Writes bytes to `path` atomically (temp + fsync + rename). Throws ScoreError.
void WriteFileAtomically(const std::filesystem::path& path, const void* data, size_t size);

}  // namespace graphony
