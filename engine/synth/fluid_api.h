// FluidSynth's functions, loaded with dlopen on first use so that programs which never play a
// soundfont (a sine render, a picture, --help) do not map libfluidsynth and what it pulls in.
#pragma once

#include <fluidsynth.h>  // types only: the executables do not link libfluidsynth

namespace graphony {

// The FluidSynth functions Graphony calls, resolved once from libfluidsynth.so.3.
struct FluidApi {
  decltype(&::new_fluid_settings) new_settings;
  decltype(&::delete_fluid_settings) delete_settings;
  decltype(&::fluid_settings_setint) settings_setint;
  decltype(&::fluid_settings_setnum) settings_setnum;
  decltype(&::new_fluid_synth) new_synth;
  decltype(&::delete_fluid_synth) delete_synth;
  decltype(&::fluid_set_log_function) set_log_function;
  decltype(&::fluid_synth_sfload) sfload;
  decltype(&::fluid_synth_get_sfont_by_id) get_sfont_by_id;
  decltype(&::fluid_sfont_get_preset) sfont_get_preset;
  decltype(&::fluid_synth_program_select) program_select;
  decltype(&::fluid_synth_pitch_wheel_sens) pitch_wheel_sens;
  decltype(&::fluid_synth_cc) cc;
  decltype(&::fluid_synth_get_polyphony) get_polyphony;
  decltype(&::fluid_synth_all_sounds_off) all_sounds_off;
  decltype(&::fluid_synth_start) start;
  decltype(&::fluid_synth_pitch_bend) pitch_bend;
  decltype(&::fluid_synth_stop) stop;
  decltype(&::fluid_synth_get_active_voice_count) get_active_voice_count;
  decltype(&::fluid_synth_get_voicelist) get_voicelist;
  decltype(&::fluid_voice_get_channel) voice_get_channel;
  decltype(&::fluid_voice_is_playing) voice_is_playing;
  decltype(&::fluid_synth_write_float) write_float;
};

// [non-audio] The loaded functions, with FluidSynth's own logging silenced (it would print
// to the terminal; Graphony says what went wrong itself), or nullptr when the library cannot
// be loaded: soundfont instruments then play their stand-in voice. Thread-safe; the first call
// loads the library.
const FluidApi* Fluid();

}  // namespace graphony
