// The editor's re-interpretation step (score -> events -> render program), window-free so a
// doctest runs exactly the code path the audio session's worker runs.
#pragma once

#include <memory>
#include <string>

#include "core/score.h"
#include "interpret/interpret.h"
#include "synth/engine.h"
#include "synth/render_program.h"

namespace graphony::editor {

struct PreparedPlayback {
  std::shared_ptr<const RenderProgram> program;
  std::shared_ptr<const Events> events;  // what the program was prepared from, without banks
  double tempo_bpm = 72, length_beats = 0;
  double interpret_ms = 0;  // Interpret alone (the part the cache saves)
  std::string error;        // why preparing failed ("" if it did not)
};

// [worker] Interprets `score` reusing `cache` (pictures unchanged since the last call are not
// analysed again) and compiles the program. Never throws: failures land in `error`.
PreparedPlayback PrepareForPlayback(const Score& score, const EngineSettings& settings,
                                    InterpretCache* cache);

}  // namespace graphony::editor
