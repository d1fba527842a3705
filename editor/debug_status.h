// A plain-text readout of the editor's audio state, written twice a second to the file named
// by $GRAPHONY_DEBUG_STATUS, so tests and benchmarks can see what the window shows.
#pragma once

#include <string>
#include <vector>

namespace graphony::editor {

// Thread rules: [UI] only. Writes go to FILE.tmp then rename, so readers never see half a file.
class DebugStatus {
 public:
  DebugStatus();  // reads $GRAPHONY_DEBUG_STATUS; inactive when unset
  bool Active() const { return !path_.empty(); }
  // Adds one frame's duration (milliseconds) to the current window of statistics.
  void AddFrame(double work_ms, double interval_ms);
  // True when it is time to write (every 0.5 s of the app clock).
  bool Due(double now) const { return Active() && now >= next_write_; }
  // Writes `body` plus frame statistics over the window since the last write, then resets it.
  void Write(double now, const std::string& body);

 private:
  std::string path_;
  double next_write_ = 0;
  std::vector<double> frame_ms_, interval_ms_;
};

}  // namespace graphony::editor
