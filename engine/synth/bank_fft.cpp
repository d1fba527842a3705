// Inverse-FFT bank synthesis: main-lobe kernels, spectra per hop, overlap-add, corrections.
#include "synth/bank_fft.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstring>
#include <mutex>

#include "synth/bank_oscillator.h"
#include "synth/dsp.h"

namespace graphony {

namespace {
using fft_bank::kHop;
using fft_bank::kSize;
using fft_bank::kTaps;
constexpr int kBins = kSize / 2 + 1;
constexpr int kBlocksPerHop = kHop / dsp::kBlock;
static_assert(kHop % dsp::kBlock == 0 && 2 * kHop <= kSize, "hop layout");

// 4-term Blackman-Harris (-92 dB side lobes, main lobe +-4 bins), zero-phase:
// w(t) = sum_m a_m cos(2 pi m t / N), t in [-N/2, N/2).
constexpr double kBh[4] = {0.35875, 0.48829, 0.14128, 0.01168};

double BlackmanHarris(double t) {
  double w = 0;
  for (int m = 0; m < 4; ++m) w += kBh[m] * std::cos(dsp::kTwoPi * m * t / kSize);
  return w;
}

// One process-wide plan, made once: FFTW's planner is not thread-safe and allocates, so it
// runs here (under FFTW's own planner lock, in case another library plans in parallel) and
// never on the audio thread. FFTW_ESTIMATE: the same algorithm every run, so renders are
// deterministic (FFTW_MEASURE picks by timing).
fftwf_plan SharedPlan() {
  static const fftwf_plan plan = [] {
    fftwf_make_planner_thread_safe();
    fftwf_complex* in = fftwf_alloc_complex(kBins);  // offsets by kGuard keep its alignment
    float* out = fftwf_alloc_real(kSize);
    fftwf_plan p = fftwf_plan_dft_c2r_1d(kSize, in, out, FFTW_ESTIMATE | FFTW_DESTROY_INPUT);
    fftwf_free(in);
    fftwf_free(out);
    return p;
  }();
  return plan;
}

// Spectra carry kGuard bins beyond each end, so every partial's taps are written in one
// pass without a branch; the taps that fell below bin 0 or above N/2 are the
// negative-frequency image and fold back as complex conjugates afterwards (Fold).
constexpr int kGuard = 8;  // >= kTaps / 2 + 1; 64 bytes, so FFTW's alignment is kept
static_assert(kGuard > kTaps / 2, "guard bins");
constexpr int kSpecLen = kBins + 2 * kGuard;
constexpr int kCopies = 4;  // spectra per channel written in turn (AddTaps)

void Fold(fftwf_complex* ext) {
  fftwf_complex* x = ext + kGuard;
  for (int g = 1; g <= kGuard; ++g) {
    x[g][0] += x[-g][0];
    x[g][1] -= x[-g][1];
    x[kSize / 2 - g][0] += x[kSize / 2 + g][0];
    x[kSize / 2 - g][1] -= x[kSize / 2 + g][1];
  }
  // DC and Nyquist are their own images: twice the real part.
  x[0][0] *= 2;
  x[0][1] = 0;
  x[kSize / 2][0] *= 2;
  x[kSize / 2][1] = 0;
}

// Per partial, for a hop: the amplitude at the next frame centre (a4) and how far the
// oscillator path's envelope (block edges 1..3) strays from the overlap-add's straight
// line from amp0 to a4 (e1..e3, and the largest |e|). Vectorised across partials.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void HopAmplitudes(
    int n, const float* __restrict amp0, const float* __restrict p1a, const float* __restrict p1b,
    float f1, float g1, const float* __restrict p2a, const float* __restrict p2b, float f2,
    float g2, const float* __restrict p3a, const float* __restrict p3b, float f3, float g3,
    const float* __restrict p4a, const float* __restrict p4b, float f4, float g4,
    float* __restrict a4, float* __restrict e1, float* __restrict e2, float* __restrict e3,
    float* __restrict worst) {
  for (int i = 0; i < n; ++i) {
    const float a0 = amp0[i];
    const float a = (p4a[i] + (p4b[i] - p4a[i]) * f4) * g4;
    const float d = a - a0;
    const float x1 = (p1a[i] + (p1b[i] - p1a[i]) * f1) * g1 - (a0 + d * 0.25f);
    const float x2 = (p2a[i] + (p2b[i] - p2a[i]) * f2) * g2 - (a0 + d * 0.5f);
    const float x3 = (p3a[i] + (p3b[i] - p3a[i]) * f3) * g3 - (a0 + d * 0.75f);
    a4[i] = a;
    e1[i] = x1;
    e2[i] = x2;
    e3[i] = x3;
    worst[i] = std::max(std::fabs(x1), std::max(std::fabs(x2), std::fabs(x3)));
  }
}

// Every sounding partial's main lobe into the spectra (dark rows cost only the check).
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void AddTaps(
    int rows, const float* a4, const double* zr, const double* zi, const float* pan_l,
    const float* pan_r, const float* kern, const int* bins, fftwf_complex* spec_l,
    fftwf_complex* spec_r) {
  // Partial i writes copy i % kCopies of the spectra: neighbours (rows are usually sorted
  // by pitch) overlap in bins, and a vector load of what the previous partial just stored,
  // shifted by a bin, stalls store-to-load forwarding. SumCopies adds them up.
  for (int i = 0; i < rows; ++i) {
    if (a4[i] == 0.0f) continue;
    const float cr = static_cast<float>(zr[i]), ci = static_cast<float>(zi[i]);
    const float al = a4[i] * pan_l[i], ar = a4[i] * pan_r[i];
    const float* k = kern + static_cast<size_t>(i) * 4 * kTaps;
    const float* ki = k + 2 * kTaps;
    const int bin = bins[i] + kGuard + (i % kCopies) * kSpecLen;
    // (cr + i ci) * tap = cr * tap + ci * (i tap), element by element over re/im pairs.
    float* __restrict sl = &spec_l[bin][0];
    float* __restrict sr = &spec_r[bin][0];
    const float lr = al * cr, li = al * ci, rr = ar * cr, ri = ar * ci;
    for (int j = 0; j < 2 * kTaps; ++j) {
      sl[j] += lr * k[j] + li * ki[j];
      sr[j] += rr * k[j] + ri * ki[j];
    }
  }
}

__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void SumCopies(
    fftwf_complex* spec) {
  float* __restrict x = &spec[0][0];
  for (int c = 1; c < kCopies; ++c) {
    const float* __restrict y = &spec[c * kSpecLen][0];
    for (int j = 0; j < 2 * kSpecLen; ++j) x[j] += y[j];
  }
}

// The hop's corrections for its block `blk`: partial idx[m] with its amplitude ramping
// between breakpoints (zero at the hop's ends), sin(theta + n w) for the block's frames
// from the phasor (theta, double) and the partial's table of cos/sin(n w), vectorised across
// frames: the few partials of a sparse list cost no horizontal sums.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void AddCorrections(
    int count, int blk, const int* idx, double* zr, double* zi, const float* e, const float* pan_l,
    const float* pan_r, const double* blk_r, const double* blk_i, const float* table,
    float* __restrict left, float* __restrict right) {
  constexpr int kB = dsp::kBlock;
  constexpr float kInv = 1.0f / kB;
  for (int m = 0; m < count; ++m) {
    const int i = idx[m];
    const float e0 = blk == 0 ? 0.0f : e[3 * m + blk - 1];
    const float e1 = blk == kBlocksPerHop - 1 ? 0.0f : e[3 * m + blk];
    const float gl = e0 * pan_l[i], gr = e0 * pan_r[i];
    const float dl = (e1 - e0) * kInv * pan_l[i], dr = (e1 - e0) * kInv * pan_r[i];
    const float cr = static_cast<float>(zr[m]), ci = static_cast<float>(zi[m]);
    const float* __restrict c = table + static_cast<size_t>(i) * 2 * kB;
    const float* __restrict sn = c + kB;
    for (int n = 0; n < kB; ++n) {
      const float y = ci * c[n] + cr * sn[n];  // Im((cr + i ci) e^{i n w})
      const float fn = static_cast<float>(n);
      left[n] += (gl + dl * fn) * y;
      right[n] += (gr + dr * fn) * y;
    }
    const double r0 = zr[m], i0 = zi[m];
    zr[m] = r0 * blk_r[i] - i0 * blk_i[i];
    zi[m] = r0 * blk_i[i] + i0 * blk_r[i];
  }
}

