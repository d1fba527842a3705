// Benchmark driver: decodes one JPEG either as the loader does (scaled) or at full size.
// Usage: bench_image_decode scaled|full FILE. One mode per process, so the peak resident set
// (getrusage) belongs to that mode alone; run_bench.sh alternates the two and compares them.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>

#include "core/file_io.h"
#include "core/image_decode.h"
#include "core/jpeg_decode.h"
#include "core/limits.h"
#include "core/score_io.h"

using namespace graphony;

namespace {

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || (std::strcmp(argv[1], "scaled") != 0 && std::strcmp(argv[1], "full") != 0)) {
    std::fprintf(stderr, "usage: bench_image_decode scaled|full FILE.jpg\n");
    return 2;
  }
  const bool scaled = std::strcmp(argv[1], "scaled") == 0;
  try {
    const std::vector<uint8_t> bytes = ReadFileBytes(argv[2], argv[2], MaxEntryBytes());
    const long before_kb = PeakRssKb();  // the file itself, in memory in both modes
    const double cpu0 = CpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    // scaled: what loading a score does (header, budget plan, libjpeg-turbo scaled decode).
    // full: the old behaviour, every pixel decoded, with the same decoder.
    const std::shared_ptr<const Image> image =
        scaled ? DecodeImage(bytes, argv[2])
               : std::make_shared<const Image>(DecodeJpeg(bytes, argv[2], 1, ImageMemoryBudget()));
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = CpuSeconds() - cpu0;
    std::printf(
        "mode=%s width=%d height=%d wall_ms=%.1f cpu_ms=%.1f peak_rss_kb=%ld before_kb=%ld\n",
        argv[1], image->width, image->height, wall * 1e3, cpu * 1e3, PeakRssKb(), before_kb);
  } catch (const ScoreError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
