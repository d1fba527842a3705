// PNG decoding of every colour type and bit depth (grey 1-16 bits, grey+alpha, RGB, RGBA,
// palettes, tRNS): each becomes the RGBA the PNG specification defines, whole and reduced.
#include <doctest/doctest.h>
#include <zlib.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/png_decode.h"

using namespace graphony;

namespace {

using Bytes = std::vector<uint8_t>;
constexpr int kWidth = 13, kHeight = 7;  // odd sizes: partial bytes at low depths, edge blocks

void PutBe32(Bytes& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

void Chunk(Bytes& png, const char* type, const Bytes& data) {
  PutBe32(png, static_cast<uint32_t>(data.size()));
  Bytes body(type, type + 4);
  body.insert(body.end(), data.begin(), data.end());
  png.insert(png.end(), body.begin(), body.end());
  PutBe32(png, static_cast<uint32_t>(crc32(0, body.data(), static_cast<uInt>(body.size()))));
}

// The stored value of sample `s` (0..channels-1) of pixel (x, y) at `depth` bits.
uint32_t Sample(int x, int y, int s, int depth) {
  const uint32_t top = depth == 16 ? 0xffff : (1u << depth) - 1;
  return static_cast<uint32_t>(x * 37 + y * 101 + s * 59) * (depth == 16 ? 997u : 1u) % (top + 1);
}

struct Case {
  const char* name;
  int colour_type, depth, channels;
  Bytes trns;  // the tRNS chunk's data, or empty
};

// A PNG of `c` whose samples are Sample(); palettes hold entry i = (i, 255 - i, 3i).
Bytes Encode(const Case& c) {
  Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  Bytes ihdr;
  PutBe32(ihdr, kWidth);
  PutBe32(ihdr, kHeight);
  ihdr.insert(ihdr.end(),
              {static_cast<uint8_t>(c.depth), static_cast<uint8_t>(c.colour_type), 0, 0, 0});
  Chunk(png, "IHDR", ihdr);
  if (c.colour_type == 3) {
    Bytes plte;
    for (int i = 0; i < (1 << c.depth); ++i)
      plte.insert(plte.end(), {static_cast<uint8_t>(i), static_cast<uint8_t>(255 - i),
                               static_cast<uint8_t>(3 * i)});
    Chunk(png, "PLTE", plte);
  }
  if (!c.trns.empty()) Chunk(png, "tRNS", c.trns);
  Bytes raw;
  for (int y = 0; y < kHeight; ++y) {
    raw.push_back(0);  // filter: none
    uint32_t acc = 0;
    int bits = 0;
    for (int x = 0; x < kWidth; ++x)
      for (int s = 0; s < c.channels; ++s) {
        const uint32_t v = Sample(x, y, s, c.depth);
        if (c.depth == 16) {
          raw.insert(raw.end(), {static_cast<uint8_t>(v >> 8), static_cast<uint8_t>(v)});
          continue;
        }
        acc = acc << c.depth | v, bits += c.depth;
        if (bits == 8) raw.push_back(static_cast<uint8_t>(acc)), acc = 0, bits = 0;
      }
    if (bits > 0) raw.push_back(static_cast<uint8_t>(acc << (8 - bits)));
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  Bytes idat(size);
  REQUIRE(compress(idat.data(), &size, raw.data(), static_cast<uLong>(raw.size())) == Z_OK);
  idat.resize(size);
  Chunk(png, "IDAT", idat);
  Chunk(png, "IEND", {});
  return png;
}

// What the specification makes of a sample: low depths scaled to 0..255, 16 bits to the high
// byte (libpng's strip_16, which we ask for).
uint8_t To8(uint32_t v, int depth) {
  if (depth == 16) return static_cast<uint8_t>(v >> 8);
  return static_cast<uint8_t>(v * 255 / ((1u << depth) - 1));
}

uint32_t Be16(const Bytes& b, size_t at) { return uint32_t(b[at]) << 8 | b[at + 1]; }

// The expected RGBA of pixel (x, y), computed from the samples, not by libpng.
std::array<uint8_t, 4> Expected(const Case& c, int x, int y) {
  auto s = [&](int i) { return Sample(x, y, i, c.depth); };
  switch (c.colour_type) {
    case 0: {
      const uint8_t g = To8(s(0), c.depth);
      const bool clear = !c.trns.empty() && s(0) == Be16(c.trns, 0);
      return {g, g, g, static_cast<uint8_t>(clear ? 0 : 255)};
    }
    case 4: {
      const uint8_t g = To8(s(0), c.depth);
      return {g, g, g, To8(s(1), c.depth)};
    }
    case 2: {
      const bool clear = !c.trns.empty() && s(0) == Be16(c.trns, 0) && s(1) == Be16(c.trns, 2) &&
                         s(2) == Be16(c.trns, 4);
      return {To8(s(0), c.depth), To8(s(1), c.depth), To8(s(2), c.depth),
              static_cast<uint8_t>(clear ? 0 : 255)};
    }
    case 6:
      return {To8(s(0), c.depth), To8(s(1), c.depth), To8(s(2), c.depth), To8(s(3), c.depth)};
    default: {  // palette
      const uint32_t i = s(0);
      const uint8_t a = i < c.trns.size() ? c.trns[i] : 255;
      return {static_cast<uint8_t>(i), static_cast<uint8_t>(255 - i), static_cast<uint8_t>(3 * i),
              a};
    }
  }
}

std::vector<Case> Cases() {
  return {
      {"grey 1-bit", 0, 1, 1, {}},
      {"grey 2-bit with tRNS", 0, 2, 1, {0, 2}},
      {"grey 4-bit", 0, 4, 1, {}},
      {"grey 8-bit", 0, 8, 1, {}},
      {"grey 8-bit with tRNS", 0, 8, 1, {0, static_cast<uint8_t>(Sample(3, 2, 0, 8))}},
      {"grey 16-bit", 0, 16, 1, {}},
      {"grey 16-bit with tRNS",
       0,
       16,
       1,
       {static_cast<uint8_t>(Sample(4, 1, 0, 16) >> 8), static_cast<uint8_t>(Sample(4, 1, 0, 16))}},
      {"grey+alpha 8-bit", 4, 8, 2, {}},
      {"grey+alpha 16-bit", 4, 16, 2, {}},
      {"RGB 8-bit", 2, 8, 3, {}},
      {"RGB 8-bit with tRNS",
       2,
       8,
       3,
       {0, static_cast<uint8_t>(Sample(5, 3, 0, 8)), 0, static_cast<uint8_t>(Sample(5, 3, 1, 8)), 0,
        static_cast<uint8_t>(Sample(5, 3, 2, 8))}},
      {"RGB 16-bit", 2, 16, 3, {}},
      {"RGBA 8-bit", 6, 8, 4, {}},
      {"RGBA 16-bit", 6, 16, 4, {}},
      {"palette 2-bit", 3, 2, 1, {}},
      {"palette 4-bit with tRNS", 3, 4, 1, {10, 200, 0, 77, 255, 30}},
      {"palette 8-bit with tRNS", 3, 8, 1, {1, 2, 3, 4, 5, 6, 7, 8, 9}},
  };
}

}  // namespace

TEST_CASE("every PNG colour type and depth decodes to the RGBA the specification defines") {
  for (const Case& c : Cases()) {
    CAPTURE(std::string(c.name));
    const Bytes png = Encode(c);
    const Image image = DecodePng(png, "t.png", 1);
    REQUIRE(image.width == kWidth);
    REQUIRE(image.height == kHeight);
    // The cases must differ from one pixel to the next, or a decoder that repeats one pixel
    // would pass: first check the pattern varies.
    REQUIRE(Expected(c, 0, 0) != Expected(c, 1, 0));
    for (int y = 0; y < kHeight; ++y)
      for (int x = 0; x < kWidth; ++x) {
        const uint8_t* p = &image.rgba[(static_cast<size_t>(y) * kWidth + x) * 4];
        const std::array<uint8_t, 4> want = Expected(c, x, y);
        CAPTURE(x);
        CAPTURE(y);
        CHECK(std::array<uint8_t, 4>{p[0], p[1], p[2], p[3]} == want);
      }
  }
}

TEST_CASE("a reduced PNG decode is the block average of the whole decode, for every colour type") {
  for (const Case& c : Cases()) {
    CAPTURE(std::string(c.name));
    const Bytes png = Encode(c);
    const Image whole = DecodePng(png, "t.png", 1);
    for (int reduction : {2, 4}) {
      CAPTURE(reduction);
      const Image reduced = DecodePng(png, "t.png", reduction);
      const Image want = ReduceImage(whole, reduction);
      REQUIRE(reduced.width == want.width);
      REQUIRE(reduced.height == want.height);
      CHECK(reduced.rgba == want.rgba);
    }
  }
}
