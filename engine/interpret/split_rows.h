// Runs a loop over rows on the machine's two cores: disjoint row ranges, so the result is
// bit for bit the one-thread result (each row is computed by the same code either way).
#pragma once

#include <algorithm>
#include <atomic>
#include <thread>

namespace graphony::interpret {

namespace testing {
// At most this many threads in SplitRows (1: everything on the caller's thread, so a test can
// compare); 2 by default.
inline std::atomic<int> g_max_split_threads{2};
inline void SetMaxThreadsForTesting(int threads) { g_max_split_threads = threads; }
}  // namespace testing

// fn(first, last) for rows [0, rows): on two threads when `work` (the loop's cost, in pixels
// or cells) is large enough to pay for starting one (tens of microseconds), else on the
// caller's alone. `threads` 1 forces one thread.
template <class F>
void SplitRows(int rows, double work, F&& fn, int threads = 2) {
  constexpr double kWorthASecondThread = 1e6;
  threads = std::min(threads, testing::g_max_split_threads.load(std::memory_order_relaxed));
  if (threads < 2 || rows < 2 || work < kWorthASecondThread) {
    fn(0, rows);
    return;
  }
  const int mid = rows / 2;
  std::thread second([&] { fn(mid, rows); });
  fn(0, mid);
  second.join();
}

}  // namespace graphony::interpret
