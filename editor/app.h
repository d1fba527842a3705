// The editor application: window, frame loop, layout of the panels, commands, files and dialogs.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <future>
#include <optional>
#include <string>

#include "app_state.h"
#include "editor_audio.h"
#include "image_textures.h"
#include "imgui_sfml_bridge.h"
#include "layout_report.h"
#include "logic/activity_clock.h"
#include "logic/canvas_events.h"
#include "logic/document.h"
#include "logic/library_jail.h"
#include "logic/panel_layout.h"
#include "logic/view_transform.h"
#include "theme.h"
#include "view_canvas.h"
#include "view_course.h"
#include "view_file_browser.h"
#include "view_mapping.h"
#include "view_palette.h"
#include "view_people.h"
#include "view_pin_pad.h"

namespace graphony::editor {

struct AppOptions {
  std::filesystem::path file;  // score to open (may not exist yet: a new score saved there)
  int bench_frames = 0;        // >0: render this many frames, print timings, exit
  std::chrono::steady_clock::time_point started;  // process start, for time-to-first-frame
  uint64_t (*allocation_count)() = nullptr;       // heap allocations so far; only in graphony-bench
  // --layout-report: draw a few frames, write where everything landed, exit (tests).
  std::filesystem::path layout_report;
  std::filesystem::path layout_screenshot;  // PNG of the reported frame, if given
  std::filesystem::path layout_batch;       // --layout-batch: many combinations, one a line
  unsigned window_w = 0, window_h = 0;      // --window WxH (0: fit the screen)
  int ui_size = -1;                         // index into kUiSizes (-1: the saved setting)
  int theme = -1;                           // ThemeKind (-1: the saved setting)
  bool participant = false;                 // start in the participant view
  bool welcome = false;                     // show the welcome even with a FILE (tests)
  std::string language;                     // --language CODE (reports, benchmarks)
  std::filesystem::path kiosk_library;      // --kiosk DIR: the secure-ward kiosk mode
};

class App {
 public:
  // `loading`: PreloadScore of options.file (logic/score_preload.h), adopted if still wanted once
  // the window is up; a kiosk turned on in Settings discards it and opens inside its library.
  int Run(const AppOptions& options, std::future<Score>* loading = nullptr);

  // Listeners (e.g. live audition in Editor II) read this after each frame.
  const CanvasEvents& FrameCanvasEvents() const { return canvas_events_; }

 private:
  // [SECTION] Frame
  void Frame(float dt);
  void LayoutAndDraw();
  void HandleShortcut(const sf::Event::KeyEvent& key);
  void RunCommands();
  void RunCommand(const TypedCommand& command);
  void RebuildFontsIfNeeded();

  // [SECTION] Files (app_files.cpp)
  // kOpenPath: open pending_path_; kNewInSession: a new score saved in the session folder
  // pending_path_ (the course timeline's buttons).
  enum class Pending { kNone, kNew, kOpen, kQuit, kOpenPath, kNewInSession };
  void RequestWithSavePrompt(Pending action);
  void DoPending(Pending action);
  void NewDocument();
  // `loading`, if given, is LoadScore(path) already running on a worker (PreloadScore);
  // if it failed, the file is loaded again here and that error is shown.
  bool OpenDocument(const std::filesystem::path& path, std::future<Score>* loading = nullptr);
  // [SECTION] Courses (app_course.cpp)
  // Opens a course folder (or its course.json) on its timeline; a bad one is a message.
  bool OpenCourse(const std::filesystem::path& path);
  // A new score in the session folder `session`, with the course's people, saved at once
  // under a free name so it is on the timeline.
  void NewScoreInSession(const std::filesystem::path& session);
  void DrawCourse(const PanelLayout& layout);
  bool SaveDocument(const std::filesystem::path& path);
  void ImportImage(const std::filesystem::path& path);
  void ImportPeople(const std::filesystem::path& path);
  void MaybeAutosave();
  void WriteAutosave();
  void QuitForSignal();  // SIGTERM/SIGHUP: a normal quit (app_files.cpp)
  // Hands the minutes each person was active to the session log when `score` is in a course
  // session (engine/course/session_log.h); called on save, before another score replaces
  // this one, and at quit. UI thread only (it writes DATE/log.json).
  // A new score that will be saved in a course session starts with the course's people,
  // as `graphony-cli new` into a session folder does. Nothing happens outside a course.
  void AdoptCoursePeople(const std::filesystem::path& score);
  // `close`: the score is being closed, so everyone's turn ends.
  void FlushActivity(const std::filesystem::path& score, bool close);
  void OfferRecovery();
  void Notify(const char* text, bool is_error);
  void NotifyError(const std::string& text);
  void UpdateFileLabel();
  void RememberLastScore(const std::filesystem::path& path);
  // Opens the file browser where the person last worked; Save suggests a name from the title.
  void OpenBrowser(FileBrowser::Purpose purpose);
  void RememberFolder(const std::filesystem::path& chosen);
  // The demo score that ships with Graphony; empty if it cannot be found.
  static std::filesystem::path DemoScorePath();
  void DrawWelcomeIfOpen();

