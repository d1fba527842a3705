// The audio thread stays allocation- and lock-free with soundfont voices playing. FluidSynth is
// C, so operator new traps cannot see it: this file interposes malloc/calloc/realloc and the
// mutex locks FluidSynth could take (pthread, GLib) for the whole test executable, counting
// only while armed on the calling thread.
#include <dlfcn.h>
#include <doctest/doctest.h>
#include <glib.h>
#include <pthread.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/instrument_traits.h"
#include "synth/engine.h"
#include "synth/render_program.h"
#include "synth_events.h"

// Under AddressSanitizer the interposers would bypass ASan's own malloc (its frees would then
// fail): the sanitizer build leaves this test out, the ordinary build runs it.
#if defined(__SANITIZE_ADDRESS__)
#define GRAPHONY_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GRAPHONY_TEST_ASAN 1
#endif
#endif
#if !defined(GRAPHONY_TEST_ASAN)

extern "C" {
// glibc's own entry points behind the interposed names (the lock's is a versioned alias).
int graphony_real_pthread_mutex_lock(pthread_mutex_t*);
__asm__(".symver graphony_real_pthread_mutex_lock,__pthread_mutex_lock@GLIBC_2.2.5");
void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
}

namespace {
thread_local bool armed = false;
thread_local bool in_glib_lock = false;  // GLib's recursive mutex locks a pthread one inside
thread_local int mallocs = 0;
thread_local int locks = 0;
// Who took each lock (classified after disarming: dladdr must not run while armed).
constexpr int kMaxCallers = 4096;
thread_local void* lock_callers[kMaxCallers];

void CountLock(void* caller) {
  if (!armed || in_glib_lock) return;
  if (locks < kMaxCallers) lock_callers[locks] = caller;
  ++locks;
}

using GLockFn = void (*)(void*);  // GMutex* / GRecMutex*, as GLib takes them
// GLib's locks, found on first use (GLib may lock before this file's statics are set up).
GLockFn RealGLock(const char* name, GLockFn& cache) {
  if (!cache) cache = reinterpret_cast<GLockFn>(dlsym(RTLD_NEXT, name));
  return cache;
}
GLockFn real_g_mutex_lock = nullptr, real_g_rec_mutex_lock = nullptr;
}  // namespace

extern "C" {
void* malloc(size_t n) {
  if (armed) ++mallocs;
  return __libc_malloc(n);
}
void* calloc(size_t n, size_t size) {
  if (armed) ++mallocs;
  return __libc_calloc(n, size);
}
void* realloc(void* p, size_t n) {
  if (armed) ++mallocs;
  return __libc_realloc(p, n);
}
int pthread_mutex_lock(pthread_mutex_t* m) {
  CountLock(__builtin_return_address(0));
  return graphony_real_pthread_mutex_lock(m);
}
void g_mutex_lock(GMutex* m) {
  CountLock(__builtin_return_address(0));
  in_glib_lock = true;
  RealGLock("g_mutex_lock", real_g_mutex_lock)(static_cast<void*>(m));
  in_glib_lock = false;
}
void g_rec_mutex_lock(GRecMutex* m) {
  CountLock(__builtin_return_address(0));
  in_glib_lock = true;
  RealGLock("g_rec_mutex_lock", real_g_rec_mutex_lock)(static_cast<void*>(m));
  in_glib_lock = false;
}
}

using namespace graphony;

