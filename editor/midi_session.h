// The editor's MIDI keyboard: the chosen port kept connected (hot-plug), its notes played live
// with the colour in use, and the notes of a take handed over as taps when the take ends.
#pragma once

#include <future>
#include <string>
#include <vector>

#include "realtime/live_player.h"
#include "realtime/midi_input.h"
#include "realtime/midi_taps.h"

namespace graphony::editor {

// Thread rules: [UI] only. Port scans (which open a JACK or ALSA client) run on a short-lived
// helper thread, so a frame never waits for them; MidiInput's own thread plays the notes.
class MidiSession {
 public:
  ~MidiSession();

  // Each frame: keeps the chosen port open on `player` (null: no sound device), reconnects
  // it when it comes back, notices when it goes away, and plays with palette index `colour`.
  // `scan` asks for the port list to be refreshed (the Sound settings window is open).
  void Update(LivePlayer* player, int colour, double now, bool scan);
  // Closes the port before the sound device is reopened (its player is about to be destroyed;
  // the MIDI thread must not be sending into it). Update connects again to the new one.
  void Disconnect();
  // The port to use ("" = none). Saved in the settings by the caller.
  void Choose(const std::string& port);
  const std::string& Chosen() const { return chosen_; }
  bool Connected() const { return midi_.IsOpen(); }
  const std::string& ConnectedName() const { return midi_.PortName(); }
  // The ports seen by the latest scan (empty until it answers).
  const std::vector<std::string>& Ports() const { return ports_; }
  // Why the chosen port is not playing ("" when it is, or when none is chosen): unplugged,
  // or could not be opened. Untranslated: the view translates the fixed part.
  bool Missing() const { return !chosen_.empty() && !midi_.IsOpen(); }
  const std::string& OpenError() const { return open_error_; }
  // Went away since the last call (for a one-time notice).
  bool TakeVanished() {
    const bool v = vanished_;
    vanished_ = false;
    return v;
  }
  uint64_t NotesPlayed() const { return midi_.NotesPlayed(); }

  // A take: the notes heard from BeginTake on, while the transport plays, at the beats the
  // audio thread heard them (AudioRenderer::PopHeardMidiNote), and EndTake returns them.
  void BeginTake();
  // Each frame (also outside a take, so the audio thread's report never fills up).
  void CollectHeard(LivePlayer* player);
  std::vector<MidiTap> EndTake();

 private:
  void StartScan();
  static std::string Key(const std::string& name);  // the name without ALSA's "client:port"

  MidiInput midi_;
  LivePlayer* player_ = nullptr;  // what midi_ was opened on
  std::string chosen_;
  std::string open_error_;
  std::vector<std::string> ports_;
  std::future<std::vector<std::string>> scan_;
  double next_scan_ = 0;
  bool vanished_ = false;
  bool taking_ = false;
  std::vector<MidiTap> take_;
};

}  // namespace graphony::editor
