// Loudness normalisation: a program's EBU R128 integrated loudness (libebur128), measured by
// rendering it once offline (the mix before the limiter), and the gain that brings it to the
// target, searched by replaying that mix through a limiter (no further renders).
// Thread: any non-audio thread (PrepareProgram calls it).
#pragma once

#include "synth/engine.h"

namespace graphony {

class RenderProgram;

// Integrated loudness in LUFS of `program` played from its start to its end plus a short tail
// through the engine with `settings` (reverb and limiter included, at gain 1); -inf if silent.
double IntegratedLoudness(const RenderProgram& program, const EngineSettings& settings);

// The linear gain (0.05 .. 16) that brings `program` to settings.target_lufs; 1 for silence.
// Because the limiter keeps peaks at -1 dBFS, the gain is checked up to four times through the
// limiter and corrected, so the result lands within about 0.5 LU of the target.
float LoudnessGain(const RenderProgram& program, const EngineSettings& settings);
// As LoudnessGain; also hands over the probe's whole mix (empty when the piece is longer than
// the probe keeps) and its delay in frames.
float LoudnessGain(const RenderProgram& program, const EngineSettings& settings,
                   std::vector<float>* mix, int* latency);

}  // namespace graphony
