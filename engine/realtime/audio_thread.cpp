// The audio-thread marker and the allocation trap's state (the replaced operator new is in
// alloc_trap/, linked only into test and debug binaries).
#include "realtime/audio_thread.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace graphony {

namespace {
thread_local bool t_on_audio_thread = false;
// Constant-initialised, so they are valid even during other files' static initialisers.
std::atomic<bool> g_trap_linked{false};
std::atomic<uint8_t> g_trap_mode{static_cast<uint8_t>(AllocTrapMode::kCount)};
std::atomic<uint64_t> g_trap_count{0};
}  // namespace

bool OnAudioThread() { return t_on_audio_thread; }

AudioThreadScope::AudioThreadScope() : was_on_audio_thread_(t_on_audio_thread) {
  t_on_audio_thread = true;
}
AudioThreadScope::~AudioThreadScope() { t_on_audio_thread = was_on_audio_thread_; }

bool AllocTrapLinked() { return g_trap_linked.load(std::memory_order_relaxed); }
void SetAllocTrapMode(AllocTrapMode mode) {
  g_trap_mode.store(static_cast<uint8_t>(mode), std::memory_order_relaxed);
}
uint64_t AudioThreadAllocations() { return g_trap_count.load(std::memory_order_relaxed); }

namespace alloc_trap_detail {

void MarkLinked() {
  g_trap_linked.store(true, std::memory_order_relaxed);
  const char* v = std::getenv("GRAPHONY_ALLOC_TRAP");
  if (v && std::strcmp(v, "abort") == 0) SetAllocTrapMode(AllocTrapMode::kAbort);
}

void OnAllocation() {
  if (!t_on_audio_thread) return;
  g_trap_count.fetch_add(1, std::memory_order_relaxed);
  switch (static_cast<AllocTrapMode>(g_trap_mode.load(std::memory_order_relaxed))) {
    case AllocTrapMode::kCount:
      return;
    case AllocTrapMode::kAbort: {
      // write(2), not stdio: stdio may itself allocate or lock.
      static const char kMsg[] = "graphony: allocation on the audio thread (alloc trap)\n";
      ssize_t ignored = write(2, kMsg, sizeof kMsg - 1);
      (void)ignored;
      std::abort();
    }
  }
}

}  // namespace alloc_trap_detail
}  // namespace graphony
