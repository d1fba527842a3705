// libpng decoding: setjmp error handling, bounded chunks, reduction while reading rows.
#include "core/png_decode.h"

#include <png.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/large_buffer.h"
#include "core/score_io.h"

namespace graphony {

namespace {

constexpr const char* kEndsEarly = N_("PNG data ends early");

struct Reader {
  const uint8_t* data = nullptr;
  size_t size = 0, at = 0;
};

void ReadBytes(png_structp png, png_bytep out, png_size_t count) {
  auto* r = static_cast<Reader*>(png_get_io_ptr(png));
  if (count > r->size - r->at) png_error(png, kEndsEarly);
  std::memcpy(out, r->data + r->at, count);
  r->at += count;
}

// Heap-held state for one decode: the function calling setjmp keeps only a pointer to it.
struct Decoder {
  png_structp png = nullptr;
  png_infop info = nullptr;
  Reader reader;
  std::string message;
  Image image;
  std::vector<uint8_t> row;   // one row in the file's own channels
  std::vector<uint8_t> wide;  // that row as RGBA, when rows are reduced
  std::vector<uint32_t> sums;
  Image full;                   // interlaced pictures only
  std::vector<png_bytep> rows;  // into `full`
  ~Decoder() { png_destroy_read_struct(&png, info ? &info : nullptr, nullptr); }
};

void OnError(png_structp png, png_const_charp text) {
  static_cast<Decoder*>(png_get_error_ptr(png))->message = text ? text : "";
  png_longjmp(png, 1);
}

void OnWarning(png_structp, png_const_charp) {}  // ancillary trouble: the pixels are still fine

std::string Reason(const std::string& message) {
  if (message == kEndsEarly || message.find("Not enough image data") != std::string::npos ||
      message.find("Read Error") != std::string::npos)
    return i18n::Fill(_("the picture is damaged ({reason})"), {{"reason", _(kEndsEarly)}});
  if (message.find("CRC") != std::string::npos)
    return _("the picture is damaged (a checksum does not match)");
  if (message.find("out of memory") != std::string::npos)
    return _("the picture needs more memory to decode than is available");
  return i18n::Fill(_("the picture is damaged ({reason})"), {{"reason", message}});
}

// Creates the reader and reads up to the first image data (after setjmp).
void Begin(Decoder& d, const std::vector<uint8_t>& bytes) {
  d.reader = Reader{bytes.data(), bytes.size(), 0};
  png_set_read_fn(d.png, &d.reader, ReadBytes);
  // Text and ICC chunks are decompressed into memory: keep each small and their count low.
  png_set_chunk_malloc_max(d.png, 8u << 20);
  png_set_chunk_cache_max(d.png, 128);
  // Our own limits (kMaxImageSide, pixel count) give better messages; libpng's stay a backstop.
  png_set_user_limits(d.png, 0x7fffffff, 0x7fffffff);
}

std::unique_ptr<Decoder> MakeDecoder(const std::string& where) {
  auto d = std::make_unique<Decoder>();
  d->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, d.get(), OnError, OnWarning);
  if (d->png) d->info = png_create_info_struct(d->png);
  if (!d->png || !d->info)
    throw ScoreError(where + ": " + _("not enough memory to read the picture"));
  return d;
}

// Adds one decoded RGBA row to the running block sums of its output row.
void Accumulate(const uint8_t* row, int width, int reduction, std::vector<uint32_t>& sums) {
  for (int x = 0; x < width; ++x) {
    uint32_t* s = &sums[static_cast<size_t>(x / reduction) * 4];
    const uint8_t* p = row + static_cast<size_t>(x) * 4;
    s[0] += p[0], s[1] += p[1], s[2] += p[2], s[3] += p[3];
  }
}

// Writes one output row from block sums (rows_in_block source rows) and clears the sums.
void EmitRow(std::vector<uint32_t>& sums, int src_width, int reduction, int rows_in_block,
             uint8_t* out) {
  const int out_width = static_cast<int>(sums.size() / 4);
  for (int x = 0; x < out_width; ++x) {
    const int cols = std::min(reduction, src_width - x * reduction);
    const auto n = static_cast<uint32_t>(cols * rows_in_block);
    for (int c = 0; c < 4; ++c) {
      uint32_t& s = sums[static_cast<size_t>(x) * 4 + static_cast<size_t>(c)];
      out[x * 4 + c] = static_cast<uint8_t>((s + n / 2) / n);
      s = 0;
    }
  }
}

int Reduced(int side, int reduction) { return (side + reduction - 1) / reduction; }

// One decoded row in the file's own channels (1 grey, 2 grey+alpha, 3 RGB; 8 bits each) as
// RGBA. libpng's gray_to_rgb and filler transforms do the same a byte at a time; these loops
// vectorise: a 4000x2000 grey picture decodes in about a third less time.
void WidenToRgba(const uint8_t* in, int channels, int width, uint8_t* out) {
  const auto n = static_cast<size_t>(width);
  switch (channels) {
    case 1:
      for (size_t x = 0; x < n; ++x)
        out[4 * x] = out[4 * x + 1] = out[4 * x + 2] = in[x], out[4 * x + 3] = 0xff;
      break;
    case 2:
      for (size_t x = 0; x < n; ++x)
        out[4 * x] = out[4 * x + 1] = out[4 * x + 2] = in[2 * x], out[4 * x + 3] = in[2 * x + 1];
      break;
    case 3:
      for (size_t x = 0; x < n; ++x)
        out[4 * x] = in[3 * x], out[4 * x + 1] = in[3 * x + 1], out[4 * x + 2] = in[3 * x + 2],
                out[4 * x + 3] = 0xff;
      break;
    default:
      std::memcpy(out, in, 4 * n);
  }
}

}  // namespace

