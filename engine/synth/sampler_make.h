// Making a sampler instrument from a recorded take ("paint with your own voice"): the one
// function the CLI (`graphony-cli sample`) and the editor's Takes panel both call.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony {

struct SampleRequest {
  std::string take;                // the take's name or its file ("recordings/take-1.wav")
  std::optional<double> from, to;  // seconds in the take; absent = the whole take
  std::string name;                // "" = "<player>'s voice" (or "<take> sound")
  int palette_index = -1;          // the colour that plays it (0-based); -1 = none
};

// What analysis of a sound found: its root pitch and a sustain loop (frames), for reports.
struct SampleAnalysis {
  double root_midi = 60;
  bool pitched = false;  // false: no steady pitch was heard, root_midi is C4
  int64_t loop_start = 0, loop_end = 0, crossfade = 0;  // all 0: too short to loop
};

// [non-audio] Root pitch (aubio YIN, median of its confident frames) and loop points (chosen
// in the steady middle at rising zero crossings whose surroundings match best by normalised
// cross-correlation) of a mono sound at `sample_rate`.
SampleAnalysis AnalyseSample(const std::vector<float>& mono, double sample_rate);

// [UI thread / CLI] Cuts the take's range (leading and trailing silence trimmed), levels it,
// analyses it, stores it in the bundle as samples/<name>.wav with a SampledInstrument (its
// players are the take's), and puts it on the palette colour. The score is changed only when
// everything succeeded. Throws ScoreError "<where>: <problem>": unknown take, bad range,
// a take whose players did not all agree to sharing within the group, bad audio.
const SampledInstrument& MakeSampledInstrument(Score& score, const SampleRequest& request,
                                               const std::string& where);

}  // namespace graphony
