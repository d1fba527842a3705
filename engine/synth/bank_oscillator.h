// The spectral oscillator bank for scan mode: thousands of fixed-frequency sine partials
// whose amplitudes follow image columns. The hot path of the engine.
//
// Each partial is a float 2nd-order resonator y[n] = 2cos(w) y[n-1] - y[n-2], vectorised
// across partials (structure of arrays, 16 per vector) and re-seeded every block from a
// double-precision phasor, so float rounding never accumulates into drift. Amplitudes ramp
// linearly across each block (no zipper). The kernel is compiled for AVX-512, AVX2 and
// baseline x86-64 and picked at run time (target_clones), so old laptops still run it.
#pragma once

#include <cstdint>
#include <vector>

#include "core/large_buffer.h"
#include "synth/bank_fft.h"

namespace graphony {

// A bank laid out for one sample rate (built by PrepareProgram, read-only afterwards).
struct PreparedBank {
  double start_beat = 0, length_beats = 0;
  double fade_beats = 0;  // linear fade-in/out at the bank's edges
  int columns = 0;
  int instrument = 0;
  int rows = 0;    // real partials
  int padded = 0;  // rows rounded up to the kernel's group size
  int slot = 0;    // first oscillator slot in the engine's state
  // Per partial (padded): resonator coefficient, pan gains, reseed constants.
  std::vector<float> coef, pan_l, pan_r;
  std::vector<double> w1r, w1i, w2r, w2i, blk_r, blk_i;
  // Column-major: amp[col * padded + row], gain included.
  std::vector<float, HugePageAllocator<float>> amp;
  // Inverse-FFT path (bank_fft.h), per partial: first bin, main-lobe taps, rotation per hop.
  bool fft = false;
  std::vector<int> fft_bin;
  // Per partial 4 * fft_bank::kTaps floats: the taps (re, im interleaved), then the same
  // times i (-im, re), so a tap times a complex amplitude is two multiply-adds per float.
  std::vector<float> fft_kern;
  std::vector<float> fft_table;  // 2 * dsp::kBlock per partial: cos(n w), then sin(n w)
  std::vector<double> hop_r, hop_i;
};

// Where a beat falls in a bank's columns: amplitude of partial i is
// (a0[i] + (a1[i] - a0[i]) * f) * edge.
struct ColumnPoint {
  const float* a0;
  const float* a1;
  float f, edge;
};
ColumnPoint ColumnAt(const PreparedBank& bank, double beat);

// Per-partial running state for every slot; allocated once by the engine.
class BankOscillator {
 public:
  static constexpr int kGroup = 64;  // partials per kernel step (4 vectors of 16)
  void Init(int max_partials);
  void ResetSlots(int first, int count);  // phase 0, silent (a bank (re)starts)
  // Adds one dsp::kBlock block (beats beat_start..beat_end) of the bank into left/right.
  // Oscillators: amplitudes at the block's start are the previous block's end values and
  // `beat_end` gives the new end values. A bank with `fft` set plays through the inverse-FFT
  // path (bank_fft.h) when a lane is free at its start. beat_end = -infinity: ramp to silence.
  void Render(const PreparedBank& bank, double beat_start, double beat_end, float* left,
              float* right);
  int Capacity() const { return capacity_; }

 private:
  int capacity_ = 0;
  std::vector<double> zr_, zi_;                     // phasor at the next block's first frame
  std::vector<float> gl_, gr_;                      // gains reached at the end of the last block
  std::vector<float> y1_, y2_, dl_, dr_, tl_, tr_;  // scratch per block
  std::vector<float> amp_;                          // FFT path: amplitude at the frame centre
  std::vector<char> fresh_;  // slot starts a bank: its first Render may take an FFT lane
  BankFft fft_;
};

// The SIMD kernel (exposed for tests and the benchmark).
void RenderPartialGroups(const float* coef, const float* y1, const float* y2, const float* gl,
                         const float* dl, const float* gr, const float* dr, int groups, int frames,
                         float* left, float* right);

}  // namespace graphony
