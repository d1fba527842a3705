// MIDI clock out (from the published transport, on its own thread) and in (tempo and
// Start/Stop from an external clock).
#include "realtime/midi_clock.h"

#include <RtMidi.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "realtime/audio_renderer.h"
#include "realtime/midi_api.h"

namespace graphony {

namespace {

constexpr int kPpqn = 24;
constexpr unsigned char kClock = 0xF8, kStart = 0xFA, kContinue = 0xFB, kStop = 0xFC,
                        kSongPosition = 0xF2;
// The transport is published once per audio buffer; between two the beat is extrapolated at
// the tempo, but never further than this past the last buffer (a stalled stream stops the
// pulses instead of running ahead).
constexpr double kMaxExtrapolateSeconds = 0.05;
// A jump of more than this many pulses (a seek, a loop) is a new position, not a catch-up.
constexpr double kJumpPulses = 3;
// Pulses further apart than this are a paused clock: the tempo is measured afresh.
constexpr double kPauseSeconds = 0.5;

void Quiet(RtMidiError::Type, const std::string&, void*) {}

template <typename Port>
unsigned FindPort(Port& port, const std::string& wanted, const char* what, std::string* name) {
  std::string known;
  const unsigned count = port.getPortCount();
  for (unsigned i = 0; i < count; ++i) {
    const std::string n = port.getPortName(i);
    if (!wanted.empty() && n.find(wanted) != std::string::npos) {
      *name = n;
      return i;
    }
    known += (known.empty() ? "" : ", ") + n;
  }
  throw std::runtime_error(std::string(what) + ": no port \"" + wanted +
                           "\" (ports: " + (known.empty() ? "none" : known) + ")");
}

}  // namespace

// [SECTION] Clock out

MidiClockOut::MidiClockOut() = default;
MidiClockOut::~MidiClockOut() { Close(); }

void MidiClockOut::Open(const std::string& port, const AudioMeters* meters) {
  Close();
  try {
    out_ = std::make_unique<RtMidiOut>(RequireMidiApi("MIDI clock out"), "Graphony clock");
    out_->setErrorCallback(&Quiet, this);
    const unsigned index = FindPort(*out_, port, "MIDI clock out", &port_name_);
    out_->openPort(index, "clock_out");
  } catch (const RtMidiError& e) {
    out_.reset();
    throw std::runtime_error("MIDI clock out: " + e.getMessage());
  } catch (...) {
    out_.reset();
    throw;
  }
  meters_ = meters;
  quit_.store(false);
  thread_ = std::thread([this] { Run(); });
}

void MidiClockOut::Close() {
  if (thread_.joinable()) {
    quit_.store(true);
    thread_.join();  // Run sends Stop on its way out
  }
  if (out_) out_->closePort();
  out_.reset();
}

void MidiClockOut::Send(const unsigned char* bytes, size_t size) {
  try {
    out_->sendMessage(bytes, size);
  } catch (const RtMidiError&) {
    // The port went away: nothing to send to (the summary shows the pulses that went out).
  }
}

void MidiClockOut::Run() {
  using Clock = std::chrono::steady_clock;
  bool running = false;
  int64_t pulse = 0;  // the last pulse sent (the transport's beat * 24)
  double seen_beat = -1, anchor_beat = 0;
  Clock::time_point anchor_at = Clock::now(), next = anchor_at;
  auto position = [&](double beat) {  // Song Position Pointer: sixteenth notes, 14 bits
    const int sixteenths = std::clamp(static_cast<int>(std::floor(beat * 4)), 0, 16383);
    const unsigned char spp[3] = {kSongPosition, static_cast<unsigned char>(sixteenths & 0x7F),
                                  static_cast<unsigned char>(sixteenths >> 7)};
    Send(spp, 3);
    pulse = static_cast<int64_t>(sixteenths) * 6 - 1;  // the next pulse is that sixteenth's
    return sixteenths;
  };
  while (!quit_.load(std::memory_order_relaxed)) {
    next += std::chrono::milliseconds(1);
    std::this_thread::sleep_until(next);
    const Clock::time_point now = Clock::now();
    if (now - next > std::chrono::milliseconds(20)) next = now;  // woke very late: no burst
    const bool playing = meters_->playing.load(std::memory_order_relaxed);
    const double beat = meters_->playhead_beat.load(std::memory_order_relaxed);
    const double bpm = meters_->tempo_bpm.load(std::memory_order_relaxed) *
                       meters_->tempo_scale.load(std::memory_order_relaxed);
    if (beat != seen_beat) {  // a new buffer was rendered: re-anchor on it
      seen_beat = beat;
      anchor_beat = beat;
      anchor_at = now;
    }
    if (!playing || !(bpm > 0)) {
      if (running) {
        Send(&kStop, 1);
        running = false;
      }
      continue;
    }
    const double ahead =
        std::min(std::chrono::duration<double>(now - anchor_at).count(), kMaxExtrapolateSeconds);
    const double estimate = anchor_beat + ahead * bpm / 60.0;
    const double at_pulse = estimate * kPpqn;
    if (!running) {
      const int sixteenths = position(estimate);
      Send(sixteenths == 0 ? &kStart : &kContinue, 1);
      starts_.fetch_add(1, std::memory_order_relaxed);
      running = true;
    } else if (at_pulse < pulse - kJumpPulses || at_pulse > pulse + 1 + kJumpPulses) {
      // Seek or loop: receivers move with Stop, the new position, Continue.
      Send(&kStop, 1);
      position(estimate);
      Send(&kContinue, 1);
    }
    while (static_cast<double>(pulse + 1) <= at_pulse) {
      Send(&kClock, 1);
      ++pulse;
      pulses_.fetch_add(1, std::memory_order_relaxed);
    }
  }
  if (running) Send(&kStop, 1);
}

// [SECTION] Clock in

MidiClockIn::MidiClockIn() = default;
MidiClockIn::~MidiClockIn() { Close(); }

void MidiClockIn::Open(const std::string& port) {
  Close();
  try {
    in_ = std::make_unique<RtMidiIn>(RequireMidiApi("MIDI clock in"), "Graphony clock", 1024);
    in_->setErrorCallback(&Quiet, this);
    const unsigned index = FindPort(*in_, port, "MIDI clock in", &port_name_);
    in_->ignoreTypes(true, false, true);  // the clock (timing) is what we want
    in_->setCallback(
        [](double delta, std::vector<unsigned char>* m, void* self) {
          if (m) static_cast<MidiClockIn*>(self)->HandleMessage(m->data(), m->size(), delta);
        },
        this);
    in_->openPort(index, "clock_in");
  } catch (const RtMidiError& e) {
    in_.reset();
    throw std::runtime_error("MIDI clock in: " + e.getMessage());
  } catch (...) {
    in_.reset();
    throw;
  }
}

void MidiClockIn::Close() {
  if (!in_) return;
  in_->closePort();
  in_.reset();
}

void MidiClockIn::HandleMessage(const unsigned char* bytes, size_t size, double delta) {
  if (delta > 0) clock_ += delta;
  if (!bytes || size == 0) return;
  switch (bytes[0]) {
    case kClock: {
      const double last = times_[(next_ + kWindow - 1) % kWindow];
      if (count_ > 0 && clock_ - last > kPauseSeconds) count_ = 0;  // paused: start again
      times_[next_] = clock_;
      next_ = (next_ + 1) % kWindow;
      count_ = std::min(count_ + 1, kWindow);
      pulses_.fetch_add(1, std::memory_order_relaxed);
      // A quarter beat of pulses is enough for a first figure; it steadies as they come.
      if (count_ >= kPpqn / 4) {
        const double oldest = times_[(next_ + kWindow - count_) % kWindow];
        const double span = clock_ - oldest;
        if (span > 0) bpm_.store(60.0 * (count_ - 1) / (kPpqn * span), std::memory_order_relaxed);
      }
      break;
    }
    case kStart:
      events_.Push({MidiClockEvent::Kind::kStart, 0});
      break;
    case kContinue:
      events_.Push({MidiClockEvent::Kind::kContinue, 0});
      break;
    case kStop:
      events_.Push({MidiClockEvent::Kind::kStop, 0});
      break;
    case kSongPosition:
      if (size >= 3 && bytes[1] < 0x80 && bytes[2] < 0x80)
        events_.Push({MidiClockEvent::Kind::kSongPosition, (bytes[2] << 7 | bytes[1]) / 4.0});
      break;
    default:
      break;  // notes and the rest belong to a keyboard, not the clock
  }
}

}  // namespace graphony
