// Wall time since this process was exec'd (before the dynamic loader and static constructors), for
// an honest time-to-first-frame: main() starts tens of milliseconds after the user's click.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <ctime>

namespace graphony::editor {

// Milliseconds, or -1 if /proc is unreadable. The kernel stores the start in clock ticks since
// boot (field 22 of /proc/self/stat, CLOCK_BOOTTIME based), so the figure is good to one tick
// (1000 / sysconf(_SC_CLK_TCK) ms, 10 ms on Debian).
inline double MsSinceExec() {
  std::FILE* f = std::fopen("/proc/self/stat", "r");
  if (!f) return -1;
  char buf[1024];
  const size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  buf[n] = 0;
  // The command name (field 2) may hold spaces and ')': count fields from its last ')'.
  const char* p = std::strrchr(buf, ')');
  if (!p) return -1;
  unsigned long long start_ticks = 0;
  // After ")": state (3), then fields 4..21, then starttime (22).
  const char* fields =
      " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu";
  if (std::sscanf(p + 1, fields, &start_ticks) != 1) return -1;
  const long hz = sysconf(_SC_CLK_TCK);
  if (hz <= 0) return -1;
  timespec now{};
  clock_gettime(CLOCK_BOOTTIME, &now);
  const double now_ms =
      static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
  return now_ms - static_cast<double>(start_ticks) * 1e3 / static_cast<double>(hz);
}

}  // namespace graphony::editor
