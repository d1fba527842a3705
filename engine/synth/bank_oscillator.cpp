// Oscillator bank: per-block reseed from double phasors, amplitude ramps, SIMD kernel.
#include "synth/bank_oscillator.h"

#include <algorithm>
#include <cmath>

#include "synth/dsp.h"

namespace graphony {

namespace {
// 16 floats: one AVX-512 register, two AVX2 registers, four SSE registers.
typedef float V16 __attribute__((vector_size(64)));
constexpr int kLanes = 16;
constexpr int kVecs = BankOscillator::kGroup / kLanes;

// Out-parameter rather than a return value: returning a 64-byte vector from a function
// compiled for the baseline ISA would change the ABI.
inline void Load(V16& v, const float* p) { __builtin_memcpy(&v, p, sizeof v); }
}  // namespace

// The hot loop. For each group of 64 partials: run the resonators over the block and
// accumulate gain-weighted output per frame in vector accumulators; the horizontal sums
// happen once per frame per block, not once per partial.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void
RenderPartialGroups(const float* coef, const float* y1, const float* y2, const float* gl,
                    const float* dl, const float* gr, const float* dr, int groups, int frames,
                    float* left, float* right) {
  V16 acc_l[dsp::kBlock], acc_r[dsp::kBlock];
  for (int j = 0; j < frames; ++j) acc_l[j] = acc_r[j] = V16{};
  for (int g = 0; g < groups; ++g) {
    const int base = g * BankOscillator::kGroup;
    // Silent groups (dark image rows right now) cost nothing but this check.
    bool silent = true;
    for (int i = base; i < base + BankOscillator::kGroup; ++i)
      if (gl[i] != 0.0f || dl[i] != 0.0f || gr[i] != 0.0f || dr[i] != 0.0f) {
        silent = false;
        break;
      }
    if (silent) continue;
    V16 c[kVecs], p1[kVecs], p2[kVecs], al[kVecs], ar[kVecs], sl[kVecs], sr[kVecs];
    bool ramp = false;
    for (int k = 0; k < kVecs; ++k) {
      const int o = base + k * kLanes;
      Load(c[k], coef + o);
      Load(p1[k], y1 + o);
      Load(p2[k], y2 + o);
      Load(al[k], gl + o);
      Load(ar[k], gr + o);
      Load(sl[k], dl + o);
      Load(sr[k], dr + o);
      for (int l = 0; l < kLanes; ++l) ramp |= (sl[k][l] != 0.0f) | (sr[k][l] != 0.0f);
    }
    if (ramp) {
      for (int j = 0; j < frames; ++j) {
        V16 out_l = V16{}, out_r = V16{};
#pragma GCC unroll 4
        for (int k = 0; k < kVecs; ++k) {
          const V16 y = c[k] * p1[k] - p2[k];
          p2[k] = p1[k];
          p1[k] = y;
          out_l += y * al[k];
          out_r += y * ar[k];
          al[k] += sl[k];
          ar[k] += sr[k];
        }
        acc_l[j] += out_l;
        acc_r[j] += out_r;
      }
    } else {  // steady amplitudes: the common case inside a held column
      for (int j = 0; j < frames; ++j) {
        V16 out_l = V16{}, out_r = V16{};
#pragma GCC unroll 4
        for (int k = 0; k < kVecs; ++k) {
          const V16 y = c[k] * p1[k] - p2[k];
          p2[k] = p1[k];
          p1[k] = y;
          out_l += y * al[k];
          out_r += y * ar[k];
        }
        acc_l[j] += out_l;
        acc_r[j] += out_r;
      }
    }
  }
  for (int j = 0; j < frames; ++j) {
    float l = 0, r = 0;
    for (int q = 0; q < kLanes; ++q) {
      l += acc_l[j][q];
      r += acc_r[j][q];
    }
    left[j] += l;
    right[j] += r;
  }
}

// Per block, per partial: reseed y[-1], y[-2] from the exact double phase, advance the
// phasor by one block (block rotations are precomputed for kBlock frames; only the very
// last block of a render may be shorter, where the phase error is never heard) and set the
// amplitude ramp towards this block's end value. Vectorised across partials.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void PrepareBlock(
    int n, double* __restrict zr, double* __restrict zi, const double* __restrict w1r,
    const double* __restrict w1i, const double* __restrict w2r, const double* __restrict w2i,
    const double* __restrict br, const double* __restrict bi, const float* __restrict a0,
    const float* __restrict a1, float f, float edge, const float* __restrict pl,
    const float* __restrict pr, const float* __restrict gl, const float* __restrict gr,
    float* __restrict y1, float* __restrict y2, float* __restrict dl, float* __restrict dr,
    float* __restrict tl, float* __restrict tr, float inv) {
  for (int i = 0; i < n; ++i) {
    const double zr0 = zr[i], zi0 = zi[i];
    y1[i] = static_cast<float>(zr0 * w1i[i] + zi0 * w1r[i]);
    y2[i] = static_cast<float>(zr0 * w2i[i] + zi0 * w2r[i]);
    const double r = zr0 * br[i] - zi0 * bi[i];
    const double m = zr0 * bi[i] + zi0 * br[i];
    const double norm = 1.5 - 0.5 * (r * r + m * m);  // keeps |z| = 1 without a sqrt
    zr[i] = r * norm;
    zi[i] = m * norm;
    const float a = (a0[i] + (a1[i] - a0[i]) * f) * edge;
    tl[i] = a * pl[i];
    tr[i] = a * pr[i];
    dl[i] = (tl[i] - gl[i]) * inv;
    dr[i] = (tr[i] - gr[i]) * inv;
  }
}

