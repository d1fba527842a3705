// The demo's painting, drawn by code (see demo_painting.h). Shapes are placed in musical
// terms (beats across, heights 0..1 up) so the picture reads as the music it plays in notes
// mode: one region per colour, each a calm line the interpreter turns into a melody.
#include "demo_painting.h"

#include <algorithm>
#include <cmath>

#include "core/image_encode.h"

namespace graphony::demo {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct Rgb {
  double r, g, b;
};

// A tiny deterministic generator (xorshift32): the same painting on every machine.
class Random {
 public:
  double Uniform() {  // [0, 1)
    state_ ^= state_ << 13;
    state_ ^= state_ >> 17;
    state_ ^= state_ << 5;
    return (state_ & 0xffffff) / double(1 << 24);
  }
  double Range(double lo, double hi) { return lo + (hi - lo) * Uniform(); }

 private:
  uint32_t state_ = 0x9e3779b9u;
};

class Canvas {
 public:
  Canvas() : pixels_(static_cast<size_t>(kPaintingWidth) * kPaintingHeight) {}

  static double X(double beat) { return beat / kPaintingBeats * kPaintingWidth; }
  static double Y(double height) { return (1.0 - height) * kPaintingHeight; }

  void Paper(Random& rng) {
    // Warm paper with a faint low-frequency wash: texture the eye sees, too weak to count
    // as paint (the interpreter measures contrast against the border colour).
    for (int y = 0; y < kPaintingHeight; ++y)
      for (int x = 0; x < kPaintingWidth; ++x) {
        const double wash =
            2.0 * std::sin(x * 0.013 + std::sin(y * 0.021) * 2) + 1.5 * std::sin(y * 0.05);
        pixels_[Index(x, y)] = Rgb{244 + wash, 239 + wash, 228 + wash};
      }
    (void)rng;
  }

  // One soft round dab: full colour in the middle, fading out over the outer third.
  void Dab(double cx, double cy, double radius, Rgb colour, double opacity) {
    const int x0 = std::max(0, int(cx - radius)),
              x1 = std::min(kPaintingWidth - 1, int(cx + radius) + 1);
    const int y0 = std::max(0, int(cy - radius)),
              y1 = std::min(kPaintingHeight - 1, int(cy + radius) + 1);
    for (int y = y0; y <= y1; ++y)
      for (int x = x0; x <= x1; ++x) {
        const double d = std::hypot(x - cx, y - cy) / radius;
        if (d >= 1) continue;
        const double a = opacity * std::clamp((1.0 - d) * 3.0, 0.0, 1.0);
        Rgb& p = pixels_[Index(x, y)];
        p.r += (colour.r - p.r) * a;
        p.g += (colour.g - p.g) * a;
        p.b += (colour.b - p.b) * a;
      }
  }

  // A brush stroke along height(beat): each bristle leaves its own slightly uneven trail of
  // dabs, so the stroke shows streaks and a ragged edge like loaded paint on paper.
  template <typename HeightFn>
  void Stroke(Random& rng, double from_beat, double to_beat, HeightFn height, double radius,
              Rgb colour) {
    constexpr int kBristles = 7;
    for (int bristle = 0; bristle < kBristles; ++bristle) {
      const double offset = (bristle - (kBristles - 1) / 2.0) / kBristles * radius * 1.4;
      const double shade = rng.Range(-18, 12);
      const Rgb tint{colour.r + shade, colour.g + shade, colour.b + shade};
      const double r = radius * rng.Range(0.35, 0.5);
      for (double x = X(from_beat); x <= X(to_beat); x += r * 0.5) {
        const double beat = x / kPaintingWidth * kPaintingBeats;
        // Perpendicular to the stroke's direction, so bristles stay parallel on slopes.
        const double dy = Y(height(beat + 0.05)) - Y(height(beat - 0.05));
        const double dx = X(0.1);
        const double len = std::hypot(dx, dy);
        const double nx = -dy / len, ny = dx / len;
        Dab(x + nx * offset + rng.Range(-1, 1), Y(height(beat)) + ny * offset + rng.Range(-1, 1),
            r * rng.Range(0.9, 1.1), tint, rng.Range(0.35, 0.6));
      }
    }
  }

