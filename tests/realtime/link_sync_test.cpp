// Ableton Link attached to the renderer, without a device: the transport takes the
// session's tempo and phase, a local tempo change reaches the session, and following Link
// allocates nothing on the audio thread (the trap counts).
#include "realtime/link_sync.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include "realtime/audio_renderer.h"
#include "realtime/audio_thread.h"
#include "rt_test_util.h"

using namespace graphony;
using namespace graphony::test;

TEST_CASE("Link sets the transport's tempo and phase, and following it allocates nothing") {
  REQUIRE(AllocTrapLinked());
  SetAllocTrapMode(AllocTrapMode::kCount);
  EngineSettings settings;
  settings.sample_rate = 48000;
  Events e = SineEvents(64);
  e.tempo_bpm = 120;
  AddNote(e, 0, 1, 72, 0.8f);
  auto p = std::make_unique<PublishedProgram>();
  p->program = PrepareProgram(e, settings);
  p->tempo_bpm = 120;
  p->length_beats = 64;

  LinkOptions options;
  options.tempo_bpm = 90;  // the session's tempo (no peers: ours)
  LinkSync link(options);
  AudioRenderer r(settings, nullptr);
  r.AttachLink(&link);
  r.Publish(std::move(p));
  r.Send(Command::Seek(1.7));  // off the session's phase: Link jumps or glides it there
  r.Send(Command::Play());
  std::vector<float> io(2 * 256);
  // Buffers at the pace of a device: Link's host times come from the frame count and the
  // clock together, and beat samples are published every 20 ms of host time.
  auto render = [&](int buffers) {
    for (int i = 0; i < buffers; ++i) {
      r.Process(nullptr, io.data(), 2, 256, false);
      std::this_thread::sleep_for(std::chrono::microseconds(5333));
    }
  };
  const uint64_t before = AudioThreadAllocations();
  render(200);  // about 1 s
  CHECK(AudioThreadAllocations() == before);
  CHECK(r.Meters().tempo_scale.load() == doctest::Approx(0.75));  // 90 / 120
  // The published beat samples carry the session tempo while playing.
  LinkBeatSample s, last;
  int samples = 0;
  while (link.PopSample(&s)) {
    last = s;
    ++samples;
  }
  CHECK(samples > 10);
  CHECK(last.playing);
  CHECK(last.tempo_bpm == doctest::Approx(90));
  // A local tempo change becomes the session's.
  r.Send(Command::TempoScale(0.5));  // 60 bpm
  render(20);
  CHECK(AudioThreadAllocations() == before);
  while (link.PopSample(&s)) last = s;
  CHECK(last.tempo_bpm == doctest::Approx(60));
  CHECK(r.Meters().tempo_scale.load() == doctest::Approx(0.5));
}
