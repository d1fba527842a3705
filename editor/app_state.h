// Editor UI state shared by the views: current tool, colour, contributor, settings, commands.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "logic/tools.h"
#include "logic/user_paths.h"

namespace graphony::editor {

class LayoutReport;
class LibraryJail;

// Things the toolbar, menus, keyboard, ruler and sound code ask the app to do; the app runs
// them once per frame after the views have drawn, so no view reaches into another (or into
// the App).
enum class AppCommand {
  kNew,
  kOpen,
  kSave,
  kSaveAs,
  kUndo,
  kRedo,
  kImportImage,
  kFit,
  kZoomIn,
  kZoomOut,
  kDeleteSelection,
  kAddDrawingLayer,
  kQuit,
  kSeek,               // beat = where the playhead goes (Shift+click on the ruler)
  kSetLoop,            // beat..end_beat becomes the loop (Shift+drag on the ruler)
  kScrub,              // beat = where the held playhead is: what is there sounds (ruler drag)
  kScrubEnd,           // the ruler was let go: the scrub's sound stops
  kScrollTo,           // beat = the view's new first beat (the view follows the playhead)
  kTogglePerformance,  // enter or leave the performance view (F11, Esc, the toolbar button)
  kShowPeople,         // open the People panel (credit and consent)
  kImportPeople,       // pick another score and add its people to this one (People panel)
  kToggleParticipant,  // enter or leave the participant view (toolbar button; F9 or the held
                       // corner button to leave)
  kOpenCourse,         // pick a course folder (or its course.json) in the file browser
  kShowCourse,         // show the open course's timeline again
  kPortfolio,          // the Export window, set to make the open course's portfolio booklet
  kKioskSetup,         // Settings: turn kiosk mode on (library folder, facilitator PIN)
};

// A command with its arguments (plain data; unused fields stay 0).
struct TypedCommand {
  AppCommand kind = AppCommand::kFit;
  double beat = 0, end_beat = 0;
};

class CommandQueue {
 public:
  void Push(AppCommand c, double beat = 0, double end_beat = 0) {
    if (count_ < items_.size()) items_[count_++] = TypedCommand{c, beat, end_beat};
  }
  size_t Count() const { return count_; }
  const TypedCommand& At(size_t i) const { return items_[i]; }
  void Clear() { count_ = 0; }

 private:
  std::array<TypedCommand, 16> items_{};
  size_t count_ = 0;
};

// What the transport shows this frame: the engine's published state (LivePlayer's
// PlayerStatus) plus what only the editor knows. Filled once per frame by the sound code;
// views read it and keep no transport state of their own.
struct TransportReadout {
  bool playing = false, recording = false, counting_in = false, has_device = false;
  bool looping = false, has_selection = false;
  double playhead_beat = -1;  // < 0: no playhead shown (no device)
  double length_beats = 0, seconds_per_beat = 0.5;
  int beats_per_bar = 4;
  int count_in_left = 0;  // beats left in the count-in (0 = none)
  double loop_start = 0, loop_end = 0;
  double record_seconds = -1;  // how long the take being recorded is (< 0: not started)
};

// Where named controls were drawn on the last frame, for tests that click them
// ($GRAPHONY_DEBUG_STATUS lists them as rect.NAME=x,y,w,h). Fixed size: drawing never allocates.
class ControlRects {
 public:
  struct Entry {
    char name[40];
    float x, y, w, h;
  };
  void Clear() { count_ = 0; }
  void Mark(const char* name, float x, float y, float w, float h) {
    if (count_ >= items_.size()) return;
    Entry& e = items_[count_++];
    std::snprintf(e.name, sizeof e.name, "%s", name);
    e.x = x, e.y = y, e.w = w, e.h = h;
  }
  size_t Count() const { return count_; }
  const Entry& At(size_t i) const { return items_[i]; }

 private:
  std::array<Entry, 128> items_{};  // the file browser's rows come on top of the panels'
  size_t count_ = 0;
};

struct UiState {
  Tool tool = Tool::kBrush;
  int palette_index = 0;
  float brush_size = 0.03f;    // stroke width as a share of the canvas height
  std::string contributor_id;  // who is drawing now ("" = nobody chosen)
  int active_layer = -1;       // layer the layers panel highlights
  std::vector<int> selection;  // selected stroke indices in selection_layer
  int selection_layer = -1;
  Settings settings;
  bool space_held = false;     // space + drag pans
  bool want_fit = true;        // fit the view on the next frame (new/open)
  bool fonts_dirty = true;     // UI scale changed: rebuild the font atlas
  const char* hint = nullptr;  // status-bar hint set by whatever is hovered
  char message[320] = {};      // last notice (saved, error...)
  bool message_is_error = false;
  double message_until = 0;  // seconds on the app clock
  double now = 0;            // app clock, seconds
  CommandQueue commands;

  // Editor II (sound): the canvas draws the playhead and loop from `transport`; the ruler
  // asks to scrub, seek or loop with kScrub / kSeek / kSetLoop commands.
  TransportReadout transport;
  double ruler_drag_start = 0, ruler_drag_end = 0;  // loop being dragged on the ruler
  bool ruler_looping = false;          // the ruler press had Shift: it makes a loop, not a scrub
  float ruler_scrub_x = -1;            // where the last kScrub was sent from (input state only)
  bool space_panned = false;           // space was held to pan, so its release is not play/pause
  const char* audio_status = nullptr;  // status-bar line about sound (null: all well)
  ControlRects rects;                  // named controls of the last drawn frame (tests)
  LayoutReport* layout = nullptr;      // set only for --layout-report: views record rects
  bool participant = false;            // participant view: big canvas, palette, play/stop
  int status_lines = 1;                // the status bar's text lines (its left text may wrap)
  int tapped_swatch = -1;              // a swatch tapped this frame: live audition plays it
  int hovered_swatch = -1;         // "no words": the swatch under the pointer, which sounded once
  int swatch_cues = 0;             // how many times a pointed-at swatch sounded (debug status)
  char browser_status[1024] = {};  // the file browser's debug lines (browser.open=...)
  // Kiosk mode (graphony --kiosk): files only inside the library; the facilitator's PIN
  // unlocks the rest for a while. Views ask for it by setting kiosk_wants_pin.
  const LibraryJail* jail = nullptr;  // null: not in kiosk mode
  bool kiosk_unlocked = false;
  bool kiosk_wants_pin = false;
  char kiosk_status[512] = {};  // the kiosk's debug lines (kiosk=1...)
  // The course open now (a course folder, or the course of the score being edited); empty:
  // none. The Export window offers the course's zip and portfolio booklet while it is set.
  std::filesystem::path course_dir;
  char course_status[1024] = {};  // the course timeline's debug lines (course.open=...)
  bool strokes_filling = false;   // a stroke layer is still filling in (debug status)

  UiState() { selection.reserve(1024); }
};

}  // namespace graphony::editor
