// Unlimited undo/redo by whole-score snapshots; pixels and bundle assets are shared, not copied.
#pragma once

#include <cstddef>
#include <deque>

#include "core/score.h"

namespace graphony::editor {

// Each entry is the score as it was before an edit. Copying a Score copies strokes and
// settings but only shares image pixels and assets (shared_ptr), so a snapshot of a
// 5000-stroke score costs a few MB. "Unlimited within memory": the oldest steps are
// dropped only when the total passes the byte budget.
class UndoStack {
 public:
  explicit UndoStack(size_t byte_budget = size_t{768} << 20) : budget_(byte_budget) {}

  // Records `before` as the state to return to; a new edit forgets the redo history.
  void Push(const Score& before);
  // Swaps `current` with the previous state. Returns false when there is nothing to undo.
  bool Undo(Score& current);
  bool Redo(Score& current);
  void Clear();

  bool CanUndo() const { return !undo_.empty(); }
  bool CanRedo() const { return !redo_.empty(); }
  size_t UndoCount() const { return undo_.size(); }
  size_t RedoCount() const { return redo_.size(); }
  size_t Bytes() const { return bytes_; }

  // Rough heap size of a snapshot (strokes dominate), used for the budget.
  static size_t EstimateBytes(const Score& score);

 private:
  struct Entry {
    Score score;
    size_t bytes = 0;
  };
  void TrimToBudget();

  std::deque<Entry> undo_;
  std::deque<Entry> redo_;
  size_t bytes_ = 0;
  size_t budget_;
};

}  // namespace graphony::editor
