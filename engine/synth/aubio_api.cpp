// Aubio(): open libaubio.so.5 once (std::call_once) and resolve the functions Graphony uses.
#include "synth/aubio_api.h"

#include <mutex>
#include <stdexcept>
#include <string>

#include "synth/lazy_library.h"

namespace graphony {

namespace {

struct Loaded {
  AubioApi api{};
  std::string error;  // empty when every function was found
};

Loaded Load() {
  Loaded l;
  LazyLibrary lib("libaubio.so.5");
  AubioApi& a = l.api;
  lib.Resolve("new_aubio_pitch", a.new_pitch);
  lib.Resolve("del_aubio_pitch", a.del_pitch);
  lib.Resolve("aubio_pitch_do", a.pitch_do);
  lib.Resolve("aubio_pitch_set_unit", a.pitch_set_unit);
  lib.Resolve("aubio_pitch_set_tolerance", a.pitch_set_tolerance);
  lib.Resolve("aubio_pitch_set_silence", a.pitch_set_silence);
  lib.Resolve("aubio_pitch_get_confidence", a.pitch_get_confidence);
  lib.Resolve("new_aubio_onset", a.new_onset);
  lib.Resolve("del_aubio_onset", a.del_onset);
  lib.Resolve("aubio_onset_do", a.onset_do);
  lib.Resolve("aubio_onset_set_threshold", a.onset_set_threshold);
  lib.Resolve("aubio_onset_set_silence", a.onset_set_silence);
  lib.Resolve("aubio_onset_set_minioi_s", a.onset_set_minioi_s);
  lib.Resolve("aubio_onset_get_last", a.onset_get_last);
  lib.Resolve("new_fvec", a.new_fvec);
  lib.Resolve("del_fvec", a.del_fvec);
  lib.Resolve("aubio_db_spl", a.db_spl);
  l.error = lib.error();
  return l;
}

}  // namespace

const AubioApi& Aubio() {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = Load(); });
  if (!loaded.error.empty())
    throw std::runtime_error("hearing pitches needs libaubio5: " + loaded.error);
  return loaded.api;
}

}  // namespace graphony
