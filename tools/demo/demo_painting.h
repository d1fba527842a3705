// The demo's painting, drawn by code: paper, a sea of brush dabs, a melody line, suns.
#pragma once

#include <cstdint>
#include <vector>

namespace graphony::demo {

inline constexpr int kPaintingWidth = 960;
inline constexpr int kPaintingHeight = 480;
inline constexpr double kPaintingBeats = 32;  // the painting spans the whole demo

// RGBA pixels, row-major, top row first. Deterministic: the same bytes on every run.
std::vector<uint8_t> PaintDemo();

// PNG file bytes of the painting.
std::vector<uint8_t> EncodePng(const std::vector<uint8_t>& rgba, int width, int height);

}  // namespace graphony::demo
