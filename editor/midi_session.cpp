// MidiSession: choosing, hot-plugging and recording a MIDI keyboard in the editor.
#include "midi_session.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <stdexcept>

namespace graphony::editor {

namespace {
// A scan opens a JACK or ALSA client: twice a second while the settings are open, else every
// two seconds while a chosen port is missing or connected (to notice it come and go).
constexpr double kScanOpen = 0.5, kScanIdle = 2.0;
}  // namespace

MidiSession::~MidiSession() {
  if (scan_.valid()) scan_.wait();
  midi_.Close();
}

std::string MidiSession::Key(const std::string& name) {
  // ALSA names end in " 24:0" (client and port numbers), which change when a keyboard is
  // plugged in again; the rest stays.
  size_t end = name.size();
  while (end > 0 &&
         (std::isdigit(static_cast<unsigned char>(name[end - 1])) || name[end - 1] == ':'))
    --end;
  if (end < name.size() && end > 0 && name[end - 1] == ' ' &&
      name.find(':', end) != std::string::npos)
    return name.substr(0, end - 1);
  return name;
}

void MidiSession::StartScan() {
  scan_ = std::async(std::launch::async, [] {
    try {
      return MidiInput::ListPorts();
    } catch (const std::exception&) {
      return std::vector<std::string>{};
    }
  });
}

void MidiSession::Disconnect() {
  midi_.Close();
  player_ = nullptr;
  next_scan_ = 0;
}

void MidiSession::Choose(const std::string& port) {
  if (port == chosen_) return;
  midi_.Close();
  chosen_ = port;
  open_error_.clear();
  vanished_ = false;
  player_ = nullptr;
  next_scan_ = 0;  // look for it now
}

void MidiSession::Update(LivePlayer* player, int colour, double now, bool scan) {
  midi_.SetInstrument(std::max(0, colour));
  // The sound device was reopened (or lost): the old player is gone, connect to the new one.
  if (midi_.IsOpen() && player != player_) {
    midi_.Close();
    player_ = nullptr;
  }
  midi_.ClearTaken();  // the editor takes the beats from CollectHeard, not MidiInput's clock
  if (scan_.valid() && scan_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    ports_ = scan_.get();
    const std::string key = Key(chosen_);
    auto found = std::find_if(ports_.begin(), ports_.end(),
                              [&](const std::string& p) { return Key(p) == key; });
    if (midi_.IsOpen() && (found == ports_.end())) {
      midi_.Close();  // unplugged, or its program quit
      vanished_ = true;
    } else if (!midi_.IsOpen() && !chosen_.empty() && player && found != ports_.end()) {
      try {
        midi_.Open(key, player, std::max(0, colour));
        player_ = player;
        open_error_.clear();
      } catch (const std::exception& e) {
        open_error_ = e.what();
      }
    }
  }
  const bool wanted = scan || !chosen_.empty();
  if (wanted && !scan_.valid() && now >= next_scan_) {
    StartScan();
    next_scan_ = now + (scan ? kScanOpen : kScanIdle);
  }
}

void MidiSession::BeginTake() {
  take_.clear();
  taking_ = true;
}

void MidiSession::CollectHeard(LivePlayer* player) {
  if (!player) return;
  // The audio thread reports each key's note with the beat it sounded at: the one transport
  // says where in the score it was heard, so nothing here keeps a clock of its own.
  HeardMidiNote n;
  while (player->PopHeardMidiNote(&n)) {
    const int key = MidiInput::NoteOfId(n.id);
    if (taking_ && n.playing && key >= 0)
      take_.push_back(MidiTap{n.beat, key, n.velocity, n.instrument});
  }
}

std::vector<MidiTap> MidiSession::EndTake() {
  taking_ = false;
  std::vector<MidiTap> out;
  out.swap(take_);
  return out;
}

}  // namespace graphony::editor
