// The engine's transport, rendered through AudioRenderer without a device: the count-in is
// a short click on the beat (sample-accurate against the score's first beat), the published
// state follows it, a take armed for the count-in starts with the score, and a sound clip
// (a take played back) plays through the same renderer.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

#include "realtime/audio_renderer.h"
#include "realtime/recorder.h"
#include "realtime/sound_clip.h"
#include "rt_test_util.h"
#include "support/temp_dir.h"
#include "synth/sound_file.h"

using namespace graphony;
using namespace graphony::test;

namespace {

constexpr double kRate = 48000;
constexpr double kTempo = 72;  // 0.833 s beats, the default palette's tempo in the bug report
constexpr double kBeatFrames = 60.0 / kTempo * kRate;

EngineSettings DrySettings() {
  EngineSettings s;
  s.sample_rate = kRate;
  s.reverb_mix = 0;
  return s;
}

// A score whose first note (a sine, C5) starts at beat 0: where it is heard is beat 0.
std::unique_ptr<PublishedProgram> FirstBeatProgram() {
  Events e = SineEvents(4);
  e.tempo_bpm = kTempo;
  AddNote(e, 0, 1, 72, 0.8f);
  auto p = std::make_unique<PublishedProgram>();
  p->program = PrepareProgram(e, DrySettings());
  p->tempo_bpm = kTempo;
  p->length_beats = 4;
  return p;
}

struct Rendered {
  std::vector<float> left;
  std::vector<int> count_in_left;  // published after each buffer
  std::vector<bool> playing;
};

void Render(AudioRenderer& r, int frames, int buffer, Rendered& out) {
  std::vector<float> io(static_cast<size_t>(buffer) * 2);
  for (int done = 0; done < frames; done += buffer) {
    const int n = std::min(buffer, frames - done);
    r.Process(nullptr, io.data(), 2, n, false);
    for (int i = 0; i < n; ++i) out.left.push_back(io[2 * static_cast<size_t>(i)]);
    out.count_in_left.push_back(r.Meters().count_in_left.load());
    out.playing.push_back(r.Meters().playing.load());
  }
}

// Sample indices where sound starts (first rises above `floor`) after at least `quiet`
// frames below it, counting only sounds that pass `threshold` within 5 ms of starting.
std::vector<size_t> Onsets(const std::vector<float>& x, float threshold, float floor,
                           size_t quiet) {
  std::vector<size_t> found;
  size_t silent = quiet;
  const size_t confirm = static_cast<size_t>(0.005 * kRate);
  for (size_t i = 0; i < x.size(); ++i) {
    const float a = std::fabs(x[i]);
    if (a >= floor && silent >= quiet) {
      for (size_t j = i; j < i + confirm && j < x.size(); ++j)
        if (std::fabs(x[j]) > threshold) {
          found.push_back(i);
          break;
        }
    }
    silent = a < floor ? silent + 1 : 0;
  }
  return found;
}

float MaxAbs(const std::vector<float>& x, size_t from, size_t to) {
  float p = 0;
  for (size_t i = from; i < to && i < x.size(); ++i) p = std::max(p, std::fabs(x[i]));
  return p;
}

}  // namespace

