// Document edits, undo/redo and saved-state bookkeeping.
#include "logic/document.h"

#include <utility>

namespace graphony::editor {

void Document::BeginEdit() {
  if (!pending_) pending_ = score;
}

void Document::EndEdit(bool changed) {
  if (!pending_) return;
  if (changed) {
    undo_.Push(*pending_);
    dirty = true;
    ++revision;
  }
  pending_.reset();
}

bool Document::Undo() {
  if (pending_) EndEdit(!(score == *pending_));
  if (!undo_.Undo(score)) return false;
  dirty = true;
  ++revision;
  return true;
}

bool Document::Redo() {
  if (pending_) EndEdit(!(score == *pending_));
  if (!undo_.Redo(score)) return false;
  dirty = true;
  ++revision;
  return true;
}

void Document::Reset(Score new_score, std::filesystem::path new_path) {
  score = std::move(new_score);
  path = std::move(new_path);
  dirty = false;
  pending_.reset();
  undo_.Clear();
  ++revision;
  autosaved_revision_ = revision;
}

void Document::MarkSaved(const std::filesystem::path& saved_path) {
  path = saved_path;
  dirty = false;
}

}  // namespace graphony::editor
