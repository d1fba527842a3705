// Benchmark driver: builds the W(N) workload (../shared/bench/README.md) or a synthetic
// scan-mode image as Events with a PartialBank and renders it with the offline renderer.
//   graphony-synth-bench wn N OUT.wav            N sines, 60 s, 48 kHz, dry, amp 1/N, float WAV
//   graphony-synth-bench image W H SECONDS OUT.wav   a W x H image (every row a partial)
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "synth/offline_render.h"

using namespace graphony;

namespace {

Events WorkloadW(int n) {
  Events e;
  e.tempo_bpm = 60;  // one beat = one second
  e.length_beats = 60;
  e.instruments.push_back({"sine", "Sines", "", 255, 255, 255});
  PartialBank bank;
  bank.start_beat = 0;
  bank.length_beats = 60;
  bank.columns = 2;
  for (int i = 0; i < n; ++i) {
    PartialRow row;
    row.frequency_hz = 55.0 * std::exp2(7.0 * i / n);
    row.pan = n > 1 ? 2.0f * i / (n - 1) - 1.0f : 0.0f;
    row.amplitude.assign(2, 1.0f);
    bank.rows.push_back(row);
  }
  e.banks.push_back(bank);
  return e;
}

// A deterministic image with smooth blobs: rows 55 Hz .. 7040 Hz (bottom to top).
Events WorkloadImage(int width, int height, double seconds) {
  Events e;
  e.tempo_bpm = 60;
  e.length_beats = seconds;
  e.instruments.push_back({"sine", "Image", "", 255, 255, 255});
  PartialBank bank;
  bank.length_beats = seconds;
  bank.columns = width;
  for (int y = 0; y < height; ++y) {
    PartialRow row;
    row.frequency_hz = 55.0 * std::exp2(7.0 * y / height);
    row.pan = 0;
    row.amplitude.resize(static_cast<size_t>(width));
    for (int x = 0; x < width; ++x) {
      const double v = 0.5 + 0.5 * std::sin(x * 0.013 + y * 0.021) * std::cos(x * 0.007 - y * 0.017);
      row.amplitude[static_cast<size_t>(x)] = static_cast<float>(v * v);
    }
    bank.rows.push_back(std::move(row));
  }
  e.banks.push_back(std::move(bank));
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  Events events;
  std::string out;
  OfflineOptions opt;
  opt.engine.sample_rate = 48000;
  opt.engine.reverb_mix = 0;
  FileOptions file;
  file.sample_format = SampleFormat::kFloat;
  if (mode == "wn" && argc == 4) {
    const int n = std::atoi(argv[2]);
    events = WorkloadW(n);
    opt.engine.partial_gain = 1.0f / static_cast<float>(n);
    opt.engine.max_partials = n + 64;
    out = argv[3];
  } else if (mode == "image" && argc == 6) {
    events = WorkloadImage(std::atoi(argv[2]), std::atoi(argv[3]), std::atof(argv[4]));
    opt.engine.max_partials = std::atoi(argv[3]) + 64;
    out = argv[5];
  } else {
    std::fprintf(stderr, "usage: graphony-synth-bench wn N OUT.wav | image W H SECONDS OUT.wav\n");
    return 2;
  }
  try {
    const auto t0 = std::chrono::steady_clock::now();
    RenderToFile(events, out, opt, file);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "rendered %s in %.3f s wall\n", out.c_str(), s);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