// Every phasor one hop on (renormalised so |z| stays 1). Vectorised across partials.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void RotateHop(
    int n, double* __restrict zr, double* __restrict zi, const double* __restrict hr,
    const double* __restrict hi) {
  for (int i = 0; i < n; ++i) {
    const double r = zr[i] * hr[i] - zi[i] * hi[i];
    const double m = zr[i] * hi[i] + zi[i] * hr[i];
    const double norm = 1.5 - 0.5 * (r * r + m * m);
    zr[i] = r * norm;
    zi[i] = m * norm;
  }
}
}  // namespace

void fft_bank::LayoutPartial(PreparedBank& bank, int i, double w) {
  const double f = w * kSize / dsp::kTwoPi;  // in bins
  const int bin = static_cast<int>(std::lround(f)) - kTaps / 2;
  bank.fft_bin[static_cast<size_t>(i)] = bin;
  // Tap j needs the Dirichlet kernel at d + j - m (m = -3..3): 15 values, d + q for
  // q = -3..kTaps+2, and sin(pi (d + q)) = (-1)^q sin(pi d).
  const double d = bin - f;
  const double sd = std::sin(dsp::kPi * d);
  std::complex<double> dir[kTaps + 6];
  for (int q = -3; q < kTaps + 3; ++q) {
    const double x = d + q;
    const double s = std::sin(dsp::kPi * x / kSize);
    dir[q + 3] = std::fabs(s) < 1e-12 ? std::complex<double>(kSize)
                                      : std::polar((q % 2 ? -sd : sd) / s, dsp::kPi * x / kSize);
  }
  // sin(theta + w t) = Re(-i e^{i theta} e^{i w t}); the inverse FFT is unnormalised and each
  // of the two spectral images carries half: tap = -i W(k - f) / (2 N).
  for (int j = 0; j < kTaps; ++j) {
    std::complex<double> wt = kBh[0] * dir[j + 3];
    for (int m = 1; m < 4; ++m) wt += 0.5 * kBh[m] * (dir[j + 3 - m] + dir[j + 3 + m]);
    const std::complex<double> t = std::complex<double>(0, -1) * wt / (2.0 * kSize);
    float* k = bank.fft_kern.data() + static_cast<size_t>(i) * 4 * kTaps;
    k[2 * j] = static_cast<float>(t.real());
    k[2 * j + 1] = static_cast<float>(t.imag());
    k[2 * kTaps + 2 * j] = static_cast<float>(-t.imag());
    k[2 * kTaps + 2 * j + 1] = static_cast<float>(t.real());
  }
  float* tab = bank.fft_table.data() + static_cast<size_t>(i) * 2 * dsp::kBlock;
  for (int n = 0; n < dsp::kBlock; ++n) {
    tab[n] = static_cast<float>(std::cos(w * n));
    tab[dsp::kBlock + n] = static_cast<float>(std::sin(w * n));
  }
  bank.hop_r[static_cast<size_t>(i)] = std::cos(w * kHop);
  bank.hop_i[static_cast<size_t>(i)] = std::sin(w * kHop);
}

