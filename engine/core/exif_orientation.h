// Phone photos are stored sideways with an EXIF "orientation" tag; this reads and applies it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/score.h"

namespace graphony {

// The EXIF orientation (1..8) of JPEG bytes; 1 (as stored) when absent or unreadable.
int JpegExifOrientation(const std::vector<uint8_t>& bytes);

// Turns/mirrors decoded pixels so they look as the camera saw them. 1 returns a copy.
Image ApplyOrientation(const Image& stored, int orientation);

}  // namespace graphony
