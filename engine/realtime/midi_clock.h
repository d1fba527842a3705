// The MIDI clock (24 pulses per quarter note, Start/Continue/Stop, Song Position) for older
// gear: sent from the one transport, or followed from an external clock as a tempo input.
//
// Threads:
//   [control] the owner; every public function unless it says otherwise.
//   [clock]   MidiClockOut's own sender thread: reads the transport the audio thread
//             publishes (AudioMeters atomics) every millisecond and sends the pulses. The
//             audio callback itself never sends, allocates or locks for the clock.
//   [midi]    MidiClockIn's RtMidi callback thread: times the pulses and queues Start/Stop;
//             the control thread applies them to the player (it owns the player's queue).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "realtime/spsc_ring.h"

class RtMidiIn;
class RtMidiOut;

namespace graphony {

struct AudioMeters;

class MidiClockOut {
 public:
  MidiClockOut();
  ~MidiClockOut();  // closes
  MidiClockOut(const MidiClockOut&) = delete;
  MidiClockOut& operator=(const MidiClockOut&) = delete;

  // Connects to the first MIDI input port (a synth's, a drum machine's, a DAW's) whose name
  // contains `port` and starts sending the clock of the transport published in `meters`
  // (which must outlive this). Throws std::runtime_error "MIDI clock out: ..." naming it.
  void Open(const std::string& port, const AudioMeters* meters);
  void Close();  // sends Stop if the clock was running; safe to repeat
  const std::string& PortName() const { return port_name_; }
  uint64_t Pulses() const { return pulses_.load(std::memory_order_relaxed); }
  uint64_t Starts() const { return starts_.load(std::memory_order_relaxed); }

 private:
  void Run();  // [clock]
  void Send(const unsigned char* bytes, size_t size);

  std::unique_ptr<RtMidiOut> out_;
  const AudioMeters* meters_ = nullptr;
  std::string port_name_;
  std::thread thread_;
  std::atomic<bool> quit_{false};
  std::atomic<uint64_t> pulses_{0}, starts_{0};
};

// What an external clock asked for, in the order it came.
struct MidiClockEvent {
  enum class Kind : uint8_t { kStart, kContinue, kStop, kSongPosition } kind = Kind::kStart;
  double beat = 0;  // kSongPosition: the position in quarter notes
};

class MidiClockIn {
 public:
  MidiClockIn();
  ~MidiClockIn();
  MidiClockIn(const MidiClockIn&) = delete;
  MidiClockIn& operator=(const MidiClockIn&) = delete;

  // Listens to the first MIDI output port whose name contains `port`. Throws
  // std::runtime_error "MIDI clock in: ..." naming it when it is missing.
  void Open(const std::string& port);
  void Close();
  const std::string& PortName() const { return port_name_; }
  // The external clock's tempo from its last kWindow pulses; 0 until enough have come.
  double TempoBpm() const { return bpm_.load(std::memory_order_relaxed); }
  uint64_t Pulses() const { return pulses_.load(std::memory_order_relaxed); }
  // [control] Start/Continue/Stop/Song Position in order; false when none is waiting.
  bool PopEvent(MidiClockEvent* event) { return events_.Pop(*event); }

  // [midi] One raw message; `delta` is RtMidi's seconds since the previous one (public for
  // tests, which feed a steady clock without a port).
  void HandleMessage(const unsigned char* bytes, size_t size, double delta);

  static constexpr int kWindow = 48;  // pulses the tempo is measured over (two beats)

 private:
  std::unique_ptr<RtMidiIn> in_;
  std::string port_name_;
  // [midi] state: the times of the last kWindow pulses (fixed, no allocation).
  double clock_ = 0;
  double times_[kWindow] = {};
  int count_ = 0, next_ = 0;
  std::atomic<double> bpm_{0};
  std::atomic<uint64_t> pulses_{0};
  SpscRing<MidiClockEvent> events_{64};
};

}  // namespace graphony
