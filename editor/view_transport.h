// Transport: play/pause, stop, record and performance buttons for the toolbar, and the
// "Play and record" side panel (tempo, volume, loop, count-in, follow, export, sound settings).
#pragma once

#include "app_state.h"
#include "imgui.h"
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

// Toolbar part: four square buttons of `size` pixels, drawn after the toolbar's own (two,
// play and stop, in the participant view).
void DrawTransportButtons(const TransportReadout& r, float size, float spacing, bool participant,
                          UiState& ui, const CanvasColors& colors, TransportActions& out);
// While recording: a large red "REC m:ss" hanging from `top_center` (foreground, over all).
void DrawRecordingIndicator(const TransportReadout& r, ImVec2 top_center, float scale);
// Side panel part, inside a collapsing header the app draws.
void DrawTransportPanel(const TransportReadout& r, TransportSettings& settings, UiState& ui,
                        TransportActions& out);

}  // namespace graphony::editor
