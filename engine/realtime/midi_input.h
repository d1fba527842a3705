// MidiInput: a MIDI keyboard or controller (RtMidi, JACK or ALSA) played live through a
// LivePlayer, on the same live-audition path as painting.
//
// Threads:
//   [control] the owner; every public function unless it says otherwise.
//   [midi]    RtMidi's callback thread: parses each message and pushes fixed-size Commands
//             into the player's MIDI ring (LivePlayer::SendFromMidi). It never allocates
//             on the note path: held notes and the pedal live in fixed arrays.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "realtime/spsc_ring.h"

class RtMidiIn;

namespace graphony {

class LivePlayer;
struct Command;

// Where parsed notes go: LivePlayer::SendFromMidi, or a test's renderer/recorder. Returns
// false when the queue is full. Called on the [midi] thread; must not allocate or block.
using MidiSink = bool (*)(void* context, const Command& command);

// One note heard, for writing taps into the score afterwards (seconds since Attach/Open, on
// the steady clock).
struct MidiNoteTaken {
  double start_seconds = 0, end_seconds = -1;  // end < 0: still held at Close
  int note = 60;
  float velocity = 1;
};

class MidiInput {
 public:
  MidiInput();
  ~MidiInput();  // closes
  MidiInput(const MidiInput&) = delete;
  MidiInput& operator=(const MidiInput&) = delete;

  // Port names of the back end Open would use (JACK when a JACK server runs, else ALSA).
  static std::vector<std::string> ListPorts();
  // Opens the first port whose name contains `port` and sends its notes to `player` with
  // `instrument` (a palette index). Throws std::runtime_error "MIDI input: ..." naming the
  // port when it is missing. `player` must stay open while this is open.
  void Open(const std::string& port, LivePlayer* player, int instrument);
  void Close();  // releases held notes; safe to repeat
  // Sends to `sink` without opening a port (tests feed HandleMessage themselves).
  void Attach(MidiSink sink, void* context, int instrument);
  // The palette index new notes play with (the editor's colour in use); any thread.
  void SetInstrument(int instrument) { instrument_.store(instrument, std::memory_order_relaxed); }
  bool IsOpen() const { return in_ != nullptr; }
  const std::string& PortName() const { return port_name_; }
  // When the clock of MidiNoteTaken's seconds started.
  std::chrono::steady_clock::time_point AttachedAt() const { return attached_at_; }
  // True once the opened port is gone (unplugged, its client quit); checked by polling the
  // back end's port list, so call it now and then (it allocates: [control] only).
  bool PortVanished();
  // Counts for the summary line ([control], any time).
  uint64_t NotesPlayed() const { return notes_.load(std::memory_order_relaxed); }
  uint64_t Ignored() const { return ignored_.load(std::memory_order_relaxed); }
  uint64_t Dropped() const { return dropped_.load(std::memory_order_relaxed); }
  // Moves the notes the MIDI thread logged into the list Taken() returns. Call it now and
  // then while a port is open (the log holds kLogSize events), and before Taken().
  void Collect();
  // The notes played since Attach/Open or ClearTaken, in order of their start (collected).
  const std::vector<MidiNoteTaken>& Taken() {
    Collect();
    return taken_;
  }
  // Forgets the notes taken so far (the editor starts a new take); notes still held stay
  // open and get their end when released.
  void ClearTaken();

  // The key (0..127) of a live voice id this class started, or -1 for another voice.
  static int NoteOfId(int id) { return id >= kIdBase && id < kIdBase + 128 ? id - kIdBase : -1; }

  // [midi] Handles one raw message (public for tests: malformed input is fed here).
  // `delta` is RtMidi's seconds since the previous message; tests pass a negative value
  // to be stamped by that sum instead of the steady clock.
  void HandleMessage(const unsigned char* bytes, size_t size, double delta);

 private:
  // What the MIDI thread tells the control thread about each note (for taps).
  struct LogEvent {
    double seconds = 0;
    int note = 0;
    float velocity = 0;  // > 0: start, 0: end
  };
  void Send(int kind, int note, float velocity);
  void ReleaseNote(int note);

  static constexpr int kIdBase = 0x4D490000;  // "MI": ids no editor stroke number reaches
  static constexpr size_t kLogSize = 8192;    // note starts and ends between two Collects
  std::unique_ptr<RtMidiIn> in_;
  MidiSink sink_ = nullptr;
  void* sink_context_ = nullptr;
  std::atomic<int> instrument_{0};
  std::string port_name_;
  // [midi] state.
  bool held_[128] = {};      // key down
  bool sounding_[128] = {};  // heard (key down, or kept by the pedal)
  bool pedal_ = false;
  double bend_semitones_ = 0;  // +-2 semitones, the General MIDI default range
  float loudness_[128] = {};
  double clock_ = 0;  // seconds since attached_at_ (the steady clock: no allocation)
  std::chrono::steady_clock::time_point attached_at_;
  SpscRing<LogEvent> log_{kLogSize};  // [midi] -> [control]
  // [control] state.
  std::vector<MidiNoteTaken> taken_;
  int open_taken_[128];  // index into taken_ of a note not yet ended, -1 = none
  std::atomic<uint64_t> notes_{0}, ignored_{0}, dropped_{0};
};

}  // namespace graphony