TEST_CASE("The count-in is four short clicks on the beat, then the score starts on the next beat") {
  for (const int buffer : {256, 97}) {
    CAPTURE(buffer);
    AudioRenderer r(DrySettings(), nullptr);
    r.Publish(FirstBeatProgram());
    Rendered out;
    Render(r, 1000 + buffer / 3, buffer, out);  // some frames first: the engine is mid-block
    const size_t play_at = out.left.size();
    REQUIRE(r.Send(Command::Play(4)));
    Render(r, static_cast<int>(5.5 * kBeatFrames), buffer, out);

    // Where sound starts after silence: the clicks, then the score's first note (a sine).
    const auto clicks = Onsets(out.left, 0.05f, 1e-4f, static_cast<size_t>(0.3 * kRate));
    REQUIRE(clicks.size() >= 5);
    const size_t score_start = clicks[4];
    // The count-in starts at once (within a block and the limiter's look-ahead).
    CHECK(clicks[0] >= play_at);
    CHECK(clicks[0] - play_at < static_cast<size_t>(0.01 * kRate));
    // Each click within 1 ms of its beat, counted back from where the score's beat 0 is heard.
    for (int k = 0; k < 4; ++k) {
      const double expected = static_cast<double>(score_start) - (4 - k) * kBeatFrames;
      CAPTURE(k);
      CHECK(std::fabs(static_cast<double>(clicks[static_cast<size_t>(k)]) - expected) <=
            0.001 * kRate);
    }
    // A click, not a swell: at a clear level, the downbeat accented, gone within 40 ms.
    const size_t len = static_cast<size_t>(0.04 * kRate);
    const float accent = MaxAbs(out.left, clicks[0], clicks[0] + len);
    const float beat = MaxAbs(out.left, clicks[1], clicks[1] + len);
    CHECK(accent > 0.3f);
    CHECK(beat > 0.2f);
    CHECK(20 * std::log10(accent / beat) > 2.0);
    for (int k = 0; k < 4; ++k) {
      const size_t c = clicks[static_cast<size_t>(k)];
      CHECK(MaxAbs(out.left, c + len, c + static_cast<size_t>(0.5 * kRate)) < 1e-3f);
    }
    // The published transport: counting 4..1 while not playing, then playing.
    const auto& left = out.count_in_left;
    const size_t first = static_cast<size_t>(play_at / buffer) + 1;
    CHECK(left[first] == 4);
    CHECK_FALSE(out.playing[first]);
    int lowest = 4;
    for (size_t i = first; i < left.size() && left[i] > 0; ++i) lowest = std::min(lowest, left[i]);
    CHECK(lowest == 1);
    CHECK(out.playing.back());
    CHECK(left.back() == 0);
  }
}

TEST_CASE("Pausing during the count-in silences the clicks still to come") {
  AudioRenderer r(DrySettings(), nullptr);
  r.Publish(FirstBeatProgram());
  Rendered out;
  Render(r, 512, 256, out);
  r.Send(Command::Play(4));
  Render(r, static_cast<int>(1.5 * kBeatFrames), 256, out);
  r.Send(Command::Stop());
  const size_t stopped = out.left.size();
  Render(r, static_cast<int>(4 * kBeatFrames), 256, out);
  CHECK(MaxAbs(out.left, stopped + static_cast<size_t>(0.05 * kRate), out.left.size()) < 1e-4f);
  CHECK_FALSE(r.Meters().playing.load());
  CHECK_FALSE(r.Meters().counting_in.load());
}

TEST_CASE("Loop and tempo are published by the transport") {
  AudioRenderer r(DrySettings(), nullptr);
  r.Publish(FirstBeatProgram());
  r.Send(Command::SetLoop(1, 3));
  r.Send(Command::TempoScale(0.5));
  Rendered out;
  Render(r, 256, 256, out);
  CHECK(r.Meters().looping.load());
  CHECK(r.Meters().loop_start.load() == doctest::Approx(1));
  CHECK(r.Meters().loop_end.load() == doctest::Approx(3));
  CHECK(r.Meters().tempo_bpm.load() == doctest::Approx(kTempo));
  CHECK(r.Meters().tempo_scale.load() == doctest::Approx(0.5));
  r.Send(Command::ClearLoop());
  Render(r, 256, 256, out);
  CHECK_FALSE(r.Meters().looping.load());
}

