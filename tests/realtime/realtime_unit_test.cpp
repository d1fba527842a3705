// Real-time core without a sound device: the lock-free ring, the audio-thread renderer
// (buffer-size independence, live audition, program swap, seek, loop), the allocation
// trap and background recording.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <thread>
#include <vector>

#include "realtime/audio_renderer.h"
#include "realtime/audio_thread.h"
#include "realtime/recorder.h"
#include "realtime/scrub_voices.h"
#include "realtime/spsc_ring.h"
#include "rt_test_util.h"
#include "support/sound_readback.h"
#include "support/temp_dir.h"

using namespace graphony;
using namespace graphony::test;

namespace {

constexpr double kRate = 48000;

EngineSettings Settings() {
  EngineSettings s;
  s.sample_rate = kRate;
  s.reverb_mix = 0;  // dry, so pitch and silence measurements are clean
  return s;
}

std::unique_ptr<PublishedProgram> Publishable(const Events& events) {
  auto p = std::make_unique<PublishedProgram>();
  p->program = PrepareProgram(events, Settings());
  p->tempo_bpm = events.tempo_bpm;
  p->length_beats = events.length_beats;
  return p;
}

// Runs the renderer for `frames` frames in host buffers of `buffer` frames; returns the left
// channel. `after_buffer` (optional) runs on this thread between buffers.
template <typename F>
std::vector<float> Run(AudioRenderer& r, int frames, int buffer, F after_buffer) {
  std::vector<float> left;
  std::vector<float> out(static_cast<size_t>(buffer) * 2);
  for (int done = 0; done < frames; done += buffer) {
    const int n = std::min(buffer, frames - done);
    r.Process(nullptr, out.data(), 2, n, false);
    for (int i = 0; i < n; ++i) left.push_back(out[2 * static_cast<size_t>(i)]);
    after_buffer();
  }
  return left;
}
std::vector<float> Run(AudioRenderer& r, int frames, int buffer) {
  return Run(r, frames, buffer, [] {});
}

}  // namespace