FftLane::~FftLane() {
  fftwf_free(spec_l);
  fftwf_free(spec_r);
  fftwf_free(time_l);
  fftwf_free(time_r);
}

void BankFft::Init(int max_partials) {
  SharedPlan();
  const size_t cap = static_cast<size_t>(std::max(0, max_partials) + BankOscillator::kGroup);
  a4_.assign(cap, 0.0f);
  worst_.assign(cap, 0.0f);
  e_.assign(3 * cap, 0.0f);
  window_.resize(2 * kHop);
  for (int u = 0; u < 2 * kHop; ++u) {
    const double t = u - kHop;
    window_[static_cast<size_t>(u)] =
        static_cast<float>((1.0 - std::fabs(t) / kHop) / BlackmanHarris(t));
  }
  const size_t n = static_cast<size_t>(std::max(0, max_partials) + BankOscillator::kGroup);
  for (FftLane& l : lanes_) {
    l.owner = -1;
    for (auto* v : {&l.out_l, &l.out_r, &l.tail_l, &l.tail_r}) v->assign(kHop, 0.0f);
    if (!l.spec_l) {
      l.spec_l = fftwf_alloc_complex(kCopies * kSpecLen);
      l.spec_r = fftwf_alloc_complex(kCopies * kSpecLen);
      l.time_l = fftwf_alloc_real(kSize);
      l.time_r = fftwf_alloc_real(kSize);
    }
    l.idx.assign(n, 0);
    l.zr.assign(n, 0.0);
    l.zi.assign(n, 0.0);
    l.e.assign(3 * n, 0.0f);
  }
}

void BankFft::Release(int first) {
  for (FftLane& l : lanes_)
    if (l.owner == first) l.owner = -1;
}

FftLane* BankFft::Find(int slot) {
  for (FftLane& l : lanes_)
    if (l.owner == slot) return &l;
  return nullptr;
}

FftLane* BankFft::Acquire(int slot) {
  for (FftLane& l : lanes_) {
    if (l.owner >= 0 || !l.spec_l) continue;
    l.owner = slot;
    l.pos = 0;
    l.active = 0;
    std::fill(l.tail_l.begin(), l.tail_l.end(), 0.0f);
    std::fill(l.tail_r.begin(), l.tail_r.end(), 0.0f);
    return &l;
  }
  return nullptr;
}

