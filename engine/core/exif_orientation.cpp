// Reading and applying EXIF orientation (see exif_orientation.h). Every offset read from the
// file is bounds-checked: the tag comes from untrusted bytes.
#include "core/exif_orientation.h"

#include <cstring>

namespace graphony {

namespace {

// Reads the orientation tag from a TIFF structure (the body of an Exif APP1 segment).
int TiffOrientation(const uint8_t* tiff, size_t size) {
  if (size < 8) return 1;
  const bool little = tiff[0] == 'I' && tiff[1] == 'I';
  const bool big = tiff[0] == 'M' && tiff[1] == 'M';
  if (!little && !big) return 1;
  auto u16 = [&](size_t at) -> uint32_t {
    return little ? tiff[at] | tiff[at + 1] << 8 : tiff[at] << 8 | tiff[at + 1];
  };
  auto u32 = [&](size_t at) -> uint32_t {
    return little ? u16(at) | u16(at + 2) << 16 : u16(at) << 16 | u16(at + 2);
  };
  if (u16(2) != 42) return 1;
  const uint32_t ifd = u32(4);
  if (ifd > size - 2) return 1;
  const uint32_t entries = u16(ifd);
  for (uint32_t i = 0; i < entries; ++i) {
    const size_t entry = ifd + 2 + static_cast<size_t>(i) * 12;
    if (entry + 12 > size) return 1;
    if (u16(entry) != 0x0112) continue;
    if (u16(entry + 2) != 3) return 1;  // must be a SHORT
    const uint32_t value = u16(entry + 8);
    return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
  }
  return 1;
}

}  // namespace

int JpegExifOrientation(const std::vector<uint8_t>& b) {
  if (b.size() < 4 || b[0] != 0xff || b[1] != 0xd8) return 1;
  size_t at = 2;
  while (at + 4 <= b.size()) {
    if (b[at] != 0xff) return 1;
    const uint8_t marker = b[at + 1];
    if (marker == 0xff) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xda || marker == 0xd9) return 1;  // image data starts: no EXIF before it
    const size_t length = static_cast<size_t>(b[at + 2]) << 8 | b[at + 3];
    if (length < 2 || at + 2 + length > b.size()) return 1;
    const uint8_t* body = &b[at + 4];
    const size_t body_size = length - 2;
    if (marker == 0xe1 && body_size >= 6 && std::memcmp(body, "Exif\0\0", 6) == 0)
      return TiffOrientation(body + 6, body_size - 6);
    at += 2 + length;
  }
  return 1;
}

Image ApplyOrientation(const Image& in, int orientation) {
  if (orientation < 2 || orientation > 8) return in;
  const int w = in.width, h = in.height;
  const bool swap = orientation >= 5;
  Image out;
  out.width = swap ? h : w;
  out.height = swap ? w : h;
  out.rgba.resize(in.rgba.size());
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      int sx = x, sy = y;  // the stored pixel shown at (x, y)
      switch (orientation) {
        case 2:  // mirrored left-right
          sx = w - 1 - x;
          break;
        case 3:  // upside down
          sx = w - 1 - x, sy = h - 1 - y;
          break;
        case 4:  // mirrored top-bottom
          sy = h - 1 - y;
          break;
        case 5:  // transposed
          sx = y, sy = x;
          break;
        case 6:  // turned 90 degrees clockwise
          sx = y, sy = h - 1 - x;
          break;
        case 7:  // transversed
          sx = w - 1 - y, sy = h - 1 - x;
          break;
        case 8:  // turned 90 degrees anticlockwise
          sx = w - 1 - y, sy = x;
          break;
        default:
          break;
      }
      std::memcpy(&out.rgba[(static_cast<size_t>(y) * out.width + x) * 4],
                  &in.rgba[(static_cast<size_t>(sy) * w + sx) * 4], 4);
    }
  return out;
}

}  // namespace graphony
