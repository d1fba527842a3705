// PNG decoding with libpng: header first, then row-by-row decoding reduced 1/2, 1/4 or 1/8.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony {

struct PngHeader {
  int width = 0, height = 0;
  bool interlaced = false;  // Adam7: rows come in 7 passes, so the full picture is held once
};

bool LooksLikePng(const std::vector<uint8_t>& bytes);

// Reads the IHDR chunk only (so the size can be refused before anything else is read).
// Throws ScoreError "<where>: the picture is damaged (...)".
PngHeader ReadPngHeader(const std::vector<uint8_t>& bytes, const std::string& where);

// Decodes to 8-bit RGBA, each output pixel the average of a reduction x reduction block
// (1, 2, 4 or 8; sizes round up). Non-interlaced pictures are reduced row by row, so the
// full-size picture never exists in memory. Any damage throws ScoreError.
Image DecodePng(const std::vector<uint8_t>& bytes, const std::string& where, int reduction);

// Averages reduction x reduction blocks (edge blocks partial); used for interlaced PNGs.
Image ReduceImage(const Image& full, int reduction);

}  // namespace graphony
