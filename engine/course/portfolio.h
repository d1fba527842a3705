// The portfolio booklet of a course: cover, contents, one chapter per session (each score's
// pages as `print` makes them, then the session's poems), credits that honour consent, the
// list of recordings, and page numbers. One PDF, written atomically.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>

namespace graphony {

struct PortfolioOptions {
  std::string paper = "a4";  // "a4" or "letter"
  std::string lilypond;      // as notation::PrintOptions::lilypond
  // Called on the printing thread with the share done (0..1) after each score (the editor's
  // progress bar); may be empty.
  std::function<void(double)> progress;
  // Set (by another thread) to stop between scores: PrintPortfolio throws RenderCancelled.
  const std::atomic<bool>* cancel = nullptr;
};

struct PortfolioResult {
  int pages = 0;
  int sessions = 0;
  int scores = 0;
  int recordings = 0;
  bool engraved = true;  // every score's notation was engraved by LilyPond
};

// Throws ScoreError naming the course or `out` (RenderCancelled when cancelled); an existing
// `out` is never damaged.
PortfolioResult PrintPortfolio(const std::filesystem::path& course_dir,
                               const std::filesystem::path& out, const PortfolioOptions& options);

}  // namespace graphony
