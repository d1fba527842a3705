// aubio's functions, loaded with dlopen on first use so that programs which never hear a
// pitch (a sine render, --help) do not map libaubio and the ffmpeg tree it pulls in.
#pragma once

#include <aubio/aubio.h>  // types only: the executables do not link libaubio

namespace graphony {

// The aubio functions Graphony calls, resolved once from libaubio.so.5.
struct AubioApi {
  decltype(&::new_aubio_pitch) new_pitch;
  decltype(&::del_aubio_pitch) del_pitch;
  decltype(&::aubio_pitch_do) pitch_do;
  decltype(&::aubio_pitch_set_unit) pitch_set_unit;
  decltype(&::aubio_pitch_set_tolerance) pitch_set_tolerance;
  decltype(&::aubio_pitch_set_silence) pitch_set_silence;
  decltype(&::aubio_pitch_get_confidence) pitch_get_confidence;
  decltype(&::new_aubio_onset) new_onset;
  decltype(&::del_aubio_onset) del_onset;
  decltype(&::aubio_onset_do) onset_do;
  decltype(&::aubio_onset_set_threshold) onset_set_threshold;
  decltype(&::aubio_onset_set_silence) onset_set_silence;
  decltype(&::aubio_onset_set_minioi_s) onset_set_minioi_s;
  decltype(&::aubio_onset_get_last) onset_get_last;
  decltype(&::new_fvec) new_fvec;
  decltype(&::del_fvec) del_fvec;
  decltype(&::aubio_db_spl) db_spl;
};

// [non-audio] The loaded functions. Thread-safe; the first call loads the library. Throws
// std::runtime_error ("hearing pitches needs libaubio5: <dlerror>") when it cannot be loaded;
// every later call throws the same.
const AubioApi& Aubio();

}  // namespace graphony
