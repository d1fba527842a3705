// Picture decoding for scores: format sniffing, size planning, one memory budget for a score.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony {

// The memory budget for a score's decoded pictures: GRAPHONY_IMAGE_MEMORY_MB if set (a whole
// number of MiB, at least 1), else 1 GiB. Read once per process.
uint64_t ImageMemoryBudget();

// What a picture's header tells before any pixel is decoded.
struct PictureHeader {
  enum class Format { kPng, kJpeg } format = Format::kPng;
  int width = 0, height = 0;   // as stored
  int orientation = 1;         // EXIF orientation, 1..8 (JPEG only)
  bool interlaced = false;     // PNG Adam7: the full-size picture is held while decoding
  uint64_t working_bytes = 0;  // the JPEG decoder's own memory (progressive: the whole picture)
};

// Refuses formats we do not read (BMP, GIF, TIFF, WebP, HEIC...) with a hint to convert,
// damaged headers, and sizes beyond kMaxImageSide / kMaxImagePixels. Throws ScoreError.
PictureHeader ReadPictureHeader(const std::vector<uint8_t>& bytes, const std::string& where);

// The largest reduction (1, 2, 4 or 8) that still leaves the long side at least
// kDecodeLongSide and the short side at least kDecodeShortSide (or the picture's own size).
int NeededReduction(const PictureHeader& header);

// Bytes of the decoded RGBA picture at this reduction, and the peak while decoding it.
uint64_t PictureBytes(const PictureHeader& header, int reduction);
uint64_t PictureDecodeExtraBytes(const PictureHeader& header, int reduction);

// Decodes several pictures under one budget (decoded pixels of all of them, plus the working
// memory of the one being decoded). Each starts at NeededReduction; while the total does not
// fit, the largest is reduced further. Throws ScoreError naming `score_where` when even 1/8
// of everything does not fit, else the picture's own error.
std::vector<std::shared_ptr<const Image>> DecodePictures(
    const std::vector<const std::vector<uint8_t>*>& pictures,
    const std::vector<std::string>& wheres, uint64_t budget, const std::string& score_where);

// A small picture (file browser thumbnails): decoded at the largest reduction (1/2..1/8) that
// still leaves the long side at least `min_long_side` pixels, then averaged down by a whole
// factor so the long side lies in [min_long_side, 2 * min_long_side). Refused (ScoreError)
// when decoding would need more than `budget` bytes.
std::shared_ptr<const Image> DecodeThumbnail(const std::vector<uint8_t>& bytes,
                                             const std::string& where, int min_long_side,
                                             uint64_t budget);

namespace testing {
// Overrides ImageMemoryBudget() (0 restores it).
void SetImageMemoryBudgetForTesting(uint64_t bytes);
}  // namespace testing

}  // namespace graphony
