// One job of the Export window, off the UI thread: the score made shareable for a purpose (the
// engine's share code, as `graphony-cli share`), then exported; or the course's zip or booklet.
#pragma once

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>

#include "core/people.h"
#include "core/score.h"
#include "dialog_export.h"

namespace graphony::editor {

struct ExportJob {
  ExportKind kind = ExportKind::kWav;
  std::filesystem::path out;
  bool stems = false;
  std::optional<Purpose> purpose;  // none: everything (not for sharing)
  std::filesystem::path source;    // where the score is saved (empty: not yet)
  std::filesystem::path course;    // the open course (its zip and booklet)
  std::string today;               // YYYY-MM-DD: keep-until dates are compared with it
};

// [worker] Runs `job` on `score` (the worker's own copy) and returns the message for the end,
// naming the file written. Throws ScoreError / RenderError / RenderCancelled.
std::string RunExportJobFor(const Score& score, const ExportJob& job, std::atomic<double>* progress,
                            const std::atomic<bool>* cancel);

}  // namespace graphony::editor
