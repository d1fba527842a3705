// Which RtMidi back end Graphony's MIDI ports use (shared by MIDI input and the MIDI clock).
#pragma once

#include <RtMidi.h>

namespace graphony {

// JACK when a server answers (without starting one), ALSA otherwise: under JACK the
// keyboard's or clock's port shows up in the same graph the audio runs in. UNSPECIFIED when
// there is neither (no /dev/snd/seq): RtMidi would print to stderr and throw. [control]
RtMidi::Api ChooseMidiApi();
// The same, or std::runtime_error "<what>: no MIDI system (...)" when there is none.
RtMidi::Api RequireMidiApi(const char* what);

}  // namespace graphony
