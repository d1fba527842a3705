// aubio's pitch (YIN-FFT) of a rendered span, shared by the soundfont and sampler tests.
#pragma once

#include <aubio/aubio.h>

#include <algorithm>
#include <vector>

namespace graphony::test {

// aubio's pitch (YIN-FFT) over [begin, end) seconds: the median of its voiced frames (yinfft
// reports no confidence, so the median guards against octave slips at the edges). 0 if none.
inline double AubioPitchHz(const std::vector<float>& x, double sr, double begin, double end) {
  const uint_t win = 4096, hop = 512;
  aubio_pitch_t* o = new_aubio_pitch("yinfft", win, hop, static_cast<uint_t>(sr));
  aubio_pitch_set_unit(o, "Hz");
  aubio_pitch_set_silence(o, -70);
  fvec_t* in = new_fvec(hop);
  fvec_t* out = new_fvec(1);
  std::vector<double> found;
  const size_t b = static_cast<size_t>(begin * sr), e = static_cast<size_t>(end * sr);
  // Feed from a little before `begin` so the analysis window is full inside the span.
  for (size_t at = b > win ? b - win : 0; at + hop <= e && at + hop <= x.size(); at += hop) {
    for (uint_t i = 0; i < hop; ++i) in->data[i] = x[at + i];
    aubio_pitch_do(o, in, out);
    if (at >= b && out->data[0] > 0) found.push_back(out->data[0]);
  }
  del_fvec(in);
  del_fvec(out);
  del_aubio_pitch(o);
  if (found.empty()) return 0;
  std::nth_element(found.begin(), found.begin() + static_cast<long>(found.size() / 2), found.end());
  return found[found.size() / 2];
}

}  // namespace graphony::test
