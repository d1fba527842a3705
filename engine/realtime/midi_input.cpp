// MidiInput: RtMidi messages -> live-audition Commands on the player's MIDI ring.
#include "realtime/midi_input.h"

#include <RtMidi.h>
#include <jack/jack.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "realtime/live_player.h"
#include "realtime/midi_api.h"
#include "realtime/transport_command.h"

namespace graphony {

RtMidi::Api ChooseMidiApi() {
  jack_status_t status;
  jack_client_t* probe = jack_client_open("graphony-midi-probe", JackNoStartServer, &status);
  if (probe) {
    jack_client_close(probe);
    return RtMidi::UNIX_JACK;
  }
  return access("/dev/snd/seq", R_OK | W_OK) == 0 ? RtMidi::LINUX_ALSA : RtMidi::UNSPECIFIED;
}

RtMidi::Api RequireMidiApi(const char* what) {
  const RtMidi::Api api = ChooseMidiApi();
  if (api == RtMidi::UNSPECIFIED)
    throw std::runtime_error(std::string(what) +
                             ": no MIDI system (no JACK server and no ALSA sequencer)");
  return api;
}

namespace {

enum Kind { kOn, kOff, kBend };

std::vector<std::string> PortNames(RtMidiIn& in) {
  std::vector<std::string> names;
  const unsigned count = in.getPortCount();
  for (unsigned i = 0; i < count; ++i) names.push_back(in.getPortName(i));
  return names;
}

void OnMessage(double delta, std::vector<unsigned char>* message, void* self) {
  if (message)
    static_cast<MidiInput*>(self)->HandleMessage(message->data(), message->size(), delta);
}

// RtMidi reports some problems (a vanished JACK port) through this instead of throwing;
// they are seen through PortVanished, so nothing is printed from the MIDI thread.
void OnError(RtMidiError::Type, const std::string&, void*) {}

}  // namespace

MidiInput::MidiInput() { std::fill(std::begin(open_taken_), std::end(open_taken_), -1); }
MidiInput::~MidiInput() { Close(); }

std::vector<std::string> MidiInput::ListPorts() {
  const RtMidi::Api api = ChooseMidiApi();
  if (api == RtMidi::UNSPECIFIED) return {};  // no MIDI system: no ports
  try {
    RtMidiIn in(api, "graphony-list");
    return PortNames(in);
  } catch (const RtMidiError& e) {
    throw std::runtime_error("MIDI input: " + e.getMessage());
  }
}

void MidiInput::Open(const std::string& port, LivePlayer* player, int instrument) {
  Close();
  try {
    in_ = std::make_unique<RtMidiIn>(RequireMidiApi("MIDI input"), "Graphony", 1024);
    in_->setErrorCallback(&OnError, this);
    const std::vector<std::string> names = PortNames(*in_);
    auto it = std::find_if(names.begin(), names.end(),
                           [&](const std::string& n) { return n.find(port) != std::string::npos; });
    if (port.empty() || it == names.end()) {
      in_.reset();
      std::string known;
      for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
      throw std::runtime_error("MIDI input: no port \"" + port +
                               "\" (ports: " + (known.empty() ? "none" : known) + ")");
    }
    port_name_ = *it;
    Attach([](void* p, const Command& c) { return static_cast<LivePlayer*>(p)->SendFromMidi(c); },
           player, instrument);
    in_->ignoreTypes(true, true, true);  // sysex, clock, active sensing: not notes
    in_->setCallback(&OnMessage, this);
    in_->openPort(static_cast<unsigned>(it - names.begin()), "midi_in");
  } catch (const RtMidiError& e) {
    in_.reset();
    throw std::runtime_error("MIDI input: " + e.getMessage());
  }
}

void MidiInput::Attach(MidiSink sink, void* context, int instrument) {
  sink_ = sink;
  sink_context_ = context;
  instrument_.store(instrument, std::memory_order_relaxed);
  LogEvent stale;
  while (log_.Pop(stale)) {
  }
  taken_.clear();
  std::fill(std::begin(open_taken_), std::end(open_taken_), -1);
  clock_ = 0;
  attached_at_ = std::chrono::steady_clock::now();
}

void MidiInput::Close() {
  if (!in_) return;
  in_->closePort();  // the callback thread has stopped once this returns
  in_.reset();
  for (int n = 0; n < 128; ++n) {
    held_[n] = false;
    if (sounding_[n]) ReleaseNote(n);
  }
  pedal_ = false;
}

bool MidiInput::PortVanished() {
  if (!in_) return false;
  try {
    const RtMidi::Api api = ChooseMidiApi();
    if (api == RtMidi::UNSPECIFIED) return true;
    RtMidiIn probe(api, "graphony-probe");
    const std::vector<std::string> names = PortNames(probe);
    return std::find(names.begin(), names.end(), port_name_) == names.end();
  } catch (const RtMidiError&) {
    return true;
  }
}

void MidiInput::Collect() {
  LogEvent e;
  while (log_.Pop(e)) {
    const int n = std::clamp(e.note, 0, 127);
    if (e.velocity > 0) {
      open_taken_[n] = static_cast<int>(taken_.size());
      taken_.push_back(MidiNoteTaken{e.seconds, -1, n, e.velocity});
    } else if (open_taken_[n] >= 0) {
      taken_[static_cast<size_t>(open_taken_[n])].end_seconds = e.seconds;
      open_taken_[n] = -1;
    }
  }
}

void MidiInput::ClearTaken() {
  Collect();
  taken_.clear();
  std::fill(std::begin(open_taken_), std::end(open_taken_), -1);
}

void MidiInput::Send(int kind, int note, float velocity) {
  if (!sink_) return;
  const int id = kIdBase + note;
  const double pitch = note + bend_semitones_;
  bool ok = true;
  if (kind == kOn)
    ok = sink_(sink_context_, Command::NoteOn(id, instrument_.load(std::memory_order_relaxed),
                                              pitch, velocity, velocity));
  else if (kind == kOff)
    ok = sink_(sink_context_, Command::NoteOff(id));
  else
    ok = sink_(sink_context_, Command::Gesture(id, pitch, loudness_[note]));
  if (!ok) dropped_.fetch_add(1, std::memory_order_relaxed);
}

void MidiInput::ReleaseNote(int note) {
  sounding_[note] = false;
  Send(kOff, note, 0);
  if (!log_.Push(LogEvent{clock_, note, 0})) dropped_.fetch_add(1, std::memory_order_relaxed);
}

void MidiInput::HandleMessage(const unsigned char* bytes, size_t size, double delta) {
  if (delta < 0)
    clock_ -= delta;
  else
    clock_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - attached_at_).count();
  // Only channel voice messages with their full data bytes (< 0x80) count.
  if (!bytes || size < 2 || bytes[0] < 0x80 || bytes[0] >= 0xF0) {
    ignored_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  const int type = bytes[0] & 0xF0;
  const bool two_data = type != 0xC0 && type != 0xD0;
  if ((two_data && size < 3) || bytes[1] >= 0x80 || (two_data && bytes[2] >= 0x80)) {
    ignored_.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  const int a = bytes[1], b = two_data ? bytes[2] : 0;
  if (type == 0x90 && b > 0) {
    if (sounding_[a]) ReleaseNote(a);  // a repeated key (or one the pedal held) restarts
    held_[a] = sounding_[a] = true;
    loudness_[a] = b / 127.0f;
    if (!log_.Push(LogEvent{clock_, a, loudness_[a]}))
      dropped_.fetch_add(1, std::memory_order_relaxed);
    notes_.fetch_add(1, std::memory_order_relaxed);
    Send(kOn, a, loudness_[a]);
  } else if (type == 0x80 || type == 0x90) {  // note off (or note on at velocity 0)
    held_[a] = false;
    if (sounding_[a] && !pedal_) ReleaseNote(a);
  } else if (type == 0xB0 && a == 64) {  // sustain pedal: down at 64 and above
    pedal_ = b >= 64;
    if (!pedal_)
      for (int n = 0; n < 128; ++n)
        if (sounding_[n] && !held_[n]) ReleaseNote(n);
  } else if (type == 0xE0) {  // pitch bend, 14 bits centred on 8192
    bend_semitones_ = ((b << 7 | a) - 8192) / 8192.0 * 2.0;
    for (int n = 0; n < 128; ++n)
      if (sounding_[n]) Send(kBend, n, loudness_[n]);
  }
}

}  // namespace graphony