void BankOscillator::Init(int max_partials) {
  capacity_ = (std::max(0, max_partials) + kGroup - 1) / kGroup * kGroup;
  const size_t n = static_cast<size_t>(capacity_);
  zr_.assign(n, 1.0);
  zi_.assign(n, 0.0);
  for (auto* v : {&gl_, &gr_, &y1_, &y2_, &dl_, &dr_, &tl_, &tr_, &amp_}) v->assign(n, 0.0f);
  fresh_.assign(n, 1);
  fft_.Init(capacity_);
}

void BankOscillator::ResetSlots(int first, int count) {
  const int end = std::min(capacity_, first + count);
  for (int i = std::max(0, first); i < end; ++i) {
    zr_[i] = 1.0;
    zi_[i] = 0.0;
    gl_[i] = gr_[i] = 0.0f;
    amp_[i] = 0.0f;
  }
  if (first >= 0 && first < capacity_) {
    fft_.Release(first);
    fresh_[static_cast<size_t>(first)] = 1;
  }
}

ColumnPoint ColumnAt(const PreparedBank& bank, double beat) {
  const int n = bank.padded;
  // Amplitude at `beat`: linear between column centres, times the edge fades.
  const double rel = beat - bank.start_beat;
  float edge = 0;
  if (rel > 0 && rel < bank.length_beats) {
    edge = 1;
    if (bank.fade_beats > 0) {
      edge = static_cast<float>(
          std::min({1.0, rel / bank.fade_beats, (bank.length_beats - rel) / bank.fade_beats}));
    }
  }
  double x = std::isfinite(rel) ? rel / bank.length_beats * bank.columns - 0.5 : 0.0;
  x = std::clamp(x, 0.0, static_cast<double>(bank.columns - 1));
  const int c0 = static_cast<int>(x);
  const int c1 = std::min(c0 + 1, bank.columns - 1);
  return {bank.amp.data() + static_cast<size_t>(c0) * n,
          bank.amp.data() + static_cast<size_t>(c1) * n, static_cast<float>(x - c0), edge};
}

void BankOscillator::Render(const PreparedBank& bank, double beat_start, double beat_end,
                            float* left, float* right) {
  const int n = bank.padded;
  const int s = bank.slot;
  const int frames = dsp::kBlock;
  if (n <= 0 || s < 0 || s + n > capacity_) return;

  // The inverse-FFT path: chosen once, at the bank's first block (a lane is free or not),
  // so a bank never switches path while it sounds.
  FftLane* lane = fft_.Find(s);
  if (!lane && fresh_[static_cast<size_t>(s)] && bank.fft && std::isfinite(beat_end))
    lane = fft_.Acquire(s);
  fresh_[static_cast<size_t>(s)] = 0;
  if (lane) {
    fft_.Render(bank, *lane, beat_start, beat_end, zr_.data() + s, zi_.data() + s, amp_.data() + s,
                left, right);
    return;
  }

  const ColumnPoint p = ColumnAt(bank, beat_end);
  const float inv = 1.0f / frames;
  PrepareBlock(n, zr_.data() + s, zi_.data() + s, bank.w1r.data(), bank.w1i.data(), bank.w2r.data(),
               bank.w2i.data(), bank.blk_r.data(), bank.blk_i.data(), p.a0, p.a1, p.f, p.edge,
               bank.pan_l.data(), bank.pan_r.data(), gl_.data() + s, gr_.data() + s, y1_.data() + s,
               y2_.data() + s, dl_.data() + s, dr_.data() + s, tl_.data() + s, tr_.data() + s, inv);
  float* gl = gl_.data() + s;
  float* gr = gr_.data() + s;
  float* y1 = y1_.data() + s;
  float* y2 = y2_.data() + s;
  float* dl = dl_.data() + s;
  float* dr = dr_.data() + s;
  RenderPartialGroups(bank.coef.data(), y1, y2, gl, dl, gr, dr, n / kGroup, frames, left, right);
  // Land exactly on the targets: a steady column then has a zero ramp (the kernel's
  // cheaper path) and a dark one exact zeros (skipped).
  std::copy(tl_.data() + s, tl_.data() + s + n, gl);
  std::copy(tr_.data() + s, tr_.data() + s + n, gr);
}

}  // namespace graphony
