// MidiInput's parser without a port: note on/off, velocity, sustain pedal, pitch bend,
// malformed messages, and that the MIDI path and the audio thread allocate nothing.
#include "realtime/midi_input.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "realtime/audio_renderer.h"
#include "realtime/audio_thread.h"
#include "realtime/transport_command.h"
#include "rt_test_util.h"

using namespace graphony;
using namespace graphony::test;

namespace {

// Collects what MidiInput sends (reserved up front: the sink runs under AudioThreadScope).
struct Collected {
  std::vector<Command> commands;
  Collected() { commands.reserve(256); }
  static bool Sink(void* self, const Command& c) {
    auto* me = static_cast<Collected*>(self);
    if (me->commands.size() == me->commands.capacity()) return false;
    me->commands.push_back(c);
    return true;
  }
};

// A negative delta: the message comes 0.1 s after the previous one, on the test's own clock.
void Feed(MidiInput& m, std::initializer_list<unsigned char> bytes, double delta = -0.1) {
  const std::vector<unsigned char> v(bytes);
  m.HandleMessage(v.data(), v.size(), delta);
}

}  // namespace

TEST_CASE("MIDI in: a note sounds at its velocity in the colour's instrument and ends") {
  Collected got;
  MidiInput m;
  m.Attach(&Collected::Sink, &got, 2);
  Feed(m, {0x90, 64, 127});
  Feed(m, {0x80, 64, 0});
  Feed(m, {0x91, 67, 32});  // another channel is the same keyboard
  Feed(m, {0x91, 67, 0});   // note on at velocity 0 is a note off
  REQUIRE(got.commands.size() == 4);
  CHECK(got.commands[0].type == CommandType::kNoteOn);
  CHECK(got.commands[0].instrument == 2);
  CHECK(got.commands[0].value == 64);
  CHECK(got.commands[0].level == doctest::Approx(1.0));
  CHECK(got.commands[1].type == CommandType::kNoteOff);
  CHECK(got.commands[1].id == got.commands[0].id);
  CHECK(got.commands[2].level == doctest::Approx(32 / 127.0));
  CHECK(got.commands[3].type == CommandType::kNoteOff);
  CHECK(m.NotesPlayed() == 2);
  const std::vector<MidiNoteTaken> taken = m.Taken();
  REQUIRE(taken.size() == 2);
  CHECK(taken[0].note == 64);
  CHECK(taken[0].start_seconds == doctest::Approx(0.1));
  CHECK(taken[0].end_seconds == doctest::Approx(0.2));
  CHECK(taken[1].note == 67);
}

TEST_CASE("MIDI in: the sustain pedal holds released keys until it is lifted") {
  Collected got;
  MidiInput m;
  m.Attach(&Collected::Sink, &got, 0);
  Feed(m, {0xB0, 64, 127});  // pedal down
  Feed(m, {0x90, 60, 100});
  Feed(m, {0x80, 60, 0});
  Feed(m, {0x90, 62, 100});
  REQUIRE(got.commands.size() == 2);  // two note ons, no note off yet
  CHECK(got.commands[1].type == CommandType::kNoteOn);
  Feed(m, {0xB0, 64, 0});  // pedal up: 60 ends, 62 (still held) keeps sounding
  REQUIRE(got.commands.size() == 3);
  CHECK(got.commands[2].type == CommandType::kNoteOff);
  CHECK(got.commands[2].id == got.commands[0].id);
}

TEST_CASE("MIDI in: pitch bend moves sounding notes by up to two semitones") {
  Collected got;
  MidiInput m;
  m.Attach(&Collected::Sink, &got, 0);
  Feed(m, {0x90, 60, 100});
  Feed(m, {0xE0, 0x7F, 0x7F});  // full up
  REQUIRE(got.commands.size() == 2);
  CHECK(got.commands[1].type == CommandType::kGesture);
  CHECK(got.commands[1].value == doctest::Approx(62).epsilon(0.001));
  Feed(m, {0xE0, 0x00, 0x40});  // centre
  CHECK(got.commands[2].value == doctest::Approx(60));
  Feed(m, {0xE0, 0x00, 0x00});  // full down; a new note starts bent too
  Feed(m, {0x90, 72, 100});
  CHECK(got.commands[3].value == doctest::Approx(58));
  CHECK(got.commands[4].value == doctest::Approx(70));
}

TEST_CASE("MIDI in: short, malformed and non-note messages are ignored") {
  Collected got;
  MidiInput m;
  m.Attach(&Collected::Sink, &got, 0);
  Feed(m, {});
  Feed(m, {0x90});
  Feed(m, {0x90, 60});         // one data byte short
  Feed(m, {0x90, 0x80, 100});  // a status byte where a data byte should be
  Feed(m, {0x90, 60, 0xFF});
  Feed(m, {0x40, 60, 100});  // running status without a status byte
  Feed(m, {0xF8});           // clock
  Feed(m, {0xF0, 1, 2, 0xF7});
  m.HandleMessage(nullptr, 3, 0);
  CHECK(got.commands.empty());
  CHECK(m.Ignored() == 9);
  CHECK(m.NotesPlayed() == 0);
  Feed(m, {0xC0, 5});       // program change: valid, not a note
  Feed(m, {0xB0, 7, 100});  // another controller
  Feed(m, {0x80, 61, 0});   // off for a note never on
  CHECK(got.commands.empty());
}

TEST_CASE("MIDI-driven notes allocate nothing on the MIDI path or the audio thread, and sound") {
  REQUIRE(AllocTrapLinked());
  SetAllocTrapMode(AllocTrapMode::kCount);
  EngineSettings settings;
  settings.sample_rate = 48000;
  AudioRenderer r(settings, nullptr);
  MidiInput m;
  m.Attach(
      [](void* p, const Command& c) { return static_cast<AudioRenderer*>(p)->SendFromMidi(c); }, &r,
      0);
  const unsigned char messages[][3] = {{0xB0, 64, 127}, {0x90, 60, 100}, {0xE0, 0, 0x50},
                                       {0x90, 64, 80},  {0x80, 60, 0},   {0xB0, 64, 0},
                                       {0x80, 64, 0},   {0x90, 0x80, 1}};
  const uint64_t before = AudioThreadAllocations();
  std::vector<float> out(512);
  float peak_with_note = 0;
  for (int buffer = 0; buffer < 200; ++buffer) {
    if (buffer % 10 == 0) {
      // The MIDI thread's work, counted as if it were the audio thread.
      AudioThreadScope scope;
      const auto& msg = messages[(buffer / 10) % 8];
      m.HandleMessage(msg, 3, 0.005);
    }
    r.Process(nullptr, out.data(), 2, 256, false);
    if (buffer % 80 >= 12 && buffer % 80 < 40)  // 60 then 64 are sounding
      for (float x : out) peak_with_note = std::max(peak_with_note, std::abs(x));
  }
  CHECK(AudioThreadAllocations() == before);
  CHECK(m.NotesPlayed() > 0);
  CHECK(m.Dropped() == 0);
  CHECK(peak_with_note > 0.05f);
}
