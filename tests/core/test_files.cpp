// Helpers for score-file tests (see test_files.h).
#include "test_files.h"

#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "core/image_encode.h"
#include "core/score_defaults.h"
#include "core/score_io.h"

namespace graphony::test {

Bytes MakePng(int width, int height) {
  std::vector<uint8_t> rgba(static_cast<size_t>(width) * height * 4);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      uint8_t* p = &rgba[(static_cast<size_t>(y) * width + x) * 4];
      p[0] = static_cast<uint8_t>(x * 7);
      p[1] = static_cast<uint8_t>(y * 13);
      p[2] = static_cast<uint8_t>(x + y);
      p[3] = 255;
    }
  return EncodePng(rgba.data(), width, height);
}

Bytes MakeJpegHalves(int width, int height, int exif_orientation) {
  std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      uint8_t* p = &rgb[(static_cast<size_t>(y) * width + x) * 3];
      p[0] = x < width / 2 ? 230 : 20;
      p[2] = x < width / 2 ? 20 : 230;
    }
  Bytes jpeg = EncodeJpeg(rgb.data(), width, height, 95);
  if (exif_orientation == 0) return jpeg;
  // APP1 "Exif": a big-endian TIFF header and one IFD entry, tag 0x0112 (orientation), SHORT.
  const Bytes app1 = {
      0xff, 0xe1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
      'M',  'M',  0, 42, 0,   0,   0,   8,   0, 1,
      0x01, 0x12, 0, 3,  0,   0,   0,   1,   0, static_cast<uint8_t>(exif_orientation),
      0,    0,    0, 0,  0,   0};
  jpeg.insert(jpeg.begin() + 2, app1.begin(), app1.end());
  return jpeg;
}

Bytes ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

void WriteBytes(const std::filesystem::path& path, const Bytes& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

void WriteText(const std::filesystem::path& path, const std::string& text) {
  WriteBytes(path, Bytes(text.begin(), text.end()));
}

void WriteZip(const std::filesystem::path& path,
              const std::vector<std::pair<std::string, Bytes>>& entries) {
  int error = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!za) throw std::runtime_error("zip_open failed");
  for (const auto& [name, data] : entries) {
    zip_source_t* src = zip_source_buffer(za, data.data(), data.size(), 0);
    if (zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_RAW) < 0) {
      zip_source_free(src);
      throw std::runtime_error("zip_file_add failed for " + name + ": " + zip_strerror(za));
    }
  }
  if (zip_close(za) != 0) throw std::runtime_error("zip_close failed");
}

std::string LoadError(const std::filesystem::path& path) {
  try {
    LoadScore(path);
  } catch (const ScoreError& e) {
    return e.what();
  }
  return "";
}

Score FullScore() {
  Score s = NewScore();
  s.title = "Harbour at dusk \xe2\x80\x94 Ward 3";  // an em dash: UTF-8 must survive
  s.date = "2026-11-30";
  s.contributors = {
      // Every consent field, each in some combination, so the round trip covers them all.
      {"c1", "Ana Souza", "A.S.", "painter", Consent{true, true, true, false, true, "2027-06-30"}},
      {"c2", "Ben", "B.", "", Consent{false, true, false, true, false, ""}},
      {"fac", "Dee", "", "facilitator", Consent{true, false, false, false, false, "2030-01-01"}},
  };
  s.tempo_bpm = 66.5;
  s.meter = Meter{3, 4};
  s.length_beats = 24.25;
  s.mapping.scale = "custom";
  s.mapping.custom_intervals = {2, 1, 4, 2, 3};
  s.mapping.root = 57;
  s.mapping.lowest = 50.25;  // fractional: must stay a number, not a note name
  s.mapping.highest = 81;
  s.mapping.image_mode = ImageMode::kScan;
  s.mapping.grid = 0.25;
  s.mapping.max_polyphony = 5;
  s.palette = DefaultPalette();
  s.palette.push_back(
      {Color{0xcc, 0x79, 0xa7, 0x80}, "sampler", "Our voices", "samples/voice.wav"});
  Layer image;
  image.kind = Layer::Kind::kImage;
  image.name = "Painting";
  image.locked = true;
  image.image =
      ImageLayer{"images/painting.png", 1.5, 20, 0.1, 0.9, 0.75f, ImageMode::kNotes, 64, nullptr};
  Layer scan = image;
  scan.name = "Photo";
  scan.visible = false;
  scan.muted = true;
  scan.locked = false;
  scan.image = ImageLayer{"images/photo.png", 0, 24.25, 0, 1, 0.3f, ImageMode::kScan, 0, nullptr};
  Layer strokes;
  strokes.kind = Layer::Kind::kStrokes;
  strokes.name = "Drawings";
  strokes.strokes.strokes = {
      Stroke{{{0, 0.5, 1}, {0.5, 0.55, 0.8f}, {1.125, 0.6, 0.33f}},
             Color{0xe6, 0x9f, 0x00, 0xff},
             0.03f,
             "c1"},
      Stroke{{{4, 0.1, 0.7f}}, Color{0x00, 0x72, 0xb2, 0xff}, 0.015f, "c2"},
      Stroke{{{8, 1, 0}, {7.5, 0, 1}}, Color{0x56, 0xb4, 0xe9, 0x40}, 0.1f, ""},
  };
  s.layers = {image, scan, strokes};
  s.sections = {{0, "Calm"}, {12, "Waves"}};
  s.takes = {{"recordings/take-1.wav", "First try", {"c1", "fac"}, "2026-11-30T10:15:00Z", 2}};
  s.assets.files["images/painting.png"] = std::make_shared<const Bytes>(MakePng(40, 20));
  s.assets.files["images/photo.png"] = std::make_shared<const Bytes>(MakePng(8, 8));
  s.assets.files["samples/voice.wav"] =
      std::make_shared<const Bytes>(Bytes{'R', 'I', 'F', 'F', 1, 2, 3});
  s.assets.files["recordings/take-1.wav"] = std::make_shared<const Bytes>(Bytes(1000, 7));
  return s;
}

}  // namespace graphony::test
