// The one place that turns a loaded score into engine settings: its bundle's files (sampler
// sounds inside the .graphony), where shipped samples live, and room for its image banks.
// Every caller (graphony-cli render/play/export, the editor's playback and export) uses it.
#pragma once

#include "core/score.h"
#include "interpret/events.h"
#include "synth/engine.h"

namespace graphony {

enum class EngineUse {
  kLive,     // for a program played by an engine already built (its partial slots are fixed)
  kOffline,  // for an offline render, whose engine is built from these settings
};

// `base` carries the caller's choices (sample rate, reverb, gain...). Offline, the partial
// slots grow to fit every bank of `events`.
EngineSettings EngineSettingsForScore(const Score& score, const Events& events, EngineSettings base,
                                      EngineUse use);

}  // namespace graphony