bool LooksLikePng(const std::vector<uint8_t>& bytes) {
  return bytes.size() >= 8 && png_sig_cmp(bytes.data(), 0, 8) == 0;
}

PngHeader ReadPngHeader(const std::vector<uint8_t>& bytes, const std::string& where) {
  // IHDR is always first and fixed-size: read it ourselves so that no other chunk is touched
  // before the size is checked, and libpng's own checks run on the real decode.
  if (bytes.size() < 33 || std::memcmp(&bytes[12], "IHDR", 4) != 0)
    throw ScoreError(where + ": " + _("the picture is damaged (PNG header missing or cut short)"));
  auto be32 = [&](size_t at) {
    return uint32_t(bytes[at]) << 24 | uint32_t(bytes[at + 1]) << 16 |
           uint32_t(bytes[at + 2]) << 8 | uint32_t(bytes[at + 3]);
  };
  const uint32_t width = be32(16), height = be32(20);
  if (width == 0 || height == 0) throw ScoreError(where + ": " + _("image has no pixels"));
  if (width > 0x7fffffff || height > 0x7fffffff)
    throw ScoreError(where + ": " +
                     _("the picture is damaged (impossible size in the PNG header)"));
  PngHeader header;
  header.width = static_cast<int>(width);
  header.height = static_cast<int>(height);
  header.interlaced = bytes[28] != 0;
  return header;
}

Image ReduceImage(const Image& full, int reduction) {
  Image out;
  out.width = Reduced(full.width, reduction);
  out.height = Reduced(full.height, reduction);
  out.rgba.resize(static_cast<size_t>(out.width) * static_cast<size_t>(out.height) * 4);
  std::vector<uint32_t> sums(static_cast<size_t>(out.width) * 4, 0);
  for (int y = 0; y < full.height; ++y) {
    Accumulate(&full.rgba[static_cast<size_t>(y) * full.width * 4], full.width, reduction, sums);
    if ((y + 1) % reduction == 0 || y + 1 == full.height)
      EmitRow(sums, full.width, reduction, y % reduction + 1,
              &out.rgba[static_cast<size_t>(y / reduction) * out.width * 4]);
  }
  return out;
}

Image DecodePng(const std::vector<uint8_t>& bytes, const std::string& where, int reduction) {
  const std::unique_ptr<Decoder> d = MakeDecoder(where);
  if (setjmp(png_jmpbuf(d->png))) throw ScoreError(where + ": " + Reason(d->message));
  Begin(*d, bytes);
  png_read_info(d->png, d->info);
  // Every colour type and depth becomes 8-bit RGBA: libpng expands palettes, low-bit grey and
  // tRNS and strips 16 bits; interlaced pictures are widened by libpng too (rare, held whole),
  // the others row by row by WidenToRgba.
  png_set_expand(d->png);  // palette -> RGB, low-bit grey -> 8 bits, tRNS -> alpha
  png_set_strip_16(d->png);
  const bool interlaced = png_get_interlace_type(d->png, d->info) != PNG_INTERLACE_NONE;
  if (interlaced) {
    png_set_gray_to_rgb(d->png);
    png_set_add_alpha(d->png, 0xff, PNG_FILLER_AFTER);
  }
  const int passes = png_set_interlace_handling(d->png);
  png_read_update_info(d->png, d->info);
  const int width = static_cast<int>(png_get_image_width(d->png, d->info));
  const int height = static_cast<int>(png_get_image_height(d->png, d->info));
  const int channels = png_get_channels(d->png, d->info);
  if (png_get_bit_depth(d->png, d->info) != 8 || channels < 1 || channels > 4 ||
      (interlaced && channels != 4) ||
      png_get_rowbytes(d->png, d->info) != static_cast<size_t>(width) * channels) {
    d->message = "unexpected pixel layout";
    png_longjmp(d->png, 1);
  }
  if (passes > 1) {
    d->full.width = width;
    d->full.height = height;
    ResizeLarge(d->full.rgba, static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    d->rows.resize(static_cast<size_t>(height));
    for (int y = 0; y < height; ++y)
      d->rows[static_cast<size_t>(y)] = &d->full.rgba[static_cast<size_t>(y) * width * 4];
    png_read_image(d->png, d->rows.data());
    return reduction == 1 ? std::move(d->full) : ReduceImage(d->full, reduction);
  }
  Image& image = d->image;
  image.width = Reduced(width, reduction);
  image.height = Reduced(height, reduction);
  ResizeLarge(image.rgba, static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4);
  // RGBA files decode straight into place; the others through one row in their own channels.
  d->row.resize(static_cast<size_t>(width) * static_cast<size_t>(channels));
  if (reduction > 1) d->wide.resize(static_cast<size_t>(width) * 4);
  auto read_row = [&](uint8_t* rgba) {
    if (channels == 4) return png_read_row(d->png, rgba, nullptr);
    png_read_row(d->png, d->row.data(), nullptr);
    WidenToRgba(d->row.data(), channels, width, rgba);
  };
  if (reduction == 1) {
    for (int y = 0; y < height; ++y) read_row(&image.rgba[static_cast<size_t>(y) * width * 4]);
    return std::move(image);
  }
  d->sums.assign(static_cast<size_t>(image.width) * 4, 0);
  for (int y = 0; y < height; ++y) {
    read_row(d->wide.data());
    Accumulate(d->wide.data(), width, reduction, d->sums);
    if ((y + 1) % reduction == 0 || y + 1 == height)
      EmitRow(d->sums, width, reduction, y % reduction + 1,
              &image.rgba[static_cast<size_t>(y / reduction) * image.width * 4]);
  }
  return std::move(image);
}

}  // namespace graphony
