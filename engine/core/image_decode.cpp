// Picture decoding: sniff the format, read the header, plan reductions under the budget, decode
// with libjpeg-turbo or libpng, turn phone photos upright.
#include "core/image_decode.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>

#include "core/exif_orientation.h"
#include "core/file_io.h"
#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/jpeg_decode.h"
#include "core/limits.h"
#include "core/png_decode.h"
#include "core/score_io.h"

namespace graphony {

namespace {

constexpr uint64_t kDefaultBudget = 1ull << 30;
constexpr int kMaxReduction = 8;  // libjpeg-turbo's smallest scale: 1/8
std::atomic<uint64_t> g_budget_override{0};

uint64_t BudgetFromEnvironment() {
  const char* text = std::getenv("GRAPHONY_IMAGE_MEMORY_MB");
  if (!text || !*text) return kDefaultBudget;
  char* end = nullptr;
  const unsigned long long mb = std::strtoull(text, &end, 10);
  if (*end != '\0' || mb == 0 || mb > (1ull << 24)) return kDefaultBudget;
  return static_cast<uint64_t>(mb) << 20;
}

// A name for formats people do have, so the refusal can say what to do.
const char* KnownOtherFormat(const std::vector<uint8_t>& b) {
  auto starts = [&](const char* magic, size_t at = 0) {
    const size_t n = std::strlen(magic);
    return b.size() >= at + n && std::memcmp(b.data() + at, magic, n) == 0;
  };
  if (starts("BM")) return "BMP";
  if (starts("GIF8")) return "GIF";
  if (starts("II*") || starts("MM"))
    return b.size() > 3 && (b[2] == 0x2a || b[3] == 0x2a) ? "TIFF" : nullptr;
  if (starts("RIFF") && starts("WEBP", 8)) return "WebP";
  if (starts("ftypheic", 4) || starts("ftypheix", 4) || starts("ftypmif1", 4)) return "HEIC";
  if (starts("ftypavif", 4)) return "AVIF";
  if (starts("%PDF")) return "PDF";
  return nullptr;
}

std::string SizeText(uint64_t width, uint64_t height) {
  return i18n::Fill(_("image is {width}x{height} pixels; "),
                    {{"width", std::to_string(width)}, {"height", std::to_string(height)}});
}

void CheckSize(uint64_t width, uint64_t height, const std::string& where) {
  if (width == 0 || height == 0) throw ScoreError(where + ": " + _("image has no pixels"));
  if (width > static_cast<uint64_t>(kMaxImageSide) || height > static_cast<uint64_t>(kMaxImageSide))
    throw ScoreError(
        where + ": " + SizeText(width, height) +
        i18n::Fill(_("each side must be at most {max}"), {{"max", std::to_string(kMaxImageSide)}}));
  if (width * height > kMaxImagePixels)
    throw ScoreError(where + ": " + SizeText(width, height) +
                     i18n::Fill(_("at most {millions} million pixels are allowed"),
                                {{"millions", std::to_string(kMaxImagePixels / 1'000'000)}}));
}

uint64_t Reduced(int side, int reduction) {
  return static_cast<uint64_t>((side + reduction - 1) / reduction);
}

std::string Megabytes(uint64_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20); }

std::shared_ptr<const Image> DecodeOne(const std::vector<uint8_t>& bytes, const PictureHeader& h,
                                       int reduction, const std::string& where,
                                       uint64_t working_limit) {
  auto image = std::make_shared<Image>(h.format == PictureHeader::Format::kJpeg
                                           ? DecodeJpeg(bytes, where, reduction, working_limit)
                                           : DecodePng(bytes, where, reduction));
  // Phone photos of paintings are usually stored sideways with an orientation tag.
  if (h.orientation != 1) *image = ApplyOrientation(*image, h.orientation);
  return image;
}

}  // namespace

namespace testing {
void SetImageMemoryBudgetForTesting(uint64_t bytes) { g_budget_override = bytes; }
}  // namespace testing

uint64_t ImageMemoryBudget() {
  static const uint64_t from_environment = BudgetFromEnvironment();
  const uint64_t v = g_budget_override.load();
  return v ? v : from_environment;
}

PictureHeader ReadPictureHeader(const std::vector<uint8_t>& bytes, const std::string& where) {
  if (bytes.empty()) throw ScoreError(where + ": " + _("image file is empty"));
  PictureHeader h;
  if (LooksLikePng(bytes)) {
    const PngHeader png = ReadPngHeader(bytes, where);
    CheckSize(static_cast<uint64_t>(png.width), static_cast<uint64_t>(png.height), where);
    h.format = PictureHeader::Format::kPng;
    h.width = png.width;
    h.height = png.height;
    h.interlaced = png.interlaced;
  } else if (LooksLikeJpeg(bytes)) {
    const JpegHeader jpeg = ReadJpegHeader(bytes, where);
    CheckSize(static_cast<uint64_t>(jpeg.width), static_cast<uint64_t>(jpeg.height), where);
    h.format = PictureHeader::Format::kJpeg;
    h.width = jpeg.width;
    h.height = jpeg.height;
    h.orientation = JpegExifOrientation(bytes);
    h.working_bytes = JpegWorkingBytes(jpeg);
  } else if (const char* other = KnownOtherFormat(bytes)) {
    throw ScoreError(where + ": " +
                     i18n::Fill(_("{format} pictures are not supported; convert it to PNG or JPEG"),
                                {{"format", other}}));
  } else {
    throw ScoreError(where + ": " + _("not a PNG or JPEG picture; convert it to PNG or JPEG"));
  }
  return h;
}

