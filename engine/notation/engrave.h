// Engraving staff notation with LilyPond: runs `lilypond -dbackend=svg` in a private temp
// directory and returns the pages as SVG text.
#pragma once

#include <string>
#include <vector>

namespace graphony::notation {

struct Engraving {
  std::vector<std::string> pages;  // SVG documents, one per page
  std::string problem;             // empty on success; else one line for the reader
  bool missing = false;            // LilyPond is not installed
};

// `program` is a path or a name looked up on PATH.
Engraving EngraveSvg(const std::string& lilypond_source, const std::string& program);

// Finds `program` (a path, or a name on PATH); empty when not found or not executable.
std::string FindProgram(const std::string& program);

}  // namespace graphony::notation
