// Engraving staff notation with LilyPond in a private temp directory: PDF pages (fast; merged
// into our PDF with qpdf) or SVG pages (4x slower in LilyPond 2.24; drawn with librsvg).
#pragma once

#include <string>
#include <vector>

namespace graphony::notation {

struct Engraving {
  std::vector<std::string> pages;  // SVG documents, one per page (SVG backend)
  std::string pdf;                 // the whole PDF (PDF backend)
  int pdf_pages = 0;
  std::string problem;   // empty on success; else one line for the reader
  bool missing = false;  // LilyPond is not installed
};

// `program` is a path or a name looked up on PATH.
Engraving EngraveSvg(const std::string& lilypond_source, const std::string& program);
// PDF backend; needs qpdf (to count pages). `qpdf` is its path.
Engraving EngravePdf(const std::string& lilypond_source, const std::string& program,
                     const std::string& qpdf);

// Runs args[0] (a path) with stdin from /dev/null and stdout+stderr into `log`.
// Returns the exit code, or -1 if it could not run or was killed.
int RunProgram(std::vector<std::string> args, const std::string& log);

// Finds `program` (a path, or a name on PATH); empty when not found or not executable.
std::string FindProgram(const std::string& program);

}  // namespace graphony::notation
