// Benchmark: Interpret() on a deterministic, colourful 4000x3000 image in scan and notes mode,
// with the old notes-mode algorithm (region slicing, old_image_notes.h) timed in the same run.
// Usage: bench_interpret [repetitions=5] [width=4000] [height=3000]. Prints min/median wall
// time and this thread's CPU time (the machine is shared, so CPU time is the steadier figure);
// new and old runs alternate so that both see the same load.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <vector>

#include "core/score.h"
#include "interpret/interpret.h"
#include "interpret/polyphony.h"
#include "old_image_notes.h"

using namespace graphony;

namespace {

// A painting-like test card: a dark wash with soft gradients, 600 coloured shapes (discs,
// bars, blobs) and a little grain, from a fixed-seed LCG so every run sees the same pixels.
Image MakePainting(int width, int height) {
  Image image;
  image.width = width;
  image.height = height;
  image.rgba.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
  uint32_t state = 2026;
  auto next = [&]() { return (state = state * 1664525u + 1013904223u) >> 8; };
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      uint8_t* p = &image.rgba[(static_cast<size_t>(y) * static_cast<size_t>(width) +
                                static_cast<size_t>(x)) *
                               4];
      p[0] = static_cast<uint8_t>(10 + 20 * x / width);
      p[1] = static_cast<uint8_t>(12 + 10 * y / height);
      p[2] = static_cast<uint8_t>(25 + (next() & 7));
      p[3] = 255;
    }
  const uint8_t colours[][3] = {{230, 40, 40},   {40, 90, 230},  {250, 220, 50}, {50, 190, 80},
                                {240, 240, 240}, {200, 80, 220}, {250, 140, 30}, {60, 220, 220}};
  for (int s = 0; s < 600; ++s) {
    const int cx = static_cast<int>(next() % static_cast<uint32_t>(width));
    const int cy = static_cast<int>(next() % static_cast<uint32_t>(height));
    const int rx = 10 + static_cast<int>(next() % 220), ry = 5 + static_cast<int>(next() % 90);
    const uint8_t* c = colours[next() % 8];
    const int kind = static_cast<int>(next() % 3);
    for (int y = std::max(0, cy - ry); y < std::min(height, cy + ry); ++y)
      for (int x = std::max(0, cx - rx); x < std::min(width, cx + rx); ++x) {
        const double dx = static_cast<double>(x - cx) / rx, dy = static_cast<double>(y - cy) / ry;
        const bool inside = kind == 0   ? dx * dx + dy * dy <= 1
                            : kind == 1 ? std::abs(dy) < 0.3
                                        : std::abs(dx) + std::abs(dy) < 1;
        if (!inside) continue;
        uint8_t* p = &image.rgba[(static_cast<size_t>(y) * static_cast<size_t>(width) +
                                  static_cast<size_t>(x)) *
                                 4];
        for (int k = 0; k < 3; ++k) p[k] = static_cast<uint8_t>((c[k] * 3 + p[k]) / 4);
      }
  }
  return image;
}

Score MakeScore(std::shared_ptr<const Image> pixels, ImageMode mode) {
  Score score;
  score.length_beats = 64;
  score.palette = {
      {{230, 40, 40, 255}, "pluck", "Pluck", ""},      {{40, 90, 230, 255}, "soft-pad", "Pad", ""},
      {{250, 220, 50, 255}, "marimba", "Marimba", ""}, {{50, 190, 80, 255}, "flute", "Flute", ""},
      {{240, 240, 240, 255}, "bell", "Bells", ""},     {{20, 20, 20, 255}, "bass", "Bass", ""}};
  Layer layer;
  layer.kind = Layer::Kind::kImage;
  layer.image.file = "images/bench.png";
  layer.image.length_beats = 64;
  layer.image.mode = mode;
  layer.image.pixels = std::move(pixels);
  score.layers.push_back(layer);
  return score;
}

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  const int width = argc > 2 ? std::clamp(std::atoi(argv[2]), 1, kMaxImageSide) : 4000;
  const int height = argc > 3 ? std::clamp(std::atoi(argv[3]), 1, kMaxImageSide) : 3000;
  auto pixels = std::make_shared<const Image>(MakePainting(width, height));
  std::printf("Interpret() on a %dx%d painting, %d runs each (single thread)\n", width, height,
              reps);
  struct Timing {
    std::vector<double> ms, cpu;
    size_t notes = 0, partials = 0;
    int columns = 0;
    void Add(double wall, double thread) {
      ms.push_back(wall);
      cpu.push_back(thread);
    }
    void Print(const char* name) {
      std::sort(ms.begin(), ms.end());
      std::sort(cpu.begin(), cpu.end());
      std::printf(
          "  %-9s wall min %7.1f ms median %7.1f ms | cpu min %7.1f ms median %7.1f ms"
          "  -> %zu notes, %zu partials x %d columns\n",
          name, ms.front(), ms[ms.size() / 2], cpu.front(), cpu[cpu.size() / 2], notes, partials,
          columns);
    }
    double MedianCpu() const { return cpu[cpu.size() / 2]; }
  };
  auto timed = [](const auto& work, Timing& t) {
    const double c0 = ThreadCpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    work();
    const auto t1 = std::chrono::steady_clock::now();
    t.Add(std::chrono::duration<double, std::milli>(t1 - t0).count(), ThreadCpuMs() - c0);
  };
  Timing scan, notes, old;
  const Score scan_score = MakeScore(pixels, ImageMode::kScan);
  const Score notes_score = MakeScore(pixels, ImageMode::kNotes);
  // The old path as its Interpret() ran it: the layer's notes, then the polyphony limit.
  const interpret::PaletteMatcher matcher(notes_score.palette);
  for (int r = 0; r < reps; ++r) {
    timed(
        [&] {
          const Events e = Interpret(scan_score);
          scan.partials = 0;
          for (const PartialBank& b : e.banks) scan.partials += b.rows.size();
          scan.columns = e.banks.empty() ? 0 : e.banks[0].columns;
        },
        scan);
    timed([&] { notes.notes = Interpret(notes_score).notes.size(); }, notes);
    timed(
        [&] {
          const Mapping& m = notes_score.mapping;
          old.notes = interpret::LimitPolyphony(
                          old_notes::OldImageNotes(m, notes_score.layers[0].image, 0, matcher),
                          m.max_polyphony, m.grid)
                          .size();
        },
        old);
  }
  scan.Print("scan");
  notes.Print("notes");
  old.Print("old notes");
  std::printf("  notes / old notes (median cpu): %.2fx\n", notes.MedianCpu() / old.MedianCpu());
  // The editor's case: re-interpreting after a stroke, with the pictures already analysed.
  InterpretCache cache;
  const Score score = MakeScore(pixels, ImageMode::kNotes);
  Interpret(score, &cache);
  const double c0 = ThreadCpuMs();
  for (int r = 0; r < reps; ++r) Interpret(score, &cache);
  std::printf("  notes with InterpretCache, picture unchanged: cpu %.3f ms per call (%d hits)\n",
              (ThreadCpuMs() - c0) / reps, cache.hits());
  return 0;
}
