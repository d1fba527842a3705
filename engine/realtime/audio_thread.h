// Marks the current thread as "the audio thread" so debug/test builds can trap allocation
// there (see alloc_trap/). Costs one thread-local store per callback in every build.
#pragma once

#include <cstdint>

namespace graphony {

// [any] True while the calling thread is inside an audio callback.
bool OnAudioThread();

// [audio] RAII: marks the calling thread as the audio thread for the scope of a callback.
class AudioThreadScope {
 public:
  AudioThreadScope();
  ~AudioThreadScope();
  AudioThreadScope(const AudioThreadScope&) = delete;
  AudioThreadScope& operator=(const AudioThreadScope&) = delete;

 private:
  bool was_on_audio_thread_;
};

// The allocation trap. Only binaries that link graphony_alloc_trap replace operator new;
// in every other binary AllocTrapLinked() is false and the counters stay at zero.
enum class AllocTrapMode : uint8_t {
  kCount,  // count allocations made on the audio thread (tests read AudioThreadAllocations)
  kAbort,  // print one line to stderr and abort() on the first one
};
// [any] True when this binary links the trap (replaced operator new).
bool AllocTrapLinked();
// [any] Chooses what the trap does; default kCount, or kAbort when the environment has
// GRAPHONY_ALLOC_TRAP=abort.
void SetAllocTrapMode(AllocTrapMode mode);
// [any] Allocations seen on an audio thread since the program started.
uint64_t AudioThreadAllocations();

// Used by alloc_trap/ only.
namespace alloc_trap_detail {
void MarkLinked();    // the trap's static initialiser calls this
void OnAllocation();  // every replaced operator new calls this first
}  // namespace alloc_trap_detail

}  // namespace graphony
