// Transport: play/pause, stop, record and performance buttons for the toolbar, and the
// "Play and record" side panel (tempo, volume, loop, count-in, follow, export, sound settings).
#pragma once

#include "app_state.h"
#include "theme.h"

namespace graphony::editor {

// What the person asked for this frame; EditorAudio carries it out (views never touch audio).
struct TransportActions {
  bool play_pause = false, stop = false, record = false, performance = false;
  bool export_dialog = false, audio_settings = false;
  bool loop_selection = false, clear_loop = false;
  bool tempo_changed = false, volume_changed = false;
};

// Settings the person chose (kept while the editor runs).
struct TransportSettings {
  float tempo_percent = 100;  // playback speed relative to the score's tempo
  float volume = 0.8f;        // master volume, linear 0..1.5
  bool count_in = false;      // one bar of clicks before playing
  bool follow = true;         // the view scrolls with the playhead
  bool record_microphone = false;
  int performance_mode = 0;  // 0 = picture scrolls past a fixed playhead, 1 = playhead sweeps
};

// Width of the four toolbar buttons at `size` pixels each.
float TransportButtonsWidth(float size, float ui_scale);
// Toolbar part: four square buttons of `size` pixels, drawn after the toolbar's own.
void DrawTransportButtons(const TransportReadout& r, float size, UiState& ui,
                          const CanvasColors& colors, TransportActions& out);
// Side panel part, inside a collapsing header the app draws.
void DrawTransportPanel(const TransportReadout& r, TransportSettings& settings, UiState& ui,
                        TransportActions& out);

}  // namespace graphony::editor
