// The portfolio booklet of a course: cover, contents, one chapter per session (each score's
// pages as `print` makes them, then the session's poems), credits that honour consent, the
// list of recordings, and page numbers. One PDF, written atomically.
#pragma once

#include <filesystem>
#include <string>

namespace graphony {

struct PortfolioOptions {
  std::string paper = "a4";  // "a4" or "letter"
  std::string lilypond;      // as notation::PrintOptions::lilypond
};

struct PortfolioResult {
  int pages = 0;
  int sessions = 0;
  int scores = 0;
  int recordings = 0;
  bool engraved = true;  // every score's notation was engraved by LilyPond
};

// Throws ScoreError naming the course or `out`; an existing `out` is never damaged.
PortfolioResult PrintPortfolio(const std::filesystem::path& course_dir,
                               const std::filesystem::path& out, const PortfolioOptions& options);

}  // namespace graphony
