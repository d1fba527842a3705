// Printing a score for the group: graphic score, legend and engraved staff notation as PDF
// or SVG, drawn with cairo and pango; the staff notation comes from LilyPond.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/score.h"
#include "interpret/events.h"

namespace graphony::notation {

struct PrintOptions {
  std::string paper = "a4";  // "a4" or "letter"
  // Which pages, in this order: "graphic", "legend", "notation", "colour" (colour notation
  // for players who don't read staff notation, Figurenotes-compatible).
  std::vector<std::string> pages = {"graphic", "legend", "notation", "colour"};
  // The LilyPond program; empty = $GRAPHONY_LILYPOND, else "lilypond" on PATH.
  std::string lilypond;
  // Empty: the full score. "all": every part on its own pages; else the one part whose name
  // or instrument this is (case-insensitive). Applies to the notation and colour pages.
  std::string part;
  bool easy = false;  // `--level easy`: simplified parts for beginners (see NotationOptions)
  // The language the pages are printed in, for this print only (`--language`): a code from
  // i18n::Languages(). Empty: the score's `language`, else the language of whoever prints.
  std::string language;
};

struct PrintResult {
  int pages = 0;
  std::vector<std::filesystem::path> files;  // the PDF, or one SVG per page
  bool engraved = false;                     // LilyPond engraved the notation pages
  std::string engraving_problem;             // why not, when it did not
};

// Writes `out` (.pdf, or .svg: page 1 to OUT.svg, page n to OUT-n.svg) atomically, in the
// language PrintLanguage names (translated on this thread only; the UI keeps its own).
// Throws ScoreError naming `out` on failure; an existing file is never damaged.
PrintResult PrintScore(const Score& score, const Events& events, const std::filesystem::path& out,
                       const PrintOptions& options);

// The language a print of `score` with `options` uses: options.language, else
// score.language, else "" (the language of the thread that prints).
std::string PrintLanguage(const Score& score, const PrintOptions& options);

// Paper size in points (1/72 inch).
void PaperSize(const std::string& paper, double* width, double* height);

}  // namespace graphony::notation