TEST_CASE("soundfont voices: rendering, glides, live notes and steals neither allocate nor lock") {
  REQUIRE(reinterpret_cast<void*>(RealGLock("g_mutex_lock", real_g_mutex_lock)) != nullptr);
  // The trap works: a malloc and a GLib-free pthread lock count while armed.
  armed = true;
  void* probe = std::malloc(100);
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&m);
  armed = false;
  pthread_mutex_unlock(&m);
  std::free(probe);
  REQUIRE(mallocs == 1);
  REQUIRE(locks == 1);
  mallocs = locks = 0;
  // The GLib mutexes FluidSynth uses are trapped too.
  GRecMutex rec;
  g_rec_mutex_init(&rec);
  armed = true;
  g_rec_mutex_lock(&rec);
  armed = false;
  g_rec_mutex_unlock(&rec);
  g_rec_mutex_clear(&rec);
  REQUIRE(locks == 1);
  mallocs = locks = 0;

  // Dense: every chamber instrument and the drum kit, chords, a glide; few voices, so the
  // pool steals (fading soundfont notes out) all the time.
  Events e;
  e.tempo_bpm = 120;
  e.length_beats = 16;
  for (std::string_view name : ChamberInstruments())
    e.instruments.push_back({std::string(name), std::string(name), "", 0, 0, 0});
  e.instruments.push_back({"drum-kit", "drum-kit", "", 0, 0, 0});
  for (int i = 0; i < 160; ++i) {
    NoteEvent n;
    n.instrument = i % static_cast<int>(e.instruments.size());
    n.start_beat = i * 0.1;
    n.duration_beats = 0.3 + (i % 5) * 0.4;
    n.pitch = n.instrument == 9 ? 36 + i % 12 : 55 + (i * 7) % 24;
    n.quantised_pitch = static_cast<int>(n.pitch);
    n.velocity = 0.6f + 0.05f * static_cast<float>(i % 7);
    n.pan = static_cast<float>(i % 3 - 1) * 0.5f;
    e.notes.push_back(n);
  }
  GestureEvent g;
  g.instrument = 0;  // cello glides: pitch bend and expression per block
  g.points = {{1, 48, 0.3f}, {5, 60.5, 1.0f}, {9, 43, 0.6f}};
  e.gestures.push_back(g);
  EngineSettings s;
  s.max_voices = 24;
  const auto p1 = PrepareProgram(e, s);
  const auto p2 = PrepareProgram(test::Staircase("violin"), s);
  REQUIRE(p1->instruments[0].kind == InstrumentKind::kGeneralMidi);
  SynthEngine engine(s);
  std::vector<float> l(1000), r(1000);

  armed = true;
  engine.SetProgram(p1.get());
  engine.SetPlaying(true);
  for (int i = 0; i < 400; ++i) engine.Render(l.data(), r.data(), 1 + (i * 37) % 1000);
  engine.LiveNoteOn(1, 3, 64.3, 0.7f);
  engine.LiveGesture(1, 66, 0.5f);
  engine.Seek(2.5);
  for (int i = 0; i < 100; ++i) engine.Render(l.data(), r.data(), 512);
  engine.SetProgram(p2.get());
  engine.SoloInstrument(0);
  for (int i = 0; i < 100; ++i) engine.Render(l.data(), r.data(), 256);
  engine.LiveNoteOff(1);
  engine.AllNotesOff();
  engine.SetPlaying(false);
  engine.Render(l.data(), r.data(), 1000);
  armed = false;
  MESSAGE("audio thread with FluidSynth voices: " << mallocs << " mallocs, " << locks << " locks");
  CHECK(mallocs == 0);
  // Classify the locks by the function that took them.
  int settings_reads = 0, other_locks = 0;
  for (int i = 0; i < std::min(locks, kMaxCallers); ++i) {
    Dl_info info{};
    const bool named = dladdr(lock_callers[i], &info) && info.dli_sname;
    if (named && std::string(info.dli_sname) == "fluid_settings_getint") {
      ++settings_reads;
    } else {
      ++other_locks;
      MESSAGE("lock taken in " << (named ? info.dli_sname : "(unknown)"));
    }
  }
  MESSAGE("FluidSynth settings reads (one per note start): " << settings_reads);
  CHECK(mallocs == 0);
  // Measured finding: fluid_synth_start() reads "synth.dynamic-sample-loading" on every note,
  // taking the settings' recursive mutex. That settings object belongs to this engine alone
  // (no other thread ever touches it after GmSynth::Init), so the lock is never contended and
  // never waits. Every other lock is a failure.
  CHECK(other_locks == 0);
  CHECK(locks < kMaxCallers);
}

#endif  // !GRAPHONY_TEST_ASAN
