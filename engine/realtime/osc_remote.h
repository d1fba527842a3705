// OSC remote control, the network half: a UDP port bound to one address, read without
// blocking from the control thread, and the playhead sent out to one destination.
// Requests reach the audio thread the usual way: the caller applies them to its LivePlayer
// (ApplyOscRequest), whose lock-free command ring carries them.
#pragma once

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "realtime/osc_message.h"

typedef void* lo_address;

namespace graphony {

class LivePlayer;

struct OscOptions {
  std::string bind = "127.0.0.1";  // one IPv4 address to listen on (0.0.0.0 = every one)
  int port = 0;                    // UDP port, 1..65535
  std::string send_host;           // where the playhead goes ("" = nowhere)
  int send_port = 0;
};

// Thrown by Open for a bad address or a port that cannot be bound.
struct OscError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// [control] thread only. Off until Open() is called: nothing listens by default.
class OscRemote {
 public:
  OscRemote() = default;
  ~OscRemote();
  OscRemote(const OscRemote&) = delete;
  OscRemote& operator=(const OscRemote&) = delete;

  void Open(const OscOptions& options);
  void Close();
  bool IsOpen() const { return fd_ >= 0; }
  int Port() const { return port_; }  // the bound port (useful when asked for port 0 in tests)

  // Reads up to `max_packets` waiting packets without blocking and returns the valid
  // requests in arrival order. The first packet of each problem kind adds one line to
  // `log` (the caller prints it); later ones are only counted.
  std::vector<OscRequest> Receive(const OscLimits& limits, std::vector<std::string>* log,
                                  int max_packets = 1024);
  // Sleeps until a packet is waiting or `timeout_ms` passed (a plain sleep when closed).
  void WaitReadable(int timeout_ms);
  // Sends /graphony/playhead (beat f, playing i, tempo bpm f) to the destination, if any.
  void SendPlayhead(double beat, bool playing, double tempo_bpm);

  uint64_t Accepted() const { return accepted_; }
  uint64_t Ignored() const;  // every rejected packet, all kinds
  uint64_t Count(OscProblem problem) const { return counts_[static_cast<size_t>(problem)]; }

 private:
  int fd_ = -1;
  int port_ = 0;
  lo_address destination_ = nullptr;
  uint64_t accepted_ = 0;
  std::array<uint64_t, kOscProblemKinds> counts_{};
  std::vector<uint8_t> buffer_ = std::vector<uint8_t>(65536);
};

// Applies one request to the player (its commands go through the lock-free ring).
void ApplyOscRequest(LivePlayer& player, const OscRequest& request);

}  // namespace graphony