TEST_CASE("SpscRing holds up to its capacity and keeps order") {
  SpscRing<int> ring(5);  // rounded up to 8
  CHECK(ring.Capacity() == 8);
  for (int i = 0; i < 8; ++i) CHECK(ring.Push(i));
  CHECK_FALSE(ring.Push(99));
  int v = -1;
  for (int i = 0; i < 8; ++i) {
    REQUIRE(ring.Pop(v));
    CHECK(v == i);
  }
  CHECK_FALSE(ring.Pop(v));
  const int many[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  CHECK(ring.PushMany(many, 12) == 8);  // only what fits
  int got[12] = {};
  CHECK(ring.PopMany(got, 12) == 8);
  CHECK(got[7] == 7);
}

TEST_CASE("SpscRing passes a million items between two threads in order") {
  SpscRing<uint32_t> ring(1024);
  constexpr uint32_t kCount = 1'000'000;
  std::thread producer([&] {
    for (uint32_t i = 0; i < kCount;)
      if (ring.Push(i)) ++i;
  });
  uint32_t expected = 0;
  bool in_order = true;
  while (expected < kCount) {
    uint32_t v;
    if (ring.Pop(v)) {
      in_order &= v == expected;
      ++expected;
    }
  }
  producer.join();
  CHECK(in_order);
}

TEST_CASE("The renderer's output does not depend on the host buffer size") {
  const Events events = StaircaseEvents();
  std::vector<float> reference, odd;
  {
    AudioRenderer r(Settings(), nullptr);
    r.Publish(Publishable(events));
    r.Send(Command::Play());
    reference = Run(r, 48000, 256);
  }
  {
    AudioRenderer r(Settings(), nullptr);
    r.Publish(Publishable(events));
    r.Send(Command::Play());
    // Irregular buffers, as some hosts deliver them.
    const int sizes[] = {1, 7, 64, 300, 1024, 33, 511, 2};
    std::vector<float> out(2048 * 2);
    for (int i = 0, done = 0; done < 48000; ++i) {
      const int n = std::min(sizes[i % 8], 48000 - done);
      r.Process(nullptr, out.data(), 2, n, false);
      for (int k = 0; k < n; ++k) odd.push_back(out[2 * static_cast<size_t>(k)]);
      done += n;
    }
  }
  REQUIRE(reference.size() == odd.size());
  float max_diff = 0;
  for (size_t i = 0; i < reference.size(); ++i)
    max_diff = std::max(max_diff, std::fabs(reference[i] - odd[i]));
  CHECK(Peak(reference, 0, reference.size()) > 0.05f);  // it did play
  CHECK(max_diff < 1e-6f);
}

TEST_CASE("Live audition: a note sounds within one buffer, a gesture moves it, note off ends it") {
  AudioRenderer r(Settings(), nullptr);
  r.Publish(Publishable(SineEvents()));
  Run(r, 256, 256);  // adopt the program
  r.Send(Command::NoteOn(7, 0, 69, 0.8f));
  const std::vector<float> first = Run(r, 256, 256);
  CHECK(Peak(first, 0, 256) > 1e-3f);  // heard in the very next buffer

  const std::vector<float> held = Run(r, 24000, 256);
  CHECK(std::fabs(Semitones(ZeroCrossingHz(held, 4800, 24000, kRate), 69)) < 0.1);

  r.Send(Command::Gesture(7, 76, 0.8f));  // the stroke moves up to E5
  const std::vector<float> moved = Run(r, 24000, 256);
  CHECK(std::fabs(Semitones(ZeroCrossingHz(moved, 9600, 24000, kRate), 76)) < 0.1);

  r.Send(Command::NoteOff(7));
  const std::vector<float> released = Run(r, 48000, 256);
  CHECK(Peak(released, 38400, 48000) < 1e-3f);
}

TEST_CASE("A published program is swapped in and the old one is freed off the audio thread") {
  AudioRenderer r(Settings(), nullptr);
  auto a = Publishable(StaircaseEvents());
  std::weak_ptr<const RenderProgram> a_alive = a->program;
  r.Publish(std::move(a));
  Run(r, 256, 256);  // audio thread adopts A
  r.CollectReturned();
  CHECK_FALSE(a_alive.expired());  // still in use

  Events high = SineEvents();
  AddNote(high, 0, 4, 81);
  r.Publish(Publishable(high));
  CHECK_FALSE(a_alive.expired());  // the audio thread has not let go yet
  r.Send(Command::Play());
  const std::vector<float> out = Run(r, 12000, 256);
  CHECK_FALSE(a_alive.expired());  // handed back, but only the control thread frees it
  r.CollectReturned();
  CHECK(a_alive.expired());
  CHECK(std::fabs(Semitones(ZeroCrossingHz(out, 2400, 12000, kRate), 81)) < 0.1);  // B plays
}

TEST_CASE("A program published twice before the audio thread looks is replaced, not leaked") {
  AudioRenderer r(Settings(), nullptr);
  auto a = Publishable(StaircaseEvents());
  std::weak_ptr<const RenderProgram> a_alive = a->program;
  r.Publish(std::move(a));
  r.Publish(Publishable(SineEvents()));
  CHECK(a_alive.expired());  // never seen by the audio thread: freed at once
}

TEST_CASE("Seek lands on the beat asked for") {
  AudioRenderer r(Settings(), nullptr);
  r.Publish(Publishable(StaircaseEvents()));
  r.Send(Command::Seek(4));
  r.Send(Command::Play());
  const std::vector<float> out = Run(r, 12000, 256);  // 0.25 s = half a beat
  CHECK(r.Meters().playhead_beat.load() == doctest::Approx(4.5).epsilon(0.01));
  CHECK(std::fabs(Semitones(ZeroCrossingHz(out, 2400, 12000, kRate), kStaircase[4])) < 0.1);
}

TEST_CASE("A loop region repeats and the playhead stays inside it") {
  AudioRenderer r(Settings(), nullptr);
  r.Publish(Publishable(StaircaseEvents()));
  r.Send(Command::SetLoop(2, 4));
  r.Send(Command::Seek(2));
  r.Send(Command::Play());
  double lowest = 99, highest = -1;
  const std::vector<float> out = Run(r, 3 * 48000, 256, [&] {
    const double b = r.Meters().playhead_beat.load();
    lowest = std::min(lowest, b);
    highest = std::max(highest, b);
  });
  CHECK(lowest >= 1.99);
  CHECK(highest <= 4.01);
  CHECK(highest > 3.9);
  CHECK_FALSE(r.Meters().reached_end.load());
  // 1 s loop: beats 2,3 = E4,F4; the second time round (1.0..1.5 s) is E4 again.
  CHECK(std::fabs(Semitones(ZeroCrossingHz(out, 52000, 66000, kRate), kStaircase[2])) < 0.15);
  CHECK(std::fabs(Semitones(ZeroCrossingHz(out, 76000, 90000, kRate), kStaircase[3])) < 0.15);
}

TEST_CASE("The allocation trap catches an allocation on the audio thread") {
  REQUIRE(AllocTrapLinked());
  SetAllocTrapMode(AllocTrapMode::kCount);
  AudioRenderer r(Settings(), nullptr);
  const uint64_t before = AudioThreadAllocations();
  // Off the audio thread nothing is counted.
  auto off = std::make_unique<std::vector<int>>(1000);
  CHECK(AudioThreadAllocations() == before);
  r.SetTestHook([](void*) { delete new std::vector<float>(64); }, nullptr);
  Run(r, 512, 256);
  CHECK(AudioThreadAllocations() >= before + 2);  // one per buffer
}

TEST_CASE(
    "Playing, seeking, looping, count-in, live notes, swaps, clips and recording allocate nothing "
    "on the audio thread") {
  REQUIRE(AllocTrapLinked());
  SetAllocTrapMode(AllocTrapMode::kCount);
  const TempDir tmp("rt");
  const std::filesystem::path& dir = tmp.Path();
  Recorder recorder(kRate, 0);
  AudioRenderer r(Settings(), &recorder);
  r.Publish(Publishable(StaircaseEvents()));
  recorder.Begin({dir / "take.wav", {}}, 0);
  const uint64_t before = AudioThreadAllocations();
  r.Send(Command::StartRecording());
  r.Send(Command::Play());
  int buffer = 0;
  Run(r, 4 * 48000, 256, [&] {
    switch (buffer++ % 40) {
      case 5:
        r.Send(Command::NoteOn(1, 0, 64, 0.7f));
        break;
      case 9:
        r.Send(Command::Gesture(1, 66, 0.5f));
        break;
      case 12:
        r.Send(Command::NoteOff(1));
        break;
      case 15:
        r.Send(Command::Seek(1.5));
        break;
      case 20:
        r.Send(Command::SetLoop(1, 3));
        break;
      case 25:
        r.Send(Command::TempoScale(1.5));
        break;
      case 28:
        r.Send(Command::MasterVolume(0.7));
        break;
      case 30:
        r.Publish(Publishable(StaircaseEvents()));
        r.CollectReturned();
        break;
      case 35:
        r.Send(Command::ClearLoop());
        break;
      case 36:
        r.Send(Command::Stop());
        r.Send(Command::Play(2));
        break;
      case 37: {
        auto clip = std::make_unique<SoundClip>();
        clip->stereo.assign(2 * 1000, 0.1f);
        r.PublishClip(std::move(clip));
        r.CollectReturned();
        break;
      }
      case 39:
        r.Send(Command::StopClip());
        break;
      default:
        break;
    }
  });
  r.Send(Command::Stop());
  r.Send(Command::AllNotesOff());
  r.Send(Command::StopRecording());
  Run(r, 512, 256);
  CHECK(AudioThreadAllocations() == before);
  recorder.Finish(0);
}

TEST_CASE(
    "Scrubbing sounds what is under the playhead, is silent over a gap and allocates nothing on "
    "the audio thread") {
  REQUIRE(AllocTrapLinked());
  SetAllocTrapMode(AllocTrapMode::kCount);
  Events e = SineEvents(8);
  AddNote(e, 0, 2, 69);  // beats 0..2: A4
  AddNote(e, 1, 1, 76);  // beats 1..2: E5 beside it
  AddNote(e, 5, 1, 72);  // beats 2..5 are empty
  AudioRenderer r(Settings(), nullptr);
  r.Publish(Publishable(e));
  ScrubVoices scrub;
  std::vector<Command> commands;
  const uint64_t before = AudioThreadAllocations();
  // Drag from beat 0 to beat 2 over 48 buffers (0.26 s), the transport stopped.
  int buffer = 0;
  int most_voices = 0;
  const std::vector<float> notes = Run(r, 48 * 256, 256, [&] {
    for (const Command& c : scrub.MoveTo(e, 1, 2.0 * ++buffer / 48 - 0.01, &commands))
      CHECK(r.Send(c));
    most_voices = std::max(most_voices, scrub.Sounding());
  });
  CHECK(most_voices == 2);
  CHECK(Peak(notes, 0, notes.size()) > 0.05f);
  // On over the gap (2.2..4.8) for 1 s: the notes are released and the output falls silent.
  buffer = 0;
  const std::vector<float> gap = Run(r, 192 * 256, 256, [&] {
    for (const Command& c : scrub.MoveTo(e, 1, 2.2 + 2.6 * ++buffer / 192, &commands))
      CHECK(r.Send(c));
    CHECK(scrub.Sounding() == 0);
  });
  CHECK(Peak(gap, gap.size() * 3 / 4, gap.size()) < 1e-3f);
  // Back onto a note, then release: sound, then silence again.
  for (const Command& c : scrub.MoveTo(e, 1, 5.5, &commands)) CHECK(r.Send(c));
  const std::vector<float> held = Run(r, 20 * 256, 256);
  CHECK(Peak(held, held.size() / 2, held.size()) > 0.05f);
  CHECK(std::fabs(Cents(EstimatePitchHz(held, 2048, 2048, kRate), MidiToHz(72))) < 20);
  for (const Command& c : scrub.Release(&commands)) CHECK(r.Send(c));
  CHECK(scrub.Sounding() == 0);
  const std::vector<float> released = Run(r, 192 * 256, 256);
  CHECK(Peak(released, released.size() * 3 / 4, released.size()) < 1e-3f);
  // A new program (another revision) starts every voice anew.
  scrub.MoveTo(e, 1, 0.5, &commands);
  REQUIRE(commands.size() == 1);
  const int first_id = commands[0].id;
  scrub.MoveTo(e, 2, 0.5, &commands);
  REQUIRE(commands.size() == 2);
  CHECK(commands[0].type == CommandType::kNoteOff);
  CHECK(commands[0].id == first_id);
  CHECK(commands[1].type == CommandType::kNoteOn);
  CHECK(commands[1].id != first_id);
  CHECK(AudioThreadAllocations() == before);
}

TEST_CASE("Stopped, the score is silent: a seek waits for Play, a pause fades, Play rejoins") {
  Events e = SineEvents(8);
  AddNote(e, 0, 6, 69);  // one long sustained note under every position below
  AudioRenderer r(Settings(), nullptr);
  r.Publish(Publishable(e));
  r.Send(Command::Seek(2));  // (a ruler click) once made the note sound, stopped, for good
  const std::vector<float> seeked = Run(r, 48000 / 2, 256);
  CHECK(Peak(seeked, 0, seeked.size()) < 1e-4f);
  r.Send(Command::Play());
  const std::vector<float> played = Run(r, 48000 / 4, 256);
  CHECK(Peak(played, played.size() / 2, played.size()) > 0.05f);  // joined where it is
  r.Send(Command::Stop());
  const std::vector<float> paused = Run(r, 48000 / 2, 256);
  CHECK(Peak(paused, paused.size() / 2, paused.size()) < 1e-3f);
  r.Send(Command::Play());
  const std::vector<float> resumed = Run(r, 48000 / 4, 256);
  CHECK(Peak(resumed, resumed.size() / 2, resumed.size()) > 0.05f);
  CHECK(std::fabs(Cents(EstimatePitchHz(resumed, 4096, 4096, kRate), MidiToHz(69))) < 20);
}

TEST_CASE("Recording writes exactly what was played, in the background") {
  const TempDir tmp("rt");
  const std::filesystem::path& dir = tmp.Path();
  const auto path = dir / "take.wav";
  Recorder recorder(kRate, 0);
  AudioRenderer r(Settings(), &recorder);
  r.Publish(Publishable(StaircaseEvents()));
  r.Send(Command::Seek(1));
  recorder.Begin({path, {}}, 0);
  r.Send(Command::StartRecording());
  r.Send(Command::Play());
  const std::vector<float> played = Run(r, 96000, 300);
  r.Send(Command::StopRecording());
  Run(r, 300, 300);
  CHECK_FALSE(r.Meters().recording.load());
  const RecordingSummary s = recorder.Finish(r.Meters().record_start_beat.load());
  CHECK(s.frames == 96000);
  CHECK(s.dropped_frames == 0);
  CHECK(s.start_beat == doctest::Approx(1.0).epsilon(0.01));

  const ReadBackSound take = ReadBack(path);
  CHECK(take.channels == 2);
  CHECK(take.sample_rate == 48000);
  REQUIRE(take.frames == 96000);
  const std::vector<float>& data = take.samples;
  float max_diff = 0;
  for (size_t i = 0; i < played.size(); ++i)
    max_diff = std::max(max_diff, std::fabs(data[2 * i] - played[i]));
  CHECK(max_diff < 1e-5f);  // 24-bit PCM
  CHECK(Peak(played, 0, played.size()) > 0.05f);
  // No temporary file is left next to it.
  int files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 1);
}

TEST_CASE("A recording that cannot be written names the file and leaves existing files alone") {
  const TempDir tmp("rt");
  const std::filesystem::path& dir = tmp.Path();
  Recorder recorder(kRate, 0);
  CHECK_THROWS_WITH_AS(recorder.Begin({dir / "take.mp4", {}}, 0), doctest::Contains("take.mp4"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(recorder.Begin({dir / "missing" / "take.wav", {}}, 0),
                       doctest::Contains("folder does not exist"), std::runtime_error);
  // An aborted take never replaces the file that was there.
  const auto path = dir / "keep.wav";
  { std::ofstream(path) << "precious"; }
  recorder.Begin({path, {}}, 0);
  float frames[512] = {0.5f};
  recorder.PushOutput(frames, 256);
  recorder.Abort();
  std::ifstream in(path);
  std::string text;
  in >> text;
  CHECK(text == "precious");
}
