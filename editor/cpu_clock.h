// CPU time of the whole editor process, every thread (llvmpipe's rasteriser threads too).
#pragma once

#include <ctime>

namespace graphony::editor {

// Milliseconds. What drawing costs in a measure that other programs on a busy machine disturb
// far less than wall time (the benchmark's phases, the stroke fill-in's share per frame).
inline double ProcessCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace graphony::editor
