// The audio thread never allocates: every SynthEngine call marked [audio] runs with a
// counting operator new armed (this replacement is global to the test executable, but
// it only counts while armed on this thread).
#include <doctest/doctest.h>

#include <cstdlib>
#include <new>
#include <string>

#include "synth/engine.h"
#include "synth_events.h"

namespace {
thread_local bool armed = false;
thread_local int allocations = 0;
}  // namespace

// GCC 12 with sanitizers inlines std::vector's deallocation into this replacement and, not
// seeing that operator new above is malloc too, warns of a mismatched free.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

void* operator new(std::size_t size) {
  if (armed) ++allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace graphony;

TEST_CASE("rendering, seeking, live input and program swaps do not allocate") {
  Events e = test::Staircase("flute");
  e.instruments.push_back({"sampler", "s", "hum-C3.wav", 0, 0, 0});
  e.notes[3].instrument = 1;
  GestureEvent g;
  g.points = {{0.5, 60, 0.5f}, {3, 70, 1.0f}};
  e.gestures.push_back(g);
  PartialBank b;
  b.length_beats = 6;
  b.columns = 3;
  for (int r = 0; r < 300; ++r) b.rows.push_back({100.0 + 10 * r, 0, {0.2f, 1, 0.5f}});
  e.banks.push_back(b);
  EngineSettings s;
  s.samples_dir = std::string(GRAPHONY_SOURCE_DIR) + "/samples";
  const auto p1 = PrepareProgram(e, s);
  const auto p2 = PrepareProgram(test::Staircase("bell"), s);
  SynthEngine engine(s);
  std::vector<float> l(1000), r(1000);

  // The counter itself works: a heap string counts.
  armed = true;
  std::string probe(200, 'x');
  armed = false;
  REQUIRE(allocations >= 1);
  allocations = 0;

  armed = true;
  engine.SetProgram(p1.get());
  engine.SetPlaying(true);
  for (int i = 0; i < 200; ++i) engine.Render(l.data(), r.data(), 1 + (i * 37) % 1000);
  engine.LiveNoteOn(1, 0, 64, 0.7f);
  engine.LiveGesture(1, 66, 0.5f);
  engine.Seek(2.5);
  for (int i = 0; i < 50; ++i) engine.Render(l.data(), r.data(), 512);
  engine.SetProgram(p2.get());
  engine.SetReverbMix(0.5f);
  engine.SetMasterGain(0.8f);
  engine.SetTempoScale(1.5);
  engine.SoloInstrument(0);
  for (int i = 0; i < 50; ++i) engine.Render(l.data(), r.data(), 700);
  engine.LiveNoteOff(1);
  engine.AllNotesOff();
  engine.SetPlaying(false);
  engine.Render(l.data(), r.data(), 1000);
  (void)engine.PlayheadBeat();
  armed = false;
  CHECK(allocations == 0);
}
