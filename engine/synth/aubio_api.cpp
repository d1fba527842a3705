// Aubio(): dlopen libaubio.so.5 once (std::call_once) and resolve the functions Graphony uses.
#include "synth/aubio_api.h"

#include <dlfcn.h>

#include <mutex>
#include <stdexcept>
#include <string>

namespace graphony {

namespace {

struct Loaded {
  AubioApi api{};
  std::string error;  // empty when every function was found
};

template <class F>
bool Resolve(void* lib, const char* name, F& out, std::string& error) {
  void* p = dlsym(lib, name);
  if (!p) {
    if (error.empty()) error = std::string("libaubio.so.5 has no ") + name;
    return false;
  }
  out = reinterpret_cast<F>(p);
  return true;
}

Loaded Load() {
  Loaded l;
  // Kept loaded for the life of the process: aubio objects may outlive any one caller.
  void* lib = dlopen("libaubio.so.5", RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* why = dlerror();
    l.error = why ? why : "libaubio.so.5 could not be loaded";
    return l;
  }
  AubioApi& a = l.api;
  std::string& e = l.error;
  Resolve(lib, "new_aubio_pitch", a.new_pitch, e);
  Resolve(lib, "del_aubio_pitch", a.del_pitch, e);
  Resolve(lib, "aubio_pitch_do", a.pitch_do, e);
  Resolve(lib, "aubio_pitch_set_unit", a.pitch_set_unit, e);
  Resolve(lib, "aubio_pitch_set_tolerance", a.pitch_set_tolerance, e);
  Resolve(lib, "aubio_pitch_set_silence", a.pitch_set_silence, e);
  Resolve(lib, "aubio_pitch_get_confidence", a.pitch_get_confidence, e);
  Resolve(lib, "new_aubio_onset", a.new_onset, e);
  Resolve(lib, "del_aubio_onset", a.del_onset, e);
  Resolve(lib, "aubio_onset_do", a.onset_do, e);
  Resolve(lib, "aubio_onset_set_threshold", a.onset_set_threshold, e);
  Resolve(lib, "aubio_onset_set_silence", a.onset_set_silence, e);
  Resolve(lib, "aubio_onset_set_minioi_s", a.onset_set_minioi_s, e);
  Resolve(lib, "aubio_onset_get_last", a.onset_get_last, e);
  Resolve(lib, "new_fvec", a.new_fvec, e);
  Resolve(lib, "del_fvec", a.del_fvec, e);
  Resolve(lib, "aubio_db_spl", a.db_spl, e);
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