// At a hop's first block (the current frame centre): the amplitudes at the next centre and
// at the hop's three inner block edges (beats extrapolated from this block, as the engine
// advances them), the corrections where those bend away from the straight line, the next
// frame (spectra, two inverse FFTs, window) and this hop's output.
void BankFft::StartHop(const PreparedBank& bank, FftLane& lane, double b0, double b1, double* zr,
                       double* zi, float* amp) {
  ColumnPoint p[kBlocksPerHop];
  for (int j = 1; j <= kBlocksPerHop; ++j) p[j - 1] = ColumnAt(bank, b0 + j * (b1 - b0));
  std::memset(lane.spec_l, 0, sizeof(fftwf_complex) * kCopies * kSpecLen);
  std::memset(lane.spec_r, 0, sizeof(fftwf_complex) * kCopies * kSpecLen);
  lane.active = 0;
  const int rows = bank.rows;
  float* a4 = a4_.data();
  float* e = e_.data();
  const ColumnPoint& q1 = p[0];
  const ColumnPoint& q2 = p[1];
  const ColumnPoint& q3 = p[2];
  const ColumnPoint& q4 = p[3];
  HopAmplitudes(rows, amp, q1.a0, q1.a1, q1.f, q1.edge, q2.a0, q2.a1, q2.f, q2.edge, q3.a0, q3.a1,
                q3.f, q3.edge, q4.a0, q4.a1, q4.f, q4.edge, a4, e, e + rows, e + 2 * rows,
                worst_.data());
  for (int i = 0; i < rows; ++i) {
    if (worst_[i] <= fft_bank::kCorrectionTolerance) continue;
    const int m = lane.active++;
    lane.idx[m] = i;
    lane.zr[m] = zr[i];
    lane.zi[m] = zi[i];
    for (int j = 0; j < kBlocksPerHop - 1; ++j) lane.e[3 * m + j] = e[j * rows + i];
  }
  RotateHop(rows, zr, zi, bank.hop_r.data(), bank.hop_i.data());
  std::copy(a4, a4 + rows, amp);
  AddTaps(rows, a4, zr, zi, bank.pan_l.data(), bank.pan_r.data(), bank.fft_kern.data(),
          bank.fft_bin.data(), lane.spec_l, lane.spec_r);
  const fftwf_plan plan = SharedPlan();
  SumCopies(lane.spec_l);
  SumCopies(lane.spec_r);
  Fold(lane.spec_l);
  Fold(lane.spec_r);
  fftwf_execute_dft_c2r(plan, lane.spec_l + kGuard, lane.time_l);
  fftwf_execute_dft_c2r(plan, lane.spec_r + kGuard, lane.time_r);
  // This hop = the previous frame's second half + the new frame's first half.
  const float* w = window_.data();
  for (int t = 0; t < kHop; ++t) {
    lane.out_l[t] = lane.tail_l[t] + lane.time_l[kSize - kHop + t] * w[t];
    lane.out_r[t] = lane.tail_r[t] + lane.time_r[kSize - kHop + t] * w[t];
    lane.tail_l[t] = lane.time_l[t] * w[kHop + t];
    lane.tail_r[t] = lane.time_r[t] * w[kHop + t];
  }
}

void BankFft::Render(const PreparedBank& bank, FftLane& lane, double b0, double b1, double* zr,
                     double* zi, float* amp, float* left, float* right) {
  constexpr int kB = dsp::kBlock;
  if (!std::isfinite(b1)) {  // stop or seek: what was to play fades out in this block
    // At a hop's start only the last frame's tail is pending (the next frame is not made).
    const float* pl = lane.pos == 0 ? lane.tail_l.data() : lane.out_l.data() + lane.pos;
    const float* pr = lane.pos == 0 ? lane.tail_r.data() : lane.out_r.data() + lane.pos;
    for (int j = 0; j < kB; ++j) {
      const float g = 1.0f - static_cast<float>(j) / kB;
      left[j] += pl[j] * g;
      right[j] += pr[j] * g;
    }
    lane.owner = -1;
    return;
  }
  if (lane.pos == 0) StartHop(bank, lane, b0, b1, zr, zi, amp);
  for (int j = 0; j < kB; ++j) {
    left[j] += lane.out_l[lane.pos + j];
    right[j] += lane.out_r[lane.pos + j];
  }
  if (lane.active > 0) {
    const int blk = lane.pos / kB;
    AddCorrections(lane.active, blk, lane.idx.data(), lane.zr.data(), lane.zi.data(), lane.e.data(),
                   bank.pan_l.data(), bank.pan_r.data(), bank.blk_r.data(), bank.blk_i.data(),
                   bank.fft_table.data(), left, right);
  }
  lane.pos += kB;
  if (lane.pos == kHop) lane.pos = 0;
}

}  // namespace graphony
