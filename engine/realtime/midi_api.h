// Which RtMidi back end Graphony's MIDI ports use (shared by MIDI input and the MIDI clock).
#pragma once

#include <RtMidi.h>

namespace graphony {

// JACK when a server answers (without starting one), ALSA otherwise: under JACK the
// keyboard's or clock's port shows up in the same graph the audio runs in. [control]
RtMidi::Api ChooseMidiApi();

}  // namespace graphony
