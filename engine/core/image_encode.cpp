// PNG and JPEG encoding into memory with libpng and libjpeg-turbo.
#include "core/image_encode.h"

// clang-format off
#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
// clang-format on
#include <png.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace graphony {

namespace {

struct PngWriter {
  png_structp png = nullptr;
  png_infop info = nullptr;
  std::vector<uint8_t> out;
  ~PngWriter() { png_destroy_write_struct(&png, info ? &info : nullptr); }
};

void AppendPng(png_structp png, png_bytep data, png_size_t size) {
  auto* w = static_cast<PngWriter*>(png_get_io_ptr(png));
  w->out.insert(w->out.end(), data, data + size);
}

struct JpegWriter {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr err{};
  jmp_buf jump;
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  ~JpegWriter() {
    jpeg_destroy_compress(&cinfo);
    std::free(buffer);
  }
};

[[noreturn]] void JpegFail(j_common_ptr cinfo) {
  std::longjmp(static_cast<JpegWriter*>(cinfo->client_data)->jump, 1);
}

}  // namespace

std::vector<uint8_t> EncodePng(const uint8_t* rgba, int width, int height) {
  const auto w = std::make_unique<PngWriter>();
  w->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (w->png) w->info = png_create_info_struct(w->png);
  if (!w->png || !w->info) throw std::runtime_error("libpng: cannot start");
  if (setjmp(png_jmpbuf(w->png))) throw std::runtime_error("libpng: cannot encode");
  png_set_write_fn(w->png, w.get(), AppendPng, nullptr);
  png_set_IHDR(w->png, w->info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height),
               8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(w->png, w->info);
  for (int y = 0; y < height; ++y)
    png_write_row(w->png, rgba + static_cast<size_t>(y) * static_cast<size_t>(width) * 4);
  png_write_end(w->png, nullptr);
  return std::move(w->out);
}

std::vector<uint8_t> EncodeJpeg(const uint8_t* rgb, int width, int height, int quality,
                                bool progressive) {
  const auto w = std::make_unique<JpegWriter>();
  w->cinfo.err = jpeg_std_error(&w->err);
  w->err.error_exit = JpegFail;
  w->cinfo.client_data = w.get();
  if (setjmp(w->jump)) throw std::runtime_error("libjpeg: cannot encode");
  jpeg_create_compress(&w->cinfo);
  jpeg_mem_dest(&w->cinfo, &w->buffer, &w->size);
  w->cinfo.image_width = static_cast<JDIMENSION>(width);
  w->cinfo.image_height = static_cast<JDIMENSION>(height);
  w->cinfo.input_components = 3;
  w->cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&w->cinfo);
  jpeg_set_quality(&w->cinfo, quality, TRUE);
  if (progressive) jpeg_simple_progression(&w->cinfo);
  jpeg_start_compress(&w->cinfo, TRUE);
  while (w->cinfo.next_scanline < w->cinfo.image_height) {
    JSAMPROW row = const_cast<JSAMPROW>(rgb + static_cast<size_t>(w->cinfo.next_scanline) *
                                                  static_cast<size_t>(width) * 3);
    jpeg_write_scanlines(&w->cinfo, &row, 1);
  }
  jpeg_finish_compress(&w->cinfo);
  return std::vector<uint8_t>(w->buffer, w->buffer + w->size);
}

}  // namespace graphony
