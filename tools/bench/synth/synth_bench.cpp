// Benchmark driver: builds the W(N) workload (../shared/bench/README.md) or a synthetic
// scan-mode image as Events with a PartialBank and renders it with the offline renderer.
//   graphony-synth-bench wn N OUT.wav            N sines, 60 s, 48 kHz, dry, amp 1/N, float WAV
//   graphony-synth-bench pgm IMAGE.pgm SECONDS OUT.wav   every pixel row a partial
// A trailing `osc` renders banks with oscillators only (no inverse-FFT path); after `wn`,
// `wn N OUT.wav SECONDS` shortens W(N) (the correctness test).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

#include "synth/offline_render.h"

using namespace graphony;

namespace {

Events WorkloadW(int n, double seconds = 60) {
  Events e;
  e.tempo_bpm = 60;  // one beat = one second
  e.length_beats = seconds;
  e.instruments.push_back({"sine", "Sines", "", 255, 255, 255});
  PartialBank bank;
  bank.start_beat = 0;
  bank.length_beats = seconds;
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

// A binary PGM (shared/bench/image_workload.py make) as a scan bank: every pixel row a
// partial, top = 16 kHz .. bottom = 55 Hz (log-spaced), brightness = amplitude, the
// image's width stretched over `seconds`. All rows, all columns: no interpretation caps.
Events WorkloadPgm(const std::string& path, double seconds) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int width = 0, height = 0, maxval = 0;
  in >> magic >> width >> height >> maxval;
  in.get();
  if (magic != "P5" || width <= 0 || height <= 0 || maxval != 255)
    throw std::runtime_error(path + ": not an 8-bit PGM");
  std::vector<unsigned char> px(static_cast<size_t>(width) * height);
  in.read(reinterpret_cast<char*>(px.data()), static_cast<std::streamsize>(px.size()));
  Events e;
  e.tempo_bpm = 60;
  e.length_beats = seconds;
  e.instruments.push_back({"sine", "Image", "", 255, 255, 255});
  PartialBank bank;
  bank.length_beats = seconds;
  bank.columns = width;
  for (int y = 0; y < height; ++y) {
    PartialRow row;
    row.frequency_hz =
        55.0 * std::pow(16000.0 / 55.0, (height - 1 - y) / std::max(1.0, height - 1.0));
    row.amplitude.resize(static_cast<size_t>(width));
    bool any = false;
    for (int x = 0; x < width; ++x) {
      const float a = px[static_cast<size_t>(y) * width + x] / 255.0f;
      row.amplitude[static_cast<size_t>(x)] = a;
      any |= a > 0;
    }
    if (any) bank.rows.push_back(std::move(row));
  }
  e.banks.push_back(std::move(bank));
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  bool osc = argc > 1 && std::string(argv[argc - 1]) == "osc";
  if (osc) --argc;
  const std::string mode = argc > 1 ? argv[1] : "";
  Events events;
  std::string out;
  OfflineOptions opt;
  opt.engine.sample_rate = 48000;
  opt.engine.reverb_mix = 0;
  FileOptions file;
  file.sample_format = SampleFormat::kFloat;
  opt.engine.bank_fft = !osc;
  if (mode == "wn" && (argc == 4 || argc == 5)) {
    const int n = std::atoi(argv[2]);
    events = argc == 5 ? WorkloadW(n, std::atof(argv[4])) : WorkloadW(n);
    opt.engine.partial_gain = 1.0f / static_cast<float>(n);
    opt.engine.max_partials = n + 64;
    out = argv[3];
  } else if (mode == "pgm" && argc == 5) {
    try {
      events = WorkloadPgm(argv[2], std::atof(argv[3]));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s\n", e.what());
      return 1;
    }
    opt.engine.max_partials = static_cast<int>(events.banks[0].rows.size()) + 64;
    out = argv[4];
  } else {
    std::fprintf(
        stderr,
        "usage: graphony-synth-bench wn N OUT.wav [SECONDS] | pgm IMAGE.pgm SECONDS OUT.wav"
        " [osc]\n");
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
