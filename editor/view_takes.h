// Takes: recording what is played (plus an optional microphone track) into the score bundle's
// recordings/ folder, and the panel that lists takes to play back, rename, delete and export.
#pragma once

#include <filesystem>
#include <future>
#include <string>
#include <vector>

#include "app_state.h"
#include "logic/document.h"
#include "realtime/live_player.h"
#include "take_player.h"

namespace graphony::editor {

// Thread rules: [UI] only; exporting a take's file runs on a std::async worker.
class TakesPanel {
 public:
  TakesPanel();
  ~TakesPanel();

  // Starts writing a take into a private temporary folder. Throws std::runtime_error.
  // `when_playing_starts`: the take begins on the frame the transport starts (after a count-in).
  void Begin(LivePlayer& player, bool microphone, bool when_playing_starts);
  bool Recording() const { return recording_; }
  // Something of ours is under way (a take playing back or being exported): keep drawing.
  bool Busy() const { return recording_ || take_player_.Playing() || export_job_.valid(); }
  // Stops the recording and adds it to the score as one undoable edit: the sound goes into
  // score.assets under recordings/, a Take names it with the players and their consent.
  // Returns a one-line message for the status bar.
  std::string Finish(LivePlayer& player, Document& doc, const UiState& ui);

  // Draws the list. Takes play back through `player` (null: no device); `status` is its
  // latest published state.
  void Draw(Document& doc, UiState& ui, LivePlayer* player, const PlayerStatus& status);
  // A message from the panel (export finished, play-back problem), "" if none; cleared on read.
  std::string TakeMessage();

 private:
  // Transcribes `take` into a new melody layer (one undoable edit); returns the message.
  std::string WriteOntoPicture(Document& doc, const Take& take, int colour);
  std::filesystem::path temp_dir_;
  bool recording_ = false;
  bool with_mic_ = false;
  TakePlayer take_player_;
  std::vector<std::string> name_edits_;  // rename buffers, one per take
  std::future<std::string> export_job_;
  std::string message_;
};

}  // namespace graphony::editor
