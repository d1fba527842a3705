// Four cells per instruction: OKLab distance from the background, as StrengthOf computes it.
#include "interpret/strength_batch.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace graphony::interpret {

namespace {

#ifdef __SSE2__
// FastCbrt for four values: bits / 3 is exact through the 64-bit products of 0xAAAAAAAB
// (floor(b * 0xAAAAAAAB / 2^33) == b / 3 for every 32-bit b).
__m128 FastCbrt4(__m128 x) {
  // Lanes with x <= 0 (black paint) are discarded at the end; they work on 1 instead, as
  // Newton steps from the bit trick's guess for 0 run through denormals (slow on x86).
  const __m128 positive = _mm_cmpgt_ps(x, _mm_setzero_ps());
  x = _mm_or_ps(_mm_and_ps(positive, x), _mm_andnot_ps(positive, _mm_set1_ps(1.0f)));
  const __m128i bits = _mm_castps_si128(x);
  const __m128i magic = _mm_set1_epi32(static_cast<int>(0xAAAAAAABu));
  const __m128i even = _mm_srli_epi64(_mm_mul_epu32(bits, magic), 33);
  const __m128i odd =
      _mm_slli_epi64(_mm_srli_epi64(_mm_mul_epu32(_mm_srli_epi64(bits, 32), magic), 33), 32);
  const __m128i third = _mm_or_si128(even, odd);
  __m128 y = _mm_castsi128_ps(_mm_add_epi32(third, _mm_set1_epi32(709921077)));
  const __m128 three = _mm_set1_ps(3.0f);
  for (int i = 0; i < 2; ++i) {
    const __m128 cube = _mm_mul_ps(_mm_mul_ps(y, y), y);
    const __m128 slope = _mm_mul_ps(_mm_mul_ps(three, y), y);
    y = _mm_sub_ps(y, _mm_div_ps(_mm_sub_ps(cube, x), slope));
  }
  return _mm_and_ps(y, positive);  // x <= 0 gives 0
}

// Scalar helpers spelled out so each vector expression keeps the scalar code's order.
__m128 Mul(float k, __m128 x) { return _mm_mul_ps(_mm_set1_ps(k), x); }
#endif

}  // namespace

void StrengthsOf(const float* rgba, size_t n, const Background& bg, float full_distance,
                 float* strength) {
  size_t i = 0;
#ifdef __SSE2__
  if (!bg.transparent) {
    const __m128 opaque = _mm_set1_ps(0.999f), one = _mm_set1_ps(1.0f);
    const __m128 bg_r = _mm_set1_ps(bg.linear[0]), bg_g = _mm_set1_ps(bg.linear[1]),
                 bg_b = _mm_set1_ps(bg.linear[2]);
    const __m128 bg_l = _mm_set1_ps(bg.lab.L), bg_a = _mm_set1_ps(bg.lab.a),
                 bg_bb = _mm_set1_ps(bg.lab.b);
    const __m128 noise = _mm_set1_ps(kNoiseDistance),
                 range = _mm_set1_ps(full_distance - kNoiseDistance);
    for (; i + 4 <= n; i += 4) {
      __m128 r = _mm_loadu_ps(rgba + 4 * i), g = _mm_loadu_ps(rgba + 4 * i + 4),
             b = _mm_loadu_ps(rgba + 4 * i + 8), a = _mm_loadu_ps(rgba + 4 * i + 12);
      _MM_TRANSPOSE4_PS(r, g, b, a);
      // Opaque cells: the paint's own colour; the rest: composited over the background.
      const __m128 is_opaque = _mm_cmpge_ps(a, opaque);
      const __m128 cover = _mm_sub_ps(one, a);
      auto pick = [&](__m128 c, __m128 ground) {
        const __m128 own = _mm_div_ps(c, a), over = _mm_add_ps(c, _mm_mul_ps(cover, ground));
        return _mm_or_ps(_mm_and_ps(is_opaque, own), _mm_andnot_ps(is_opaque, over));
      };
      const __m128 lr = pick(r, bg_r), lg = pick(g, bg_g), lb = pick(b, bg_b);
      // LinearToOklab, term by term as written there.
      const __m128 l_ = FastCbrt4(_mm_add_ps(
          _mm_add_ps(Mul(0.4122214708f, lr), Mul(0.5363325363f, lg)), Mul(0.0514459929f, lb)));
      const __m128 m_ = FastCbrt4(_mm_add_ps(
          _mm_add_ps(Mul(0.2119034982f, lr), Mul(0.6806995451f, lg)), Mul(0.1073969566f, lb)));
      const __m128 s_ = FastCbrt4(_mm_add_ps(
          _mm_add_ps(Mul(0.0883024619f, lr), Mul(0.2817188376f, lg)), Mul(0.6299787005f, lb)));
      const __m128 lab_l = _mm_sub_ps(_mm_add_ps(Mul(0.2104542553f, l_), Mul(0.7936177850f, m_)),
                                      Mul(0.0040720468f, s_));
      const __m128 lab_a = _mm_add_ps(_mm_sub_ps(Mul(1.9779984951f, l_), Mul(2.4285922050f, m_)),
                                      Mul(0.4505937099f, s_));
      const __m128 lab_b = _mm_sub_ps(_mm_add_ps(Mul(0.0259040371f, l_), Mul(0.7827717662f, m_)),
                                      Mul(0.8086757660f, s_));
      // LabDistance, then StrengthFromDistance's clamp (max with 0 first keeps v where v == 0).
      const __m128 dl = _mm_sub_ps(lab_l, bg_l), da = _mm_sub_ps(lab_a, bg_a),
                   db = _mm_sub_ps(lab_b, bg_bb);
      const __m128 d = _mm_sqrt_ps(
          _mm_add_ps(_mm_add_ps(_mm_mul_ps(dl, dl), _mm_mul_ps(da, da)), _mm_mul_ps(db, db)));
      const __m128 v = _mm_div_ps(_mm_sub_ps(d, noise), range);
      _mm_storeu_ps(strength + i, _mm_min_ps(one, _mm_max_ps(_mm_setzero_ps(), v)));
    }
  }
#endif
  for (; i < n; ++i) strength[i] = StrengthOf(rgba + 4 * i, bg, full_distance);
}

}  // namespace graphony::interpret
