// Inverse-FFT additive synthesis for scan-mode banks (Rodet & Depalle's FFT^-1; J. O. Smith,
// Spectral Audio Signal Processing, "Inverse FFT Synthesis"), with oscillator corrections.
//
// Every kHop frames each partial writes its Blackman-Harris main lobe (kTaps bins, phase
// and amplitude at the frame's centre) into a left and a right spectrum; one inverse FFT
// per channel turns the whole bank into a frame, which is divided by the Blackman-Harris
// window, multiplied by a triangle of 2 kHop frames and overlap-added. The cost per output
// frame is nearly independent of the number of partials.
//
// The overlap-add interpolates each amplitude linearly between frame centres (every kHop
// frames); the oscillator path interpolates it every dsp::kBlock frames. Where the two
// differ (an amplitude that bends inside a hop: an image edge, a fade's corner) by more than
// kCorrectionTolerance, the partial gets an oscillator for that hop carrying the difference,
// phase-locked to it (from the same double phasor and a table of cos/sin(n w) per block), so the
// sum is the oscillator path's envelope. That is the per-partial choice: steady and slowly changing
// partials cost only their spectral taps; fast changes are played by oscillators, hop by hop.
#pragma once

#include <fftw3.h>

#include <vector>

namespace graphony {

struct PreparedBank;

namespace fft_bank {
constexpr int kSize = 1024;  // FFT length: 21 ms at 48 kHz
constexpr int kHop = 256;    // frames between frame centres (a multiple of dsp::kBlock)
constexpr int kTaps = 9;     // bins per partial: the 4-term Blackman-Harris main lobe, +-4 bins
// Largest amplitude difference (full scale = 1, about -120 dBFS) left to the overlap-add.
constexpr float kCorrectionTolerance = 1e-6f;
// Fills bank.fft_bin, fft_kern, fft_table, hop_r and hop_i of partial i, of
// angular frequency w (radians per frame). Not for the audio thread (trigonometry).
void LayoutPartial(PreparedBank& bank, int i, double w);
}  // namespace fft_bank

// One bank's running inverse-FFT state: the overlap-add buffers, the spectra, and the
// hop's oscillator corrections. Allocated once by BankOscillator::Init.
struct FftLane {
  int owner = -1;                                   // first slot of the bank using it, -1 = free
  int pos = 0;                                      // frames of the current hop already played
  std::vector<float> out_l, out_r, tail_l, tail_r;  // kHop each: this hop's output, next tail
  // kSize/2+1 bins with guard bins either side (fftwf_alloc; bank_fft.cpp: Fold).
  fftwf_complex *spec_l = nullptr, *spec_r = nullptr;
  float *time_l = nullptr, *time_r = nullptr;  // kSize samples (fftwf_alloc)
  // Corrections active in this hop, compacted (padded to kCorrectionGroup).
  int active = 0;
  std::vector<int> idx;
  std::vector<double> zr, zi;                       // phasor at the next block's first frame
  std::vector<float> e;                             // 3 interior breakpoints per entry
  std::vector<float> coef, y1, y2, gl, dl, gr, dr;  // the oscillator kernel's inputs
  FftLane() = default;
  FftLane(const FftLane&) = delete;
  FftLane& operator=(const FftLane&) = delete;
  ~FftLane();
};

class BankFft {
 public:
  static constexpr int kLanes = 4;  // banks sounding at once on the FFT path; more use oscillators
  BankFft() = default;
  BankFft(const BankFft&) = delete;
  BankFft& operator=(const BankFft&) = delete;
  // Allocates everything (and the process-wide FFTW plan, once, under FFTW's planner lock).
  void Init(int max_partials);
  // A bank starting at `first` (re)starts: frees its lane; the next Render may take one.
  void Release(int first);
  // The free lane for a bank starting at `slot`, reset to silence; nullptr when none is free.
  FftLane* Acquire(int slot);
  FftLane* Find(int slot);
  // Adds one dsp::kBlock block of the bank (beats b0..b1) to left/right. z*/amp are the
  // bank's slots of the per-partial phasor (phase at the current frame centre) and of the
  // amplitude reached there. b1 = -infinity: fade the lane out within this block and free it.
  void Render(const PreparedBank& bank, FftLane& lane, double b0, double b1, double* zr, double* zi,
              float* amp, float* left, float* right);

 private:
  std::vector<float> window_;          // 2 kHop: triangle / Blackman-Harris, centre at kHop
  std::vector<float> a4_, e_, worst_;  // StartHop's scratch per partial
  FftLane lanes_[kLanes];
  void StartHop(const PreparedBank& bank, FftLane& lane, double b0, double b1, double* zr,
                double* zi, float* amp);
};

}  // namespace graphony
