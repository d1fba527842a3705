// OscRemote: a non-blocking UDP socket bound to one address; liblo sends the playhead.
#include "realtime/osc_remote.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <lo/lo.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "realtime/live_player.h"

namespace graphony {

OscRemote::~OscRemote() { Close(); }

void OscRemote::Open(const OscOptions& options) {
  Close();
  if (options.port < 1 || options.port > 65535)
    throw OscError("OSC port " + std::to_string(options.port) + " is not between 1 and 65535");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(options.port));
  if (inet_pton(AF_INET, options.bind.c_str(), &addr.sin_addr) != 1)
    throw OscError("OSC bind address \"" + options.bind + "\" is not an IPv4 address");
  const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) throw OscError(std::string("OSC: cannot make a UDP socket: ") + strerror(errno));
  if (bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    const std::string why = strerror(errno);
    ::close(fd);
    throw OscError("OSC: cannot listen on " + options.bind + ":" + std::to_string(options.port) +
                   ": " + why);
  }
  sockaddr_in bound{};
  socklen_t len = sizeof bound;
  getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len);
  if (!options.send_host.empty()) {
    if (options.send_port < 1 || options.send_port > 65535) {
      ::close(fd);
      throw OscError("OSC send port " + std::to_string(options.send_port) +
                     " is not between 1 and 65535");
    }
    destination_ =
        lo_address_new(options.send_host.c_str(), std::to_string(options.send_port).c_str());
    if (!destination_) {
      ::close(fd);
      throw OscError("OSC: cannot send to \"" + options.send_host + "\"");
    }
  }
  fd_ = fd;
  port_ = ntohs(bound.sin_port);
}

void OscRemote::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (destination_) lo_address_free(destination_);
  destination_ = nullptr;
}

std::vector<OscRequest> OscRemote::Receive(const OscLimits& limits, std::vector<std::string>* log,
                                           int max_packets) {
  std::vector<OscRequest> requests;
  if (fd_ < 0) return requests;
  for (int i = 0; i < max_packets; ++i) {
    const ssize_t n = recv(fd_, buffer_.data(), buffer_.size(), 0);
    if (n < 0) break;  // EAGAIN: nothing more waiting (or an error: try again next time)
    const OscVerdict v = ParseOscPacket(buffer_.data(), static_cast<size_t>(n), limits);
    if (v.request) {
      ++accepted_;
      requests.push_back(*v.request);
      continue;
    }
    if (v.problem == OscProblem::kNone) continue;  // a button release
    uint64_t& count = counts_[static_cast<size_t>(v.problem)];
    if (count++ == 0 && log)
      log->push_back(std::string("OSC: ignored a message (") + OscProblemName(v.problem) +
                     "): " + v.detail + "; further ones of this kind are only counted");
  }
  return requests;
}

void OscRemote::WaitReadable(int timeout_ms) {
  if (fd_ < 0) {
    usleep(static_cast<useconds_t>(timeout_ms) * 1000);
    return;
  }
  pollfd p{fd_, POLLIN, 0};
  poll(&p, 1, timeout_ms);
}

uint64_t OscRemote::Ignored() const {
  uint64_t total = 0;
  for (uint64_t c : counts_) total += c;
  return total;
}

void OscRemote::SendPlayhead(double beat, bool playing, double tempo_bpm) {
  if (!destination_) return;
  // UDP: a lost or refused datagram is simply not seen; the next one follows shortly.
  lo_send(destination_, "/graphony/playhead", "fif", static_cast<float>(beat), playing ? 1 : 0,
          static_cast<float>(tempo_bpm));
}

void ApplyOscRequest(LivePlayer& player, const OscRequest& request) {
  switch (request.kind) {
    case OscRequest::Kind::kPlay:
      player.Play();
      break;
    case OscRequest::Kind::kStop:
      player.Stop();
      break;
    case OscRequest::Kind::kSeek:
      player.Seek(request.a);
      break;
    case OscRequest::Kind::kLoop:
      player.SetLoop(request.a, request.b);
      break;
    case OscRequest::Kind::kLoopOff:
      player.ClearLoop();
      break;
    case OscRequest::Kind::kTempoScale:
      player.SetTempoScale(request.a);
      break;
  }
}

}  // namespace graphony
