// DebugStatus: key=value lines for tests ($GRAPHONY_DEBUG_STATUS); off unless asked for.
#include "debug_status.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/temp_files.h"

namespace graphony::editor {

DebugStatus::DebugStatus() {
  if (const char* env = std::getenv("GRAPHONY_DEBUG_STATUS")) path_ = env;
  frame_ms_.reserve(512);
  interval_ms_.reserve(512);
}

void DebugStatus::AddFrame(double work_ms, double interval_ms) {
  if (!Active() || frame_ms_.size() >= frame_ms_.capacity()) return;
  frame_ms_.push_back(work_ms);
  interval_ms_.push_back(interval_ms);
}

void DebugStatus::Write(double now, const std::string& body) {
  next_write_ = now + 0.5;
  struct Stats {
    double mean = 0, p95 = 0, max = 0;
  };
  auto stats = [](std::vector<double>& v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    for (double x : v) s.mean += x;
    s.mean /= static_cast<double>(v.size());
    s.p95 = v[std::min(v.size() - 1, v.size() * 95 / 100)];
    s.max = v.back();
    return s;
  };
  const Stats work = stats(frame_ms_), interval = stats(interval_ms_);
  char stats_text[512];
  // work = input, layout, audio hooks (before GPU submit); interval = frame to frame (vsync).
  std::snprintf(stats_text, sizeof stats_text,
                "frames=%zu\nframe_mean_ms=%.3f\nframe_p95_ms=%.3f\nframe_max_ms=%.3f\n"
                "interval_mean_ms=%.3f\ninterval_p95_ms=%.3f\ninterval_max_ms=%.3f\n",
                frame_ms_.size(), work.mean, work.p95, work.max, interval.mean, interval.p95,
                interval.max);
  const std::string text = body + stats_text;
  // Replaced atomically so a test never reads half a file; a debugging aid only: a failure
  // is ignored rather than disturbing the editor.
  AtomicFile out;
  std::string error;
  if (out.Open(path_, error) && out.Write(text.data(), text.size(), error)) out.Commit(error);
  frame_ms_.clear();
  interval_ms_.clear();
}

}  // namespace graphony::editor
