// Editor II glue: everything about sound in the editor (transport, live audition, count-in,
// takes, performance view, export and sound settings) behind a few calls from the App.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Window/Event.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "app_state.h"
#include "audio_session.h"
#include "debug_status.h"
#include "dialog_export.h"
#include "image_textures.h"
#include "imgui_sfml_bridge.h"
#include "live_audition.h"
#include "logic/canvas_events.h"
#include "logic/document.h"
#include "logic/panel_layout.h"
#include "logic/view_transform.h"
#include "midi_session.h"
#include "realtime/link_sync.h"
#include "theme.h"
#include "view_audio_settings.h"
#include "view_performance.h"
#include "view_takes.h"
#include "view_transport.h"

namespace graphony::editor {

// The App's parts this code works with (references into App; they outlive EditorAudio).
// The view is read-only: scrolling with the playhead is a kScrollTo command the App runs,
// and the window is the App's: the performance view is a kTogglePerformance command.
struct AudioContext {
  Document& doc;
  UiState& ui;
  const ViewTransform& view;
  const CanvasColors& colors;
  ImageTextures& textures;
  const ImGuiSfmlBridge& bridge;
};

// Thread rules: [UI] only. Nothing here waits for audio or files: device commands are queue
// pushes, programs are prepared on AudioSession's worker, exports on ExportDialog's.
class EditorAudio {
 public:
  explicit EditorAudio(AudioContext ctx) : ctx_(ctx) {}

  // [SECTION] Frame-loop hooks, in the order the App calls them.
  void BeginFrame();                               // before polling events
  bool HandleKey(const sf::Event::KeyEvent& key);  // true: the key was ours
  void OnSpaceReleased();                          // play/pause unless space panned
  bool PerformanceActive() const { return performance_.Active(); }
  void DrawPerformance();                       // instead of the panels
  void DrawToolbar(const PanelLayout& layout);  // inside the toolbar window
  // While recording: the big red indicator over the canvas, hanging from `top_center`.
  void DrawRecordingIndicator(ImVec2 top_center) const;
  void DrawSidePanel();                        // inside the side panel window
  void AfterDraw(const CanvasEvents& events);  // dialogs, audition, transport, follow
  // True while something moves on screen (playing, counting in): no idle sleeping.
  bool WantsFrames() const;
  // Transport requests from the App's command queue (ruler click and drag).
  void Seek(double beat) { session_.Seek(beat); }
  // kScrub: the playhead goes to `beat` and what sounds there is heard (playback pauses when
  // a scrub begins). kScrubEnd: the scrub's sound stops; the playhead stays.
  void Scrub(double beat);
  void EndScrub();
  // kTogglePerformance: grows the App's window to the screen, or gives it back its size.
  void TogglePerformance(sf::RenderWindow& window);
  // Tests (--layout-batch): the export dialog open, with the kind at `kind` in its list.
  void OpenExport(int kind) {
    export_.Open(ctx_.doc, ctx_.ui.settings.last_folder, ctx_.ui.course_dir);
    export_.ChooseKind(kind);
  }
  void CloseExport() { export_.Close(); }
  void SetPerformanceMode(int mode) { settings_.performance_mode = mode; }
  void SetLoop(double start_beat, double end_beat) { session_.SetLoop(start_beat, end_beat); }
  // Idle wait used by the App when nothing happens: up to `ms`, cut short by a mouse press
  // so the first sound of a stroke is not delayed by the idle sleep.
  void IdleSleep(int ms) const;

 private:
  void Apply(const TransportActions& a);
  void TogglePlay();
  void StartPlaying();
  void BeginPlayback(int count_in_beats);  // the engine counts in, then plays
  void Pause();
  void StopAll();
  void ToggleRecord();
  void FinishRecording();
  void WriteMidiTaps();  // the keyboard's notes of the take that just ended, as a layer
  void DrawSoundSettings();
  // Link on or off (never in kiosk mode): the stream is opened again with or without it.
  void SetLink(bool on, bool start_stop);
  // Every reopening of the device goes through here: the keyboard lets go of the old player
  // first, and the volume and speed are set again on the new one.
  bool ReopenSession(const PlayerOptions& options);
  void FollowPlayhead();
  void Notify(const std::string& text, bool is_error);
  void WriteDebugStatus(double now);
  TransportReadout Readout() const;
  int CountInLeft() const;  // beats left before playing, 0 when not counting in

  AudioContext ctx_;
  // Ableton Link, constructed (sockets opened) only while switched on. Declared before the
  // session so that it outlives the stream it steers, also when the editor closes.
  std::unique_ptr<LinkSync> link_;
  bool link_start_stop_ = false;
  AudioSession session_;
  LiveAudition audition_;
  TransportSettings settings_;
  PerformanceView performance_;
  TakesPanel takes_;
  ExportDialog export_;
  AudioSettingsView audio_settings_;
  DebugStatus debug_;
  CanvasEvents swatch_events_;  // a tapped swatch as a dot, for live audition
  MidiSession midi_;            // the keyboard chosen in Sound settings (closed before session_)

  std::chrono::steady_clock::time_point frame_start_, last_frame_start_;
  bool opened_once_ = false;
  bool record_armed_ = false;         // record when the count-in ends
  bool record_seen_playing_ = false;  // the take's playback has started (status lags commands)
  double record_start_beat_ = 0;      // the engine's playhead when the take started playing
  double end_seen_at_ = -1;           // app clock when playback passed the end of the score
  bool play_when_ready_ = false;      // Play pressed before the program was prepared
  bool scrubbing_ = false;            // the ruler is held (between kScrub and kScrubEnd)
  std::filesystem::path last_path_;
  std::string last_message_;
  double last_input_to_sound_ms_ = -1;
};

}  // namespace graphony::editor
