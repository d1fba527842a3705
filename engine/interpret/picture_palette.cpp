// Picture palette: a coarse OKLab histogram of the picture (background left out), greedy
// peak picking with a minimum separation, one instrument per colour by its character.
#include "interpret/picture_palette.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <tuple>

#include "interpret/foreground.h"
#include "interpret/resample.h"

namespace graphony::interpret {

namespace {

constexpr int kThumbSide = 128;  // the palette looks at a 128x128 summary
constexpr float kBinL = 0.1f, kBinAB = 0.05f;
constexpr float kMinSeparation = 0.12f;  // OKLab distance between two palette colours
constexpr double kMinShare = 0.015;      // a colour must cover this share of the painting
constexpr float kBackgroundDistance = 0.07f;

using BinKey = std::tuple<int, int, int>;

BinKey BinOf(const Lab& lab) {
  return {static_cast<int>(std::floor(lab.L / kBinL)), static_cast<int>(std::floor(lab.a / kBinAB)),
          static_cast<int>(std::floor(lab.b / kBinAB))};
}

Lab CentreOf(const BinKey& k) {
  return Lab{(std::get<0>(k) + 0.5f) * kBinL, (std::get<1>(k) + 0.5f) * kBinAB,
             (std::get<2>(k) + 0.5f) * kBinAB};
}

// Inverse OKLab (Ottosson): OKLab -> linear sRGB (may fall outside 0..1: out of gamut).
LinearRgb OklabToLinear(const Lab& c) {
  const float l_ = c.L + 0.3963377774f * c.a + 0.2158037573f * c.b;
  const float m_ = c.L - 0.1055613458f * c.a - 0.0638541728f * c.b;
  const float s_ = c.L - 0.0894841775f * c.a - 1.2914855480f * c.b;
  const float l = l_ * l_ * l_, m = m_ * m_ * m_, s = s_ * s_ * s_;
  return {4.0767416621f * l - 3.3077115913f * m + 0.2309699292f * s,
          -1.2684380046f * l + 2.6097574011f * m - 0.3413193965f * s,
          -0.0041960863f * l - 0.7034186147f * m + 1.7076147010f * s};
}

uint8_t ToSrgb8(float linear) {
  const double c = std::clamp(static_cast<double>(linear), 0.0, 1.0);
  const double s = c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
  return static_cast<uint8_t>(std::lround(s * 255));
}

struct Bin {
  double weight = 0;
  float best_distance = 1e9f;  // of the representative cell to the bin centre
  LinearRgb colour{0, 0, 0};
};

}  // namespace

std::string InstrumentForColour(const Lab& lab) {
  const float chroma = Chroma(lab);
  const float hue = std::atan2(lab.b, lab.a) * 57.29578f;  // degrees: red ~30, yellow ~100,
                                                           // green ~140, blue ~-100
  if (lab.L < 0.38f) return "bass";                        // dark and heavy: low
  if (chroma < 0.045f) return lab.L > 0.72f ? "soft-pad" : "sine";        // greys: calm
  if (hue > -150 && hue < -50) return "flute";                            // blues
  if (hue >= 60 && hue < 115) return lab.L > 0.62f ? "bell" : "marimba";  // yellows, ochres
  if (hue >= 115 || hue <= -150) return "pluck";                          // greens and teals
  if (hue >= 0 && hue < 60) return lab.L > 0.7f ? "bell" : "marimba";     // reds, oranges
  return "soft-pad";                                                      // purples and pinks
}

std::string ColourName(const Lab& lab) {
  const float chroma = Chroma(lab);
  const std::string tone = lab.L < 0.38f ? "dark " : lab.L > 0.78f ? "light " : "";
  if (chroma < 0.03f) return lab.L < 0.25f ? "black" : lab.L > 0.9f ? "white" : tone + "grey";
  const float hue = std::atan2(lab.b, lab.a) * 57.29578f;
  const char* name = hue < -150  ? "teal"
                     : hue < -50 ? "blue"
                     : hue < 0   ? "purple"
                     : hue < 45  ? "red"
                     : hue < 75  ? "orange"
                     : hue < 115 ? "yellow"
                                 : "green";
  if (std::string(name) == "orange" && lab.L < 0.55f) return tone + "brown";
  return tone + name;
}

std::vector<PaletteEntry> PicturePalette(const Image& image) {
  std::vector<PaletteEntry> out;
  if (!ImageIsUsable(image)) return out;
  const Background bg = DetectBackground(image);
  const int w = std::min(image.width, kThumbSide), h = std::min(image.height, kThumbSide);
  const LinearGrid grid = AreaResample(image, w, h);
  std::map<BinKey, Bin> bins;
  double total = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const float* c = grid.At(x, y);
      if (c[3] < 0.5f) continue;  // mostly transparent: not paint
      const LinearRgb lin{c[0] / c[3], c[1] / c[3], c[2] / c[3]};
      const Lab lab = LinearToOklab(lin);
      if (!bg.transparent && LabDistance(lab, bg.lab) < kBackgroundDistance) continue;
      const BinKey key = BinOf(lab);
      Bin& bin = bins[key];
      bin.weight += 1;
      total += 1;
      const float d = LabDistance(lab, CentreOf(key));
      if (d < bin.best_distance) {  // strict: the first of equals wins (scan order)
        bin.best_distance = d;
        bin.colour = lin;
      }
    }
  if (total <= 0) return out;
  // Bins by weight; a bin joins the palette if it is far from every colour already chosen.
  // Stable under small edits: painting more of a chosen colour only adds to its own bin, which
  // cannot change which bins are chosen.
  std::vector<std::pair<double, BinKey>> ranked;
  for (const auto& [key, bin] : bins) ranked.push_back({bin.weight, key});
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Lab> chosen;
  for (const auto& [weight, key] : ranked) {
    if (static_cast<int>(out.size()) >= kMaxPictureColours) break;
    if (weight < kMinShare * total) break;
    // The bin's centre when it is a displayable colour (so the colour does not move when the
    // picture changes a little), else the picture's cell nearest to it.
    LinearRgb lin = OklabToLinear(CentreOf(key));
    if (!(std::min({lin[0], lin[1], lin[2]}) >= 0.0f && std::max({lin[0], lin[1], lin[2]}) <= 1.0f))
      lin = bins[key].colour;
    const Color colour{ToSrgb8(lin[0]), ToSrgb8(lin[1]), ToSrgb8(lin[2]), 255};
    const Lab lab = ColorToOklab(colour);
    bool far = true;
    for (const Lab& c : chosen) far = far && LabDistance(c, lab) >= kMinSeparation;
    if (!far) continue;
    chosen.push_back(lab);
    const std::string instrument = InstrumentForColour(lab);
    std::string name = ColourName(lab);
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    out.push_back(PaletteEntry{colour, instrument, name, ""});
  }
  return out;
}

}  // namespace graphony::interpret
