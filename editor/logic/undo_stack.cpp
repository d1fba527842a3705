// Undo/redo snapshots with a memory budget.
#include "logic/undo_stack.h"

#include <utility>

namespace graphony::editor {

size_t UndoStack::EstimateBytes(const Score& score) {
  size_t bytes = sizeof(Score);
  for (const Layer& layer : score.layers) {
    bytes += sizeof(Layer) + layer.name.size();
    for (const Stroke& s : layer.strokes.strokes)
      bytes += sizeof(Stroke) + s.points.capacity() * sizeof(StrokePoint) + s.contributor.size();
  }
  bytes += score.contributors.size() * sizeof(Contributor);
  bytes += score.palette.size() * sizeof(PaletteEntry);
  return bytes;
}

void UndoStack::Push(const Score& before) {
  Entry e{before, EstimateBytes(before)};
  bytes_ += e.bytes;
  undo_.push_back(std::move(e));
  for (const Entry& r : redo_) bytes_ -= r.bytes;
  redo_.clear();
  TrimToBudget();
}

bool UndoStack::Undo(Score& current) {
  if (undo_.empty()) return false;
  Entry back = std::move(undo_.back());
  undo_.pop_back();
  const size_t cur_bytes = EstimateBytes(current);
  std::swap(current, back.score);
  bytes_ = bytes_ - back.bytes + cur_bytes;
  back.bytes = cur_bytes;
  redo_.push_back(std::move(back));
  return true;
}

bool UndoStack::Redo(Score& current) {
  if (redo_.empty()) return false;
  Entry back = std::move(redo_.back());
  redo_.pop_back();
  const size_t cur_bytes = EstimateBytes(current);
  std::swap(current, back.score);
  bytes_ = bytes_ - back.bytes + cur_bytes;
  back.bytes = cur_bytes;
  undo_.push_back(std::move(back));
  return true;
}

void UndoStack::Clear() {
  undo_.clear();
  redo_.clear();
  bytes_ = 0;
}

void UndoStack::TrimToBudget() {
  // Keep at least a few steps whatever the budget, so undo always works.
  while (bytes_ > budget_ && undo_.size() > 8) {
    bytes_ -= undo_.front().bytes;
    undo_.pop_front();
  }
}

}  // namespace graphony::editor
