// Piano-roll PNG: nearest-neighbour picture underlay, note bars, stb_easy_font legend text.
#include "roll_png.h"

#include <stb/stb_easy_font.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/image_encode.h"
#include "core/pitch.h"
#include "core/score_io.h"
#include "core/temp_files.h"

namespace graphony::cli {

namespace {

constexpr int kWidth = 1200, kRollHeight = 600, kLegendRow = 22;

struct Canvas {
  int w, h;
  std::vector<uint8_t> rgb;
  Canvas(int width, int height)
      : w(width), h(height), rgb(static_cast<size_t>(width) * height * 3, 24) {}
  void Blend(int x, int y, uint8_t r, uint8_t g, uint8_t b, float a) {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    uint8_t* p = &rgb[(static_cast<size_t>(y) * w + x) * 3];
    const uint8_t c[3] = {r, g, b};
    for (int k = 0; k < 3; ++k) p[k] = static_cast<uint8_t>(std::lround(p[k] * (1 - a) + c[k] * a));
  }
  void Rect(int x0, int y0, int x1, int y1, uint8_t r, uint8_t g, uint8_t b, float a) {
    for (int y = std::max(0, y0); y < std::min(h, y1); ++y)
      for (int x = std::max(0, x0); x < std::min(w, x1); ++x) Blend(x, y, r, g, b, a);
  }
  void Text(int x, int y, const std::string& text) {
    std::vector<char> buffer(text.size() * 300 + 64);
    const int quads = stb_easy_font_print(0, 0, const_cast<char*>(text.c_str()), nullptr,
                                          buffer.data(), static_cast<int>(buffer.size()));
    const float* v = reinterpret_cast<const float*>(buffer.data());
    for (int q = 0; q < quads; ++q, v += 16)  // 4 vertices of x, y, z, colour
      Rect(x + static_cast<int>(v[0]), y + static_cast<int>(v[1]), x + static_cast<int>(v[8]),
           y + static_cast<int>(v[9]), 235, 235, 235, 1.0f);
  }
};

}  // namespace

void WriteRollPng(const Score& score, const Events& events, const std::filesystem::path& path) {
  const double beats = std::max({1e-9, events.length_beats, score.length_beats});
  const int legend = static_cast<int>(events.instruments.size());
  Canvas canvas(kWidth, kRollHeight + 8 + kLegendRow * std::max(1, legend));
  const Mapping& m = score.mapping;
  const std::vector<int> scale = ScaleNotesInRange(m);
  // Height 0..1 of a pitch: the centre of its scale band (as the picture was read), else linear.
  auto height_of = [&](double pitch) {
    auto it = std::find(scale.begin(), scale.end(), static_cast<int>(std::lround(pitch)));
    if (it != scale.end() && m.scale != "none")
      return (static_cast<double>(it - scale.begin()) + 0.5) / static_cast<double>(scale.size());
    return std::clamp((pitch - m.lowest) / std::max(1e-9, m.highest - m.lowest), 0.0, 1.0);
  };
  auto x_of = [&](double beat) { return static_cast<int>(std::lround(beat / beats * kWidth)); };
  auto y_of = [&](double height) {
    return static_cast<int>(std::lround((1.0 - height) * kRollHeight));
  };

  // The pictures, dimmed, where they lie on the timeline.
  for (const Layer& layer : score.layers) {
    if (layer.kind != Layer::Kind::kImage || !layer.image.pixels || layer.muted) continue;
    const Image& im = *layer.image.pixels;
    if (im.width <= 0 || im.height <= 0 ||
        im.rgba.size() != static_cast<size_t>(im.width) * im.height * 4)
      continue;
    const int x0 = x_of(layer.image.start_beat),
              x1 = x_of(layer.image.start_beat + layer.image.length_beats);
    const int y0 = y_of(layer.image.top), y1 = y_of(layer.image.bottom);
    if (x1 <= x0 || y1 <= y0) continue;
    for (int y = std::max(0, y0); y < std::min(kRollHeight, y1); ++y)
      for (int x = std::max(0, x0); x < std::min(kWidth, x1); ++x) {
        const int sx = std::min(
            im.width - 1, static_cast<int>(static_cast<int64_t>(x - x0) * im.width / (x1 - x0)));
        const int sy = std::min(
            im.height - 1, static_cast<int>(static_cast<int64_t>(y - y0) * im.height / (y1 - y0)));
        const Color c = im.At(sx, sy);
        canvas.Blend(x, y, c.r, c.g, c.b, 0.45f * c.a / 255.0f);
      }
  }
  // Bar lines.
  const double bar = 4.0 * score.meter.numerator / std::max(1, score.meter.denominator);
  for (double b = 0; bar > 0 && b <= beats; b += bar)
    canvas.Rect(x_of(b), 0, x_of(b) + 1, kRollHeight, 90, 90, 90, 0.6f);
  // Notes: a dark outline so a bar stands out on a picture of its own colour.
  const int band = std::max(3, kRollHeight / std::max<int>(12, static_cast<int>(scale.size()) * 2));
  for (const NoteEvent& n : events.notes) {
    if (!n.sounding && n.gesture < 0) continue;
    const bool known = n.instrument >= 0 && n.instrument < legend;
    const InstrumentRef* ref =
        known ? &events.instruments[static_cast<size_t>(n.instrument)] : nullptr;
    const int x0 = x_of(n.start_beat),
              x1 = std::max(x0 + 2, x_of(n.start_beat + n.duration_beats) - 1);
    const int yc = y_of(height_of(n.quantised_pitch));
    canvas.Rect(x0 - 1, yc - band / 2 - 1, x1 + 1, yc + band / 2 + 1, 0, 0, 0, 0.9f);
    canvas.Rect(x0, yc - band / 2, x1, yc + band / 2, ref ? ref->r : 255, ref ? ref->g : 255,
                ref ? ref->b : 255, 0.45f + 0.55f * std::clamp(n.velocity, 0.0f, 1.0f));
  }
  // Legend: swatch, display name, instrument.
  for (int i = 0; i < legend; ++i) {
    const InstrumentRef& ref = events.instruments[static_cast<size_t>(i)];
    const int y = kRollHeight + 8 + i * kLegendRow;
    canvas.Rect(8, y, 40, y + kLegendRow - 6, ref.r, ref.g, ref.b, 1.0f);
    canvas.Text(50, y + 4, std::to_string(i) + "  " + ref.display_name + "  (" + ref.name + ")");
  }

  // PNG bytes from libpng (the engine's encoder), replaced atomically like every other output.
  std::vector<uint8_t> rgba(static_cast<size_t>(canvas.w) * canvas.h * 4);
  for (size_t i = 0, n = static_cast<size_t>(canvas.w) * canvas.h; i < n; ++i) {
    rgba[i * 4 + 0] = canvas.rgb[i * 3 + 0];
    rgba[i * 4 + 1] = canvas.rgb[i * 3 + 1];
    rgba[i * 4 + 2] = canvas.rgb[i * 3 + 2];
    rgba[i * 4 + 3] = 255;
  }
  const std::vector<uint8_t> png = EncodePng(rgba.data(), canvas.w, canvas.h);
  AtomicFile out;
  std::string error;
  if (!out.Open(path, error) || !out.Write(png.data(), png.size(), error) || !out.Commit(error)) {
    throw ScoreError(path.string() + ": " +
                     i18n::Fill(_("cannot write the PNG here ({reason})"), {{"reason", error}}));
  }
}

}  // namespace graphony::cli
