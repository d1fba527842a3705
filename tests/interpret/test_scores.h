// In-memory images and scores for the interpretation tests (no files, no decoder needed).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "core/score.h"
#include "interpret/events.h"

namespace graphony::test {

inline const Color kBlack{0, 0, 0, 255};
inline const Color kWhite{255, 255, 255, 255};
inline const Color kRed{220, 30, 30, 255};
inline const Color kBlue{30, 60, 220, 255};
inline const Color kYellow{250, 220, 40, 255};
inline const Color kGreen{40, 180, 60, 255};

inline Image MakeImage(int width, int height, Color fill) {
  Image image;
  image.width = width;
  image.height = height;
  image.rgba.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
  for (size_t i = 0; i < image.rgba.size(); i += 4) {
    image.rgba[i] = fill.r;
    image.rgba[i + 1] = fill.g;
    image.rgba[i + 2] = fill.b;
    image.rgba[i + 3] = fill.a;
  }
  return image;
}

inline void SetPixel(Image& image, int x, int y, Color c) {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
  uint8_t* p = &image.rgba[(static_cast<size_t>(y) * static_cast<size_t>(image.width) +
                            static_cast<size_t>(x)) *
                           4];
  p[0] = c.r;
  p[1] = c.g;
  p[2] = c.b;
  p[3] = c.a;
}

// Fills [x0, x1) x [y0, y1), clipped to the image.
inline void FillRect(Image& image, int x0, int y0, int x1, int y1, Color c) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) SetPixel(image, x, y, c);
}

// The staircase: width cut into `steps` equal columns, height into `steps` equal
// bands, block i fills band i (band 0 at the bottom) in column i.
inline Image Staircase(int width, int height, int steps, Color background, Color block) {
  Image image = MakeImage(width, height, background);
  for (int y = 0; y < height; ++y) {
    const int band = steps - 1 - static_cast<int>(static_cast<int64_t>(y) * steps / height);
    for (int x = 0; x < width; ++x)
      if (static_cast<int>(static_cast<int64_t>(x) * steps / width) == band)
        SetPixel(image, x, y, block);
  }
  return image;
}

// Palette used by the tests: index == instrument index in the events.
enum TestInstrument {
  kWhiteBell = 0,
  kRedPluck,
  kBluePad,
  kYellowMarimba,
  kGreenFlute,
  kBlackBass
};

inline std::vector<PaletteEntry> TestPalette() {
  return {{kWhite, "bell", "Bells", ""},       {kRed, "pluck", "Pluck", ""},
          {kBlue, "soft-pad", "Warm pad", ""}, {kYellow, "marimba", "Marimba", ""},
          {kGreen, "flute", "Flute", ""},      {kBlack, "bass", "Bass", ""}};
}

// The acceptance example's mapping: C major, C4..C5, 60 bpm, 8 beats.
inline Score BaseScore() {
  Score score;
  score.tempo_bpm = 60;
  score.length_beats = 8;
  score.mapping.scale = "major";
  score.mapping.root = 60;
  score.mapping.lowest = 60;
  score.mapping.highest = 72;
  score.palette = TestPalette();
  return score;
}

inline Layer ImageLayerOf(Image image, ImageMode mode, double start = 0, double length = 8) {
  Layer layer;
  layer.kind = Layer::Kind::kImage;
  layer.name = "picture";
  layer.image.file = "images/test.png";
  layer.image.mode = mode;
  layer.image.start_beat = start;
  layer.image.length_beats = length;
  layer.image.pixels = std::make_shared<const Image>(std::move(image));
  return layer;
}

inline Score ImageScore(Image image, ImageMode mode) {
  Score score = BaseScore();
  score.layers.push_back(ImageLayerOf(std::move(image), mode, 0, score.length_beats));
  return score;
}

// Largest number of simultaneously sounding notes of any one instrument (sampled at grid
// step midpoints), per instrument.
inline std::map<int, int> PeakPolyphony(const Events& events, double grid) {
  std::map<std::pair<int, long>, int> count;
  for (const NoteEvent& n : events.notes) {
    if (!n.sounding) continue;
    for (double t = n.start_beat + grid / 2; t < n.start_beat + n.duration_beats; t += grid)
      ++count[{n.instrument, static_cast<long>(t / grid)}];
  }
  std::map<int, int> peak;
  for (const auto& [key, c] : count) peak[key.first] = std::max(peak[key.first], c);
  return peak;
}

}  // namespace graphony::test
