// JPEG decoding with libjpeg-turbo: header first, then scaled decoding (1/2, 1/4, 1/8) to RGBA.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony {

struct JpegHeader {
  int width = 0, height = 0;  // as stored (before EXIF orientation)
  bool progressive = false;   // libjpeg then keeps every coefficient of the picture in memory
  int components = 3;
};

bool LooksLikeJpeg(const std::vector<uint8_t>& bytes);

// Reads the header only. Throws ScoreError "<where>: the picture is damaged (...)".
JpegHeader ReadJpegHeader(const std::vector<uint8_t>& bytes, const std::string& where);

// Libjpeg's own working memory for a picture: the whole-picture coefficient buffer of a
// progressive JPEG (2 bytes per coefficient), rows otherwise. An estimate for the budget.
uint64_t JpegWorkingBytes(const JpegHeader& header);

// Decodes to RGBA at 1/reduction of the stored size (reduction 1, 2, 4 or 8; sizes round
// up). Libjpeg may use at most `working_limit` bytes of its own. Any damage, including data
// that ends early or a Huffman table that is bad or never defined, throws ScoreError.
Image DecodeJpeg(const std::vector<uint8_t>& bytes, const std::string& where, int reduction,
                 uint64_t working_limit);

}  // namespace graphony