  // [SECTION] Dialogs (app_dialogs.cpp)
  void DrawDialogs();
  void DrawMenuBar();

  // [SECTION] Benchmark (app_bench.cpp)
  int RunBenchmark(int frames);
  // [SECTION] Layout report (--layout-report)
  int RunLayoutReport();
  bool ReportLayout(const std::filesystem::path& json, const std::filesystem::path& png);
  // [SECTION] Participant view and folded side panel
  void DrawParticipant(const PanelLayout& layout);
  void DrawCanvasWindow(const PanelLayout& layout);
  void DrawSidePanelContents();
  void DrawFoldedSidePanel(const PanelLayout& layout);
  // [SECTION] Kiosk mode (app_kiosk.cpp)
  bool StartKiosk();  // false: the library or the PIN is not usable (said on stderr)
  // Turns kiosk mode on with `library` (the command line's or the setting's); false with
  // `error` set when the library or the PIN cannot be used.
  bool EnterKiosk(const std::filesystem::path& library, std::string& error);
  void LeaveKiosk();      // the facilitator gave the PIN to turn it off
  void DrawKioskSetup();  // Settings > Kiosk mode: the library folder, then the PIN
  // True when `why` may be done now; else asks for the PIN (and does it once given).
  bool KioskAllows(Guarded why);
  void UpdateKiosk();       // each frame: the unlock's time, requests from views, the pad
  void DrawSettingsMenu();  // the look, size and kiosk mode; in kiosk mode behind the PIN

  sf::RenderWindow window_;
  ImGuiSfmlBridge bridge_;
  Document doc_;
  UiState ui_;
  ViewTransform view_;
  CanvasColors colors_{};
  ImageTextures textures_;
  CanvasEvents canvas_events_;
  ActivityClock activity_;          // minutes per person for a course's session log
  uint64_t activity_revision_ = 0;  // doc_.revision the clock last saw (an edit moves it)
  CanvasView canvas_;
  PaletteViewState palette_state_;
  MappingViewState mapping_state_;
  PeopleViewState people_state_;
  FileBrowser browser_;
  AppOptions options_;
  sf::Clock clock_;
  LayoutReport layout_report_;
  sf::Texture* capture_ = nullptr;  // --layout-report: the frame being drawn is kept here
  bool side_open_ = false;
  bool welcome_open_ = false;  // started without a score: the welcome is showing          // the
                               // folded side panel is open over the canvas
  float leave_held_ = 0;       // seconds the participant view's leave button has been held

  std::optional<LibraryJail> jail_;  // kiosk mode only
  std::string pin_hash_;             // the facilitator PIN's Argon2id hash (kiosk mode)
  PinPad pin_pad_;
  double unlocked_until_ = -1;       // app clock: the PIN's unlock lasts until then
  bool open_settings_ = false;       // the right PIN was given for the settings: open the menu
  bool settings_menu_open_ = false;  // drawn open this frame (debug status)
  bool kiosk_setup_open_ = false;    // the Settings window that turns kiosk mode on
  std::filesystem::path kiosk_setup_library_;  // the folder chosen there
  CourseView course_view_;
  std::filesystem::path pending_path_;    // for Pending::kOpenPath and kNewInSession
  std::filesystem::path new_in_session_;  // File > New from a session's score: saved there

  bool running_ = true;
  Pending pending_ = Pending::kNone;  // what to do after the unsaved-changes prompt
  bool show_unsaved_prompt_ = false;
  bool show_error_ = false;
  std::string error_text_;
  bool show_recovery_ = false;
  Recovery recovery_;
  Pending after_save_as_ = Pending::kNone;
  double last_autosave_ = 0;
  double autosave_interval_ = 60;
  std::filesystem::path autosave_path_;
  bool keep_autosave_ = false;  // quitting on a signal with unsaved work: offer it next time
  std::string settings_file_;
  std::string ini_file_;
  char file_label_[256] = {};
  std::chrono::steady_clock::time_point window_ready_, score_loaded_;  // for --bench-frames
  double cpu_window_ready_ms_ = 0, cpu_score_loaded_ms_ = 0;  // process CPU time then (all threads)
  int idle_frames_ = 0;
  bool may_skip_render_ = false;  // idle: keep the last frame on screen (never in --bench-frames)
  bool had_events_ = false;
  // Editor II: sound, takes, performance view and export (declared last: it refers to the above).
  EditorAudio audio_{AudioContext{doc_, ui_, view_, colors_, textures_, bridge_}};
};

}  // namespace graphony::editor
