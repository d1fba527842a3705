// Fluid(): open libfluidsynth.so.3 once (std::call_once) and resolve the functions Graphony uses.
#include "synth/fluid_api.h"

#include <cstdio>
#include <mutex>

#include "synth/lazy_library.h"

namespace graphony {

namespace {

bool Load(FluidApi& f) {
  LazyLibrary lib("libfluidsynth.so.3");
  lib.Resolve("new_fluid_settings", f.new_settings);
  lib.Resolve("delete_fluid_settings", f.delete_settings);
  lib.Resolve("fluid_settings_setint", f.settings_setint);
  lib.Resolve("fluid_settings_setnum", f.settings_setnum);
  lib.Resolve("new_fluid_synth", f.new_synth);
  lib.Resolve("delete_fluid_synth", f.delete_synth);
  lib.Resolve("fluid_set_log_function", f.set_log_function);
  lib.Resolve("fluid_synth_sfload", f.sfload);
  lib.Resolve("fluid_synth_get_sfont_by_id", f.get_sfont_by_id);
  lib.Resolve("fluid_sfont_get_preset", f.sfont_get_preset);
  lib.Resolve("fluid_synth_program_select", f.program_select);
  lib.Resolve("fluid_synth_pitch_wheel_sens", f.pitch_wheel_sens);
  lib.Resolve("fluid_synth_cc", f.cc);
  lib.Resolve("fluid_synth_get_polyphony", f.get_polyphony);
  lib.Resolve("fluid_synth_all_sounds_off", f.all_sounds_off);
  lib.Resolve("fluid_synth_start", f.start);
  lib.Resolve("fluid_synth_pitch_bend", f.pitch_bend);
  lib.Resolve("fluid_synth_stop", f.stop);
  lib.Resolve("fluid_synth_get_active_voice_count", f.get_active_voice_count);
  lib.Resolve("fluid_synth_get_voicelist", f.get_voicelist);
  lib.Resolve("fluid_voice_get_channel", f.voice_get_channel);
  lib.Resolve("fluid_voice_is_playing", f.voice_is_playing);
  lib.Resolve("fluid_synth_write_float", f.write_float);
  if (!lib.error().empty()) {
    // Said once per process: every soundfont instrument falls back to its stand-in voice.
    std::fprintf(stderr, "graphony: soundfont instruments play stand-in voices: %s\n",
                 lib.error().c_str());
    return false;
  }
  for (int level : {FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG})
    f.set_log_function(level, nullptr, nullptr);
  return true;
}

}  // namespace

const FluidApi* Fluid() {
  static std::once_flag once;
  static FluidApi api{};
  static bool ok = false;
  std::call_once(once, [] { ok = Load(api); });
  return ok ? &api : nullptr;
}

}  // namespace graphony
