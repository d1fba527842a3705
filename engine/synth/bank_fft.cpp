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

// sum_{t=-N/2}^{N/2-1} exp(-i 2 pi nu t / N): the transform of a rectangle over the frame.
std::complex<double> Dirichlet(double nu) {
  const double s = std::sin(dsp::kPi * nu / kSize);
  if (std::fabs(s) < 1e-12) return kSize;
  return std::polar(std::sin(dsp::kPi * nu) / s, dsp::kPi * nu / kSize);
}

// The Blackman-Harris window's transform at `nu` bins from the partial.
std::complex<double> WindowTransform(double nu) {
  std::complex<double> w = kBh[0] * Dirichlet(nu);
  for (int m = 1; m < 4; ++m) w += 0.5 * kBh[m] * (Dirichlet(nu - m) + Dirichlet(nu + m));
  return w;
}

// One process-wide plan, made once: FFTW's planner is not thread-safe and allocates, so it
// runs here (under FFTW's own planner lock, in case another library plans in parallel) and
// never on the audio thread. FFTW_ESTIMATE: the same algorithm every run, so renders are
// deterministic (FFTW_MEASURE picks by timing).
fftwf_plan SharedPlan() {
  static const fftwf_plan plan = [] {
    fftwf_make_planner_thread_safe();
    fftwf_complex* in = fftwf_alloc_complex(kBins);
    float* out = fftwf_alloc_real(kSize);
    fftwf_plan p = fftwf_plan_dft_c2r_1d(kSize, in, out, FFTW_ESTIMATE | FFTW_DESTROY_INPUT);
    fftwf_free(in);
    fftwf_free(out);
    return p;
  }();
  return plan;
}

// Adds one partial's main lobe (complex amplitude c per channel) to the spectra. Taps below
// bin 0 or above N/2 fold back as complex conjugates (the negative-frequency image), so low
// partials are exact too.
inline void AddTapsFolded(const float* k, int bin, float cr, float ci, float al, float ar,
                          fftwf_complex* sl, fftwf_complex* sr) {
  for (int j = 0; j < kTaps; ++j) {
    const float vr = cr * k[2 * j] - ci * k[2 * j + 1];
    const float vi = cr * k[2 * j + 1] + ci * k[2 * j];
    int b = bin + j;
    float sign = 1;
    if (b < 0) {
      b = -b;
      sign = -1;
    } else if (b > kSize / 2) {
      b = kSize - b;
      sign = -1;
    }
    if (b == 0 || b == kSize / 2) {  // the bin and its image coincide: twice the real part
      sl[b][0] += 2 * al * vr;
      sr[b][0] += 2 * ar * vr;
      continue;
    }
    sl[b][0] += al * vr;
    sl[b][1] += sign * al * vi;
    sr[b][0] += ar * vr;
    sr[b][1] += sign * ar * vi;
  }
}
}  // namespace

