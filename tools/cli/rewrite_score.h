// Writing a changed score back over the file it came from, for the commands that edit one.
#pragma once

#include <filesystem>
#include <string>

#include "core/score_io.h"

namespace graphony::cli {

// A plain score.json stays a plain score.json; a bundle is rewritten as a bundle. Both
// atomically: a failure leaves the old file as it was. Throws ScoreError.
inline void RewriteScore(const Score& score, const std::filesystem::path& file) {
  if (file.extension() == ".json") {
    ValidateScore(score, file.string());
    const std::string json = ScoreToJson(score);
    WriteFileAtomically(file, json.data(), json.size());
  } else {
    SaveScore(score, file, file.parent_path());
  }
}

}  // namespace graphony::cli