  // A filled round blob (a sun): concentric bristle rings.
  void Blob(Random& rng, double beat, double height, double radius, Rgb colour) {
    for (int i = 0; i < 60; ++i) {
      const double angle = rng.Range(0, 2 * kPi), dist = radius * std::sqrt(rng.Uniform()) * 0.7;
      const double shade = rng.Range(-15, 10);
      Dab(X(beat) + std::cos(angle) * dist, Y(height) + std::sin(angle) * dist,
          radius * rng.Range(0.3, 0.45), Rgb{colour.r + shade, colour.g + shade, colour.b + shade},
          rng.Range(0.4, 0.7));
    }
  }

  std::vector<uint8_t> Rgba() const {
    std::vector<uint8_t> out(pixels_.size() * 4);
    for (size_t i = 0; i < pixels_.size(); ++i) {
      out[i * 4 + 0] = static_cast<uint8_t>(std::clamp(std::lround(pixels_[i].r), 0L, 255L));
      out[i * 4 + 1] = static_cast<uint8_t>(std::clamp(std::lround(pixels_[i].g), 0L, 255L));
      out[i * 4 + 2] = static_cast<uint8_t>(std::clamp(std::lround(pixels_[i].b), 0L, 255L));
      out[i * 4 + 3] = 255;
    }
    return out;
  }

 private:
  static size_t Index(int x, int y) { return static_cast<size_t>(y) * kPaintingWidth + x; }
  std::vector<Rgb> pixels_;
};

// Okabe-Ito colours, as in the default palette, so each shape plays its own instrument.
constexpr Rgb kPadBlue{0x00, 0x72, 0xb2};
constexpr Rgb kMarimbaOrange{0xe6, 0x9f, 0x00};
constexpr Rgb kFluteSky{0x56, 0xb4, 0xe9};
constexpr Rgb kBellYellow{0xf0, 0xe4, 0x42};

}  // namespace

std::vector<uint8_t> PaintDemo() {
  Random rng;
  Canvas canvas;
  canvas.Paper(rng);
  // The sea: a broad, slow swell low down, the whole length (a warm pad, changing every bar
  // or two).
  canvas.Stroke(
      rng, 0.2, 31.8, [](double b) { return 0.16 + 0.07 * std::sin(b * kPi / 8); }, 36, kPadBlue);
  // The boat's song: two phrases of a gentle marimba line in the middle register, with a rest
  // between them so the ear can breathe.
  auto melody = [](double b) {
    return 0.5 + 0.1 * std::sin(b * kPi / 4) + 0.04 * std::sin(b * kPi / 1.5);
  };
  canvas.Stroke(rng, 2, 13.5, melody, 12, kMarimbaOrange);
  canvas.Stroke(rng, 18, 29.5, melody, 12, kMarimbaOrange);
  // A gull's arc in the second half: a flute rising and falling above the marimba.
  canvas.Stroke(
      rng, 16, 27, [](double b) { return 0.7 + 0.12 * std::sin((b - 16) * kPi / 11); }, 10,
      kFluteSky);
  // Suns: single bell notes, high, spaced out.
  for (const auto& [beat, height] : {std::pair{4.0, 0.86}, {12.0, 0.9}, {20.0, 0.84}, {30.0, 0.9}})
    canvas.Blob(rng, beat, height, 20, kBellYellow);
  return canvas.Rgba();
}

std::vector<uint8_t> EncodePng(const std::vector<uint8_t>& rgba, int width, int height) {
  return graphony::EncodePng(rgba.data(), width, height);
}

}  // namespace graphony::demo
