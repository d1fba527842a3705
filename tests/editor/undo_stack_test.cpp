// Tests for undo/redo: document edits, redo cleared by new edits, budget, shared pixels.
#include "logic/undo_stack.h"

#include <doctest/doctest.h>

#include <utility>

#include "logic/document.h"

using namespace graphony;
using namespace graphony::editor;

namespace {
Stroke OnePointStroke(double beat) {
  Stroke s;
  s.points.push_back(StrokePoint{beat, 0.5, 1});
  return s;
}
size_t StrokeCount(const Score& s) {
  size_t n = 0;
  for (const Layer& l : s.layers) n += l.strokes.strokes.size();
  return n;
}
}  // namespace

TEST_CASE("every edit can be undone and redone, in order") {
  Document doc;
  doc.score.layers.push_back(Layer{});
  const uint64_t rev0 = doc.revision;
  for (int i = 0; i < 5; ++i) {
    doc.BeginEdit();
    doc.score.layers[0].strokes.strokes.push_back(OnePointStroke(i));
    doc.EndEdit();
  }
  CHECK(doc.dirty);
  CHECK(doc.revision > rev0);
  CHECK(StrokeCount(doc.score) == 5);
  CHECK(doc.Undo());
  CHECK(doc.Undo());
  CHECK(StrokeCount(doc.score) == 3);
  CHECK(doc.Redo());
  CHECK(StrokeCount(doc.score) == 4);
  CHECK(doc.score.layers[0].strokes.strokes.back().points[0].beat == 3);
  // A new edit forgets what could be redone.
  doc.BeginEdit();
  doc.score.tempo_bpm = 100;
  doc.EndEdit();
  CHECK_FALSE(doc.CanRedo());
  CHECK_FALSE(doc.Redo());
  while (doc.Undo()) {
  }
  CHECK(StrokeCount(doc.score) == 0);
  CHECK(doc.score.tempo_bpm == 72);
}

TEST_CASE("an edit that changed nothing leaves no undo step") {
  Document doc;
  doc.BeginEdit();
  doc.EndEdit(false);
  CHECK_FALSE(doc.CanUndo());
  CHECK_FALSE(doc.dirty);
}

TEST_CASE("snapshots share image pixels instead of copying them") {
  Document doc;
  Layer img;
  img.kind = Layer::Kind::kImage;
  auto pixels = std::make_shared<Image>();
  pixels->width = 100;
  pixels->height = 100;
  pixels->rgba.assign(100 * 100 * 4, 7);
  img.image.pixels = pixels;
  doc.score.layers.push_back(std::move(img));
  doc.BeginEdit();
  doc.score.layers[0].image.opacity = 0.5f;
  doc.EndEdit();
  CHECK(pixels.use_count() == 3);  // ours, the score's, the snapshot's
  CHECK(UndoStack::EstimateBytes(doc.score) < 10000);
  CHECK(doc.Undo());
  CHECK(doc.score.layers[0].image.opacity == 1.0f);
  CHECK(doc.score.layers[0].image.pixels.get() == pixels.get());
}

TEST_CASE("the byte budget drops the oldest steps but keeps recent ones") {
  UndoStack stack(1);  // tiny budget: trimming starts at once
  Score s;
  for (int i = 0; i < 20; ++i) {
    s.tempo_bpm = 60 + i;
    stack.Push(s);
  }
  CHECK(stack.UndoCount() == 8);
  Score cur;
  CHECK(stack.Undo(cur));
  CHECK(cur.tempo_bpm == 79);
}

TEST_CASE("reset after open forgets history and is clean") {
  Document doc;
  doc.BeginEdit();
  doc.score.title = std::string("x");  // not = "x": GCC 12 -Wrestrict false positive
  doc.EndEdit();
  doc.Reset(Score{}, "/tmp/a.graphony");
  CHECK_FALSE(doc.CanUndo());
  CHECK_FALSE(doc.dirty);
  CHECK_FALSE(doc.NeedsAutosave());
  doc.BeginEdit();
  doc.score.title = std::string("y");
  doc.EndEdit();
  CHECK(doc.NeedsAutosave());
  doc.MarkAutosaved();
  CHECK_FALSE(doc.NeedsAutosave());
}