void fft_bank::LayoutPartial(PreparedBank& bank, int i, double w) {
  const double f = w * kSize / dsp::kTwoPi;  // in bins
  const int bin = static_cast<int>(std::lround(f)) - kTaps / 2;
  bank.fft_bin[static_cast<size_t>(i)] = bin;
  // sin(theta + w t) = Re(-i e^{i theta} e^{i w t}); the inverse FFT is unnormalised and each
  // of the two spectral images carries half: tap = -i W(k - f) / (2 N).
  for (int j = 0; j < kTaps; ++j) {
    const std::complex<double> t =
        std::complex<double>(0, -1) * WindowTransform(bin + j - f) / (2.0 * kSize);
    bank.fft_kern[static_cast<size_t>(i) * 2 * kTaps + 2 * j] = static_cast<float>(t.real());
    bank.fft_kern[static_cast<size_t>(i) * 2 * kTaps + 2 * j + 1] = static_cast<float>(t.imag());
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
      l.spec_l = fftwf_alloc_complex(kBins);
      l.spec_r = fftwf_alloc_complex(kBins);
      l.time_l = fftwf_alloc_real(kSize);
      l.time_r = fftwf_alloc_real(kSize);
    }
    l.idx.assign(n, 0);
    l.zr.assign(n, 0.0);
    l.zi.assign(n, 0.0);
    l.e.assign(3 * n, 0.0f);
    for (auto* v : {&l.coef, &l.y1, &l.y2, &l.gl, &l.dl, &l.gr, &l.dr}) v->assign(n, 0.0f);
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
  std::memset(lane.spec_l, 0, sizeof(fftwf_complex) * kBins);
  std::memset(lane.spec_r, 0, sizeof(fftwf_complex) * kBins);
  lane.active = 0;
  const int rows = bank.rows;
  for (int i = 0; i < rows; ++i) {
    const float a0 = amp[i];
    const ColumnPoint& q = p[kBlocksPerHop - 1];
    const float a4 = (q.a0[i] + (q.a1[i] - q.a0[i]) * q.f) * q.edge;
    float e[kBlocksPerHop - 1];
    float worst = 0;
    for (int j = 1; j < kBlocksPerHop; ++j) {
      const ColumnPoint& c = p[j - 1];
      const float a = (c.a0[i] + (c.a1[i] - c.a0[i]) * c.f) * c.edge;
      e[j - 1] = a - (a0 + (a4 - a0) * (static_cast<float>(j) / kBlocksPerHop));
      worst = std::max(worst, std::fabs(e[j - 1]));
    }
    if (worst > fft_bank::kCorrectionTolerance) {
      const int m = lane.active++;
      lane.idx[m] = i;
      lane.zr[m] = zr[i];
      lane.zi[m] = zi[i];
      for (int j = 0; j < kBlocksPerHop - 1; ++j) lane.e[3 * m + j] = e[j];
      lane.coef[m] = bank.coef[i];
    }
    // The phasor moves on to the next frame centre (renormalised: |z| stays 1).
    const double r = zr[i] * bank.hop_r[i] - zi[i] * bank.hop_i[i];
    const double im = zr[i] * bank.hop_i[i] + zi[i] * bank.hop_r[i];
    const double norm = 1.5 - 0.5 * (r * r + im * im);
    zr[i] = r * norm;
    zi[i] = im * norm;
    amp[i] = a4;
    if (a4 == 0.0f) continue;  // dark row: no taps
    const float cr = static_cast<float>(zr[i]), ci = static_cast<float>(zi[i]);
    const float al = a4 * bank.pan_l[i], ar = a4 * bank.pan_r[i];
    const float* k = bank.fft_kern.data() + static_cast<size_t>(i) * 2 * kTaps;
    const int bin = bank.fft_bin[i];
    if (bin < 1 || bin + kTaps > kSize / 2) {
      AddTapsFolded(k, bin, cr, ci, al, ar, lane.spec_l, lane.spec_r);
      continue;
    }
    float* sl = &lane.spec_l[bin][0];
    float* sr = &lane.spec_r[bin][0];
    for (int j = 0; j < 2 * kTaps; j += 2) {
      const float vr = cr * k[j] - ci * k[j + 1];
      const float vi = cr * k[j + 1] + ci * k[j];
      sl[j] += al * vr;
      sl[j + 1] += al * vi;
      sr[j] += ar * vr;
      sr[j + 1] += ar * vi;
    }
  }
  // Pad the corrections to whole kernel groups with silent entries.
  const int padded =
      (lane.active + BankOscillator::kGroup - 1) / BankOscillator::kGroup * BankOscillator::kGroup;
  for (int m = lane.active; m < padded; ++m) {
    lane.coef[m] = lane.y1[m] = lane.y2[m] = 0.0f;
    lane.gl[m] = lane.dl[m] = lane.gr[m] = lane.dr[m] = 0.0f;
  }

  const fftwf_plan plan = SharedPlan();
  fftwf_execute_dft_c2r(plan, lane.spec_l, lane.time_l);
  fftwf_execute_dft_c2r(plan, lane.spec_r, lane.time_r);
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
    // The corrections' resonators for this block: reseeded from their double phasors, gains
    // ramping between the breakpoints (zero at the hop's ends).
    const int blk = lane.pos / kB;
    const float inv = 1.0f / kB;
    for (int m = 0; m < lane.active; ++m) {
      const int i = lane.idx[m];
      const double r0 = lane.zr[m], i0 = lane.zi[m];
      lane.y1[m] = static_cast<float>(r0 * bank.w1i[i] + i0 * bank.w1r[i]);
      lane.y2[m] = static_cast<float>(r0 * bank.w2i[i] + i0 * bank.w2r[i]);
      lane.zr[m] = r0 * bank.blk_r[i] - i0 * bank.blk_i[i];
      lane.zi[m] = r0 * bank.blk_i[i] + i0 * bank.blk_r[i];
      const float e0 = blk == 0 ? 0.0f : lane.e[3 * m + blk - 1];
      const float e1 = blk == kBlocksPerHop - 1 ? 0.0f : lane.e[3 * m + blk];
      lane.gl[m] = e0 * bank.pan_l[i];
      lane.gr[m] = e0 * bank.pan_r[i];
      lane.dl[m] = (e1 - e0) * bank.pan_l[i] * inv;
      lane.dr[m] = (e1 - e0) * bank.pan_r[i] * inv;
    }
    const int groups = (lane.active + BankOscillator::kGroup - 1) / BankOscillator::kGroup;
    RenderPartialGroups(lane.coef.data(), lane.y1.data(), lane.y2.data(), lane.gl.data(),
                        lane.dl.data(), lane.gr.data(), lane.dr.data(), groups, kB, left, right);
  }
  lane.pos += kB;
  if (lane.pos == kHop) lane.pos = 0;
}

}  // namespace graphony
