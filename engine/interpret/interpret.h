// Interpret(Score) -> Events: the one pure step from a picture to music. Playback, audio
// export and notation all use its output, so what you hear is what you print.
#pragma once

#include "core/score.h"
#include "interpret/events.h"

namespace graphony {

// Pure and deterministic: the same score always gives identical events (no threads, clocks or
// random numbers). Muted layers give nothing; visibility does not matter for sound. Image
// layers without decoded pixels are skipped. Events::instruments holds every palette entry in
// palette order, so an instrument index is the palette index (an empty palette gives one
// default "sine" instrument). Notes are sorted by start, then pitch.
Events Interpret(const Score& score);

// The mapping as Interpret uses it: a grid between 1/64 and 16 beats (0.5 if unusable), a
// range with lowest <= highest inside MIDI 0..127, and a polyphony limit between 1 and 64.
Mapping SanitisedMapping(const Mapping& mapping);

}  // namespace graphony
