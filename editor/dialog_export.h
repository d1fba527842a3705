// The export dialog: audio (WAV/FLAC/OGG, optionally one file per instrument), notation
// (MusicXML, MIDI, LilyPond, PDF), a copy of the score, and with a course open the course's
// zip and portfolio booklet; each for a share purpose (only what people agreed to), done on a
// worker thread with a progress bar and Cancel.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app_state.h"
#include "core/score.h"
#include "logic/document.h"
#include "theme.h"

namespace graphony::editor {

enum class ExportKind {
  kWav,
  kFlac,
  kOgg,
  kMusicXml,
  kMidi,
  kLilyPond,
  kPdf,
  kScoreCopy,  // a .graphony bundle (for a purpose: as `graphony-cli share SCORE`)
  kCourseZip,  // the open course as a zip (`graphony-cli share DIR`); needs a purpose
  kPortfolio,  // the open course's booklet (`graphony-cli portfolio`)
};

// Thread rules: [UI] for every public function. The worker owns a copy of the score.
class ExportDialog {
 public:
  ~ExportDialog();
  // Suggests "<title>.<ext>" in the score's folder, else `last_folder`, else Home; the
  // course kinds are offered while `course_dir` (the open course) is set.
  void Open(const Document& doc, const std::string& last_folder,
            const std::filesystem::path& course_dir);
  // Chooses what to make by its place in the list (tests: the PDF's extra lines).
  void ChooseKind(int kind);
  bool IsOpen() const { return open_; }
  // Closes the window unless an export is running (Esc).
  void Close() {
    if (!Running()) open_ = false;
  }
  bool Running() const { return worker_.joinable() && !done_.load(); }
  // Draws the window while open; finished jobs are collected here. Returns a message for
  // the status bar when an export ends ("" otherwise); *is_error says how it ended.
  std::string Draw(const Document& doc, UiState& ui, const CanvasColors& colors, bool* is_error);

  // The steps of one export, usable without a window (tests, benchmarks). Throws on failure.
  static void Run(const Score& score, ExportKind kind, const std::filesystem::path& out, bool stems,
                  std::atomic<double>* progress, const std::atomic<bool>* cancel);

 private:
  void Start(const Document& doc);
  void Join();
  // The suggested path for `kind`: named after the score, or the course for its kinds.
  std::string Suggest(int kind) const;
  void DrawPurposes(UiState& ui, const CanvasColors& colors, bool compact);

  bool open_ = false;
  int kind_ = 0;
  bool show_kind_ = true;  // scroll the list of kinds to the chosen one (on opening)
  bool stems_ = false;
  char path_[1024] = {};
  std::filesystem::path folder_;  // where the suggestion goes
  std::string title_;             // what it is named after
  std::string suggested_;         // the path suggested (a kind change re-suggests it)
  std::filesystem::path course_;  // the open course (empty: none, no course kinds)
  std::string course_title_;
  int purpose_ = -1;  // index into kPurposes; -1: everything, not for sharing
  std::thread worker_;
  std::atomic<double> progress_{0};
  std::atomic<bool> cancel_{false};
  std::atomic<bool> done_{false};
  std::mutex mutex_;
  std::string result_;  // guarded by mutex_
  bool result_error_ = false;
  std::string last_message_;
};

}  // namespace graphony::editor
