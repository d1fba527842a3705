// Size bounds for untrusted files beyond those in score.h, and the test-adjustable entry bound.
#pragma once

#include <cstdint>

#include "core/score.h"

namespace graphony {

// Decoded images are RGBA in memory: 100 Mpx is 400 MB, about what an old laptop can hold
// next to the editor. A 32768-px side alone would allow 4 GB.
inline constexpr uint64_t kMaxImagePixels = 100'000'000;
// Pictures are decoded only as large as they are used: scan mode reads at most 1024 rows by
// default and notes mode a 512x512 grid; a 1920-px long side fills a full-HD canvas. So a
// 24 Mpx photo decodes at 1/2 (3000x2000) and a 100 Mpx one at 1/4, straight from the JPEG.
inline constexpr int kDecodeLongSide = 1920;
inline constexpr int kDecodeShortSide = 1024;
// score.json is parsed into a DOM several times its size; no real score is near this.
inline constexpr uint64_t kMaxScoreJsonBytes = 64ull << 20;
// Bundles with more entries than this are refused (each entry costs a file handle and memory).
inline constexpr uint64_t kMaxBundleEntries = 10000;

// kMaxEntryBytes unless a test lowered it (see score_io_testing.h).
uint64_t MaxEntryBytes();

}  // namespace graphony