int NeededReduction(const PictureHeader& h) {
  const int long_side = std::max(h.width, h.height), short_side = std::min(h.width, h.height);
  const int long_need = std::min(long_side, kDecodeLongSide);
  const int short_need = std::min(short_side, kDecodeShortSide);
  int reduction = 1;
  while (reduction < kMaxReduction &&
         static_cast<int>(Reduced(long_side, reduction * 2)) >= long_need &&
         static_cast<int>(Reduced(short_side, reduction * 2)) >= short_need)
    reduction *= 2;
  return reduction;
}

uint64_t PictureBytes(const PictureHeader& h, int reduction) {
  return Reduced(h.width, reduction) * Reduced(h.height, reduction) * 4;
}

uint64_t PictureDecodeExtraBytes(const PictureHeader& h, int reduction) {
  uint64_t extra = h.working_bytes;
  if (h.interlaced && reduction > 1) extra += PictureBytes(h, 1);
  if (h.orientation != 1) extra += PictureBytes(h, reduction);  // the turned copy
  return extra;
}

std::vector<std::shared_ptr<const Image>> DecodePictures(
    const std::vector<const std::vector<uint8_t>*>& pictures,
    const std::vector<std::string>& wheres, uint64_t budget, const std::string& score_where) {
  const size_t n = pictures.size();
  std::vector<PictureHeader> headers(n);
  std::vector<int> reductions(n);
  for (size_t i = 0; i < n; ++i) {
    headers[i] = ReadPictureHeader(*pictures[i], wheres[i]);
    reductions[i] = NeededReduction(headers[i]);
  }
  auto total = [&] {
    uint64_t sum = 0, extra = 0;
    for (size_t i = 0; i < n; ++i) {
      sum += PictureBytes(headers[i], reductions[i]);
      extra = std::max(extra, PictureDecodeExtraBytes(headers[i], reductions[i]));
    }
    return sum + extra;
  };
  // Over budget: reduce the picture that costs most, until all fit or none can shrink.
  for (uint64_t need = total(); need > budget; need = total()) {
    size_t largest = n;
    for (size_t i = 0; i < n; ++i)
      if (reductions[i] < kMaxReduction &&
          (largest == n || PictureBytes(headers[i], reductions[i]) >
                               PictureBytes(headers[largest], reductions[largest])))
        largest = i;
    if (largest == n) {
      throw ScoreError(
          score_where + ": " +
          i18n::Fill(n == 1 ? _("this picture needs {need} MB of memory even at 1/8 size, more "
                                "than the {budget} MB allowed for pictures (set "
                                "GRAPHONY_IMAGE_MEMORY_MB to change it)")
                            : _("its pictures need {need} MB of memory even at 1/8 size, more "
                                "than the {budget} MB allowed for pictures (set "
                                "GRAPHONY_IMAGE_MEMORY_MB to change it)"),
                     {{"need", Megabytes(need)}, {"budget", Megabytes(budget)}}));
    }
    reductions[largest] *= 2;
  }
  std::vector<std::shared_ptr<const Image>> images(n);
  uint64_t used = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t left = budget - used - PictureBytes(headers[i], reductions[i]);
    images[i] = DecodeOne(*pictures[i], headers[i], reductions[i], wheres[i], left);
    used += PictureBytes(headers[i], reductions[i]);
  }
  return images;
}

std::shared_ptr<const Image> DecodeImage(const std::vector<uint8_t>& bytes,
                                         const std::string& where, uint64_t budget) {
  return DecodePictures({&bytes}, {where}, budget ? budget : ImageMemoryBudget(), where)[0];
}

std::shared_ptr<const Image> DecodeThumbnail(const std::vector<uint8_t>& bytes,
                                             const std::string& where, int min_long_side,
                                             uint64_t budget) {
  const PictureHeader h = ReadPictureHeader(bytes, where);
  const int long_side = std::max(h.width, h.height);
  const int want = std::max(1, min_long_side);
  int reduction = 1;
  while (reduction < kMaxReduction && static_cast<int>(Reduced(long_side, reduction * 2)) >= want)
    reduction *= 2;
  const uint64_t need = PictureBytes(h, reduction) + PictureDecodeExtraBytes(h, reduction);
  if (need > budget)
    throw ScoreError(
        where + ": " +
        i18n::Fill(_("needs {need} MB to show small, more than the {budget} MB allowed"),
                   {{"need", Megabytes(need)}, {"budget", Megabytes(budget)}}));
  std::shared_ptr<const Image> image = DecodeOne(bytes, h, reduction, where, budget);
  // The decoder stops at 1/8; a big photo is then averaged down the rest of the way.
  const int left = std::max(image->width, image->height) / want;
  if (left >= 2) image = std::make_shared<Image>(ReduceImage(*image, std::min(left, 64)));
  return image;
}

std::shared_ptr<const Image> LoadImageFile(const std::filesystem::path& path) {
  const std::string where = path.string();
  return DecodeImage(ReadFileBytes(path, where, MaxEntryBytes()), where);
}

}  // namespace graphony
