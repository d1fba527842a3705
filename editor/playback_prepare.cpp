// The editor's re-interpretation step (see playback_prepare.h).
#include "playback_prepare.h"

#include <chrono>
#include <exception>
#include <utility>

#include "synth/score_settings.h"

namespace graphony::editor {

PreparedPlayback PrepareForPlayback(const Score& score, const EngineSettings& settings,
                                    InterpretCache* cache) {
  PreparedPlayback out;
  try {
    const auto t0 = std::chrono::steady_clock::now();
    Events events = Interpret(score, cache);
    out.interpret_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // Live use: the bundle's own files (sampler sounds) are found as playback finds them.
    out.program =
        PrepareProgram(events, EngineSettingsForScore(score, events, settings, EngineUse::kLive));
    out.tempo_bpm = events.tempo_bpm;
    out.length_beats = events.length_beats;
    // Kept for scrubbing (SoundingAt reads notes and gestures); the banks can be large and
    // scrubbing does not play them.
    events.banks.clear();
    out.events = std::make_shared<const Events>(std::move(events));
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

}  // namespace graphony::editor
