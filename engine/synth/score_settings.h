// The one place that turns a loaded score into engine settings: its bundle's files (sampler
// sounds inside the .graphony), where shipped samples live, and room for its image banks.
// Every caller (graphony-cli render/play/export, the editor's playback and export) uses it.
#pragma once

#include <string>

#include "core/score.h"
#include "interpret/events.h"
#include "synth/engine.h"

namespace graphony {

enum class EngineUse {
  kLive,     // for a program played by an engine already built (its partial slots are fixed)
  kOffline,  // for an offline render, whose engine is built from these settings
};

// [non-audio] The file the score's `soundfont` names: as written when absolute, else from the
// score's folder (Score::folder; the working directory for a score never saved). "" = none.
std::string ScoreSoundfontPath(const Score& score);

// The score's soundfont is used when it loads (else a one-line warning naming the file, once
// per file, and the default plays); the caller's `base.soundfont` or $GRAPHONY_SOUNDFONT wins.
// `base` carries the caller's choices (sample rate, reverb, gain...). Offline, the partial
// slots grow to fit every bank of `events`.
EngineSettings EngineSettingsForScore(const Score& score, const Events& events, EngineSettings base,
                                      EngineUse use);

}  // namespace graphony
