// The open score with its file name, unsaved-changes flag, revision counter and undo history.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "core/score.h"
#include "logic/undo_stack.h"

namespace graphony::editor {

// Every edit goes through BeginEdit()/EndEdit() so it can be undone. Views read `score`
// freely; they compare `revision` to know when cached drawing data is stale.
class Document {
 public:
  Score score;
  std::filesystem::path path;  // empty for a score never saved
  bool dirty = false;
  uint64_t revision = 1;  // bumps on every change, including undo/redo

  // Remembers the current score as the state to return to. Nested calls keep the first.
  void BeginEdit();
  // Commits the edit started by BeginEdit(); `changed` false drops it (nothing happened).
  void EndEdit(bool changed = true);
  bool EditInProgress() const { return pending_.has_value(); }
  // For live edits (dragging a slider) whose intermediate states should redraw.
  void Touch() { ++revision; }

  bool Undo();
  bool Redo();
  bool CanUndo() const { return undo_.CanUndo(); }
  bool CanRedo() const { return undo_.CanRedo(); }
  const UndoStack& History() const { return undo_; }

  // Replaces everything (new/open/recover); forgets the undo history.
  void Reset(Score new_score, std::filesystem::path new_path);
  void MarkSaved(const std::filesystem::path& saved_path);
  // Autosave bookkeeping: true when something changed since the last autosave.
  bool NeedsAutosave() const { return revision != autosaved_revision_ && dirty; }
  void MarkAutosaved() { autosaved_revision_ = revision; }

 private:
  UndoStack undo_;
  std::optional<Score> pending_;
  uint64_t autosaved_revision_ = 1;
};

}  // namespace graphony::editor
