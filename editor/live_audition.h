// Live audition: the stroke being drawn sounds at once, through the live engine, with the
// instrument of the swatch in use (palette index = instrument index, as Interpret does).
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "core/score.h"
#include "interpret/colour.h"
#include "interpret/strokes.h"
#include "logic/canvas_events.h"
#include "realtime/live_player.h"

namespace graphony::editor {

// Thread rules: [UI] only. Allocation happens only when a stroke begins (scale notes, palette).
class LiveAudition {
 public:
  // Turns this frame's canvas events into NoteOn / Gesture / NoteOff. `player` may be null
  // (no device): then nothing happens. `frame_start` is when this frame began polling input,
  // for the input-to-sound figure. `brush_size` is the stroke width (share of the height).
  void Process(const CanvasEvents& events, const Score& score, float brush_size, LivePlayer* player,
               double now, std::chrono::steady_clock::time_point frame_start);
  // Releases whatever is sounding (Escape, file switch, device change).
  void Silence(LivePlayer* player);

  // Milliseconds from the start of the frame that saw the mouse-down to the first non-zero
  // sample the audio thread rendered for it; negative until measured.
  double LastInputToSoundMs(LivePlayer* player) const;
  // Steady-clock (CLOCK_MONOTONIC) seconds at which that first sample was rendered; < 0 until
  // measured. Lets a benchmark compare with the moment it pressed the mouse button.
  double LastFirstSampleClockSeconds(LivePlayer* player) const;
  int NotesStarted() const { return notes_started_; }

 private:
  interpret::StrokePointSound SoundAt(const Score& score, const CanvasEvent& e, float brush_size,
                                      bool tap) const;

  Mapping mapping_;  // sanitised, read when a stroke begins
  std::vector<int> scale_notes_;
  std::optional<interpret::PaletteMatcher> palette_;
  int stroke_id_ = -1;  // voice of the stroke being drawn, -1 = none
  int dot_id_ = -1;     // a dot rings briefly, then is released
  double dot_off_at_ = 0;
  int next_id_ = 1;
  int notes_started_ = 0;
  double handling_ms_ = -1;  // frame start -> NoteOn sent, for the last probed note
  std::chrono::steady_clock::time_point note_on_time_;
};

}  // namespace graphony::editor
