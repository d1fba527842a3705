// Editor UI state shared by the views: current tool, colour, contributor, settings, commands.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "logic/tools.h"
#include "logic/user_paths.h"

namespace graphony::editor {

// Things the toolbar, menus and keyboard ask the app to do; the app runs them after the
// views have drawn, so no view reaches into another.
enum class AppCommand {
  kNew, kOpen, kSave, kSaveAs, kUndo, kRedo, kImportImage, kFit, kZoomIn, kZoomOut,
  kDeleteSelection, kAddDrawingLayer, kQuit
};

class CommandQueue {
 public:
  void Push(AppCommand c) {
    if (count_ < items_.size()) items_[count_++] = c;
  }
  size_t Count() const { return count_; }
  AppCommand At(size_t i) const { return items_[i]; }
  void Clear() { count_ = 0; }

 private:
  std::array<AppCommand, 16> items_{};
  size_t count_ = 0;
};

struct UiState {
  Tool tool = Tool::kBrush;
  int palette_index = 0;
  float brush_size = 0.03f;           // stroke width as a share of the canvas height
  std::string contributor_id;         // who is drawing now ("" = nobody chosen)
  int active_layer = -1;              // layer the layers panel highlights
  std::vector<int> selection;         // selected stroke indices in selection_layer
  int selection_layer = -1;
  Settings settings;
  bool space_held = false;            // space + drag pans
  bool want_fit = true;               // fit the view on the next frame (new/open)
  bool fonts_dirty = true;            // UI scale changed: rebuild the font atlas
  const char* hint = nullptr;         // status-bar hint set by whatever is hovered
  char message[320] = {};             // last notice (saved, error...)
  bool message_is_error = false;
  double message_until = 0;           // seconds on the app clock
  double now = 0;                     // app clock, seconds
  CommandQueue commands;

  // Editor II (sound): the canvas draws the playhead and loop; the ruler asks to seek or loop.
  double playhead_beat = -1;                   // < 0: no playhead shown
  double loop_start = 0, loop_end = 0;         // loop shown on the ruler (end <= start: none)
  double seek_request = -1;                    // ruler click: beat to seek to (sound code clears it)
  double loop_request_start = 0, loop_request_end = -1;  // ruler drag: new loop (end < 0: none)
  double ruler_drag_start = 0, ruler_drag_end = 0;       // loop being dragged on the ruler
  bool space_panned = false;                   // space was held to pan, so its release is not play/pause
  const char* audio_status = nullptr;          // status-bar line about sound (null: all well)

  UiState() { selection.reserve(1024); }
};

}  // namespace graphony::editor