TEST_CASE("A take played back goes through the renderer, resampled to its rate") {
  // A 0.5 s, 440 Hz tone at 44.1 kHz, written and read back by the one sound-file pair.
  const TempDir tmp("clip");
  const std::filesystem::path& dir = tmp.Path();
  const auto path = dir / "take.wav";
  std::vector<float> tone(2 * 22050);
  for (size_t i = 0; i < 22050; ++i)
    tone[2 * i] = tone[2 * i + 1] =
        0.5f * static_cast<float>(std::sin(2 * M_PI * 440.0 * i / 44100.0));
  SoundFileWriter w;
  w.Open(path, 2, 44100, FileOptions{});
  REQUIRE(w.Write(tone.data(), 22050));
  w.Finish();
  std::ifstream in(path, std::ios::binary);
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());

  auto clip = PrepareSoundClip(bytes, kRate, "take.wav");
  CHECK(std::abs(clip->Frames() - 24000) <= 2);
  AudioRenderer r(DrySettings(), nullptr);
  r.PublishClip(std::move(clip));
  Rendered out;
  Render(r, 12000, 256, out);
  CHECK(r.Meters().clip_playing.load());
  Render(r, 24000, 256, out);
  CHECK_FALSE(r.Meters().clip_playing.load());
  CHECK(ZeroCrossingHz(out.left, 1000, 20000, kRate) == doctest::Approx(440).epsilon(0.005));
  CHECK(MaxAbs(out.left, 0, 20000) == doctest::Approx(0.5).epsilon(0.02));
  CHECK(MaxAbs(out.left, 24100, out.left.size()) < 1e-6f);

  CHECK_THROWS_WITH_AS(PrepareSoundClip(std::vector<uint8_t>(100, 7), kRate, "bad.wav"),
                       doctest::Contains("bad.wav: "), std::runtime_error);
}

TEST_CASE("A take armed during the count-in starts on the score's first frame, without clicks") {
  const TempDir tmp("armed");
  const std::filesystem::path& dir = tmp.Path();
  Recorder recorder(kRate, 0);
  AudioRenderer r(DrySettings(), &recorder);
  r.Publish(FirstBeatProgram());
  Rendered out;
  Render(r, 300, 256, out);
  RecordingOptions options;
  options.output_path = dir / "take.wav";
  options.when_playing_starts = true;
  recorder.Begin(options, 0);
  r.Send(Command::StartRecording(true));
  r.Send(Command::Play(2));
  Render(r, static_cast<int>(3 * kBeatFrames), 256, out);
  r.Send(Command::StopRecording());
  Render(r, 512, 256, out);
  const RecordingSummary s = recorder.Finish(r.Meters().record_start_beat.load());
  CHECK(s.start_beat == doctest::Approx(0).epsilon(1e-9));
  // The take holds the last beat only: the two count-in beats are not in it.
  CHECK(std::fabs(static_cast<double>(s.frames) - (3 * kBeatFrames + 512 - 2 * kBeatFrames)) < 600);
  const DecodedSound take = ReadSoundFile(options.output_path, 60);
  std::vector<float> left;
  for (int64_t i = 0; i < take.Frames(); ++i)
    left.push_back(take.samples[static_cast<size_t>(2 * i)]);
  // It starts with the score's note (after the limiter's look-ahead), not with a click.
  const auto onsets = Onsets(left, 0.05f, 1e-4f, 100);
  REQUIRE(!onsets.empty());
  CHECK(onsets[0] < 0.01 * kRate);
  CHECK(ZeroCrossingHz(left, 2000, 20000, kRate) == doctest::Approx(MidiToHz(72)).epsilon(0.01));
}

TEST_CASE("A MIDI note is reported with the beat the transport heard it at") {
  AudioRenderer r(DrySettings(), nullptr);
  r.Publish(FirstBeatProgram());
  Rendered out;
  HeardMidiNote n;
  const int key_id = 0x4D490000 + 64;  // MidiInput's id for key 64
  r.SendFromMidi(Command::NoteOn(key_id, 0, 64, 0.5f, 0.5f));
  Render(r, 256, 256, out);
  REQUIRE(r.PopHeardMidiNote(&n));  // stopped: reported, but not as played in the score
  CHECK_FALSE(n.playing);
  CHECK(n.id == key_id);
  r.Send(Command::Play());
  Render(r, static_cast<int>(kBeatFrames), 256, out);  // one beat in
  const double beat = r.Meters().playhead_beat.load();
  r.SendFromMidi(Command::NoteOn(key_id, 0, 64, 0.75f, 0.75f));
  r.SendFromMidi(Command::NoteOff(key_id));
  Render(r, 256, 256, out);
  REQUIRE(r.PopHeardMidiNote(&n));
  CHECK(n.playing);
  CHECK(n.velocity == doctest::Approx(0.75f));
  CHECK(n.beat == doctest::Approx(beat));  // the start of the buffer it sounded in
  CHECK(n.beat == doctest::Approx(1.0).epsilon(0.01));
  CHECK_FALSE(r.PopHeardMidiNote(&n));  // note offs are not reported
}
