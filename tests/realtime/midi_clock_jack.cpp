// Test helper: the other end of graphony-cli play's MIDI clock, as a JACK MIDI client.
//   midi_clock_jack listen SECONDS       port "clock-probe:in": waits (10 s) for a connection,
//       then times every clock byte by its JACK frame for SECONDS after the first one and
//       prints "pulses N mean_ms M bpm B starts S continues C stops T first=KIND".
//   midi_clock_jack send BPM SECONDS     port "clock-feed:out": waits for a connection,
//       sends Start, pulses at BPM (frame-exact) for SECONDS, Stop, then 2 s more of pulses
//       (a stopped clock keeps ticking), and exits.
#include <jack/jack.h>
#include <jack/midiport.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace {

constexpr int kMaxPulses = 20000;
jack_port_t* g_port = nullptr;
jack_nframes_t g_rate = 48000;
bool g_send = false;
double g_bpm = 120, g_seconds = 5;
std::atomic<bool> g_go{false}, g_done{false};
// listen: what came, stamped with its absolute frame.
int64_t g_pulse_frames[kMaxPulses];
std::atomic<int> g_pulses{0};
std::atomic<int> g_starts{0}, g_continues{0}, g_stops{0};
std::atomic<int> g_first{0};  // the first real-time byte seen
// send: the schedule.
uint64_t g_clock = 0;  // frames since g_go
int64_t g_next_pulse = 0;
bool g_started = false, g_stopped = false;

int Process(jack_nframes_t frames, void*) {
  void* buf = jack_port_get_buffer(g_port, frames);
  if (!g_send) {
    const jack_nframes_t n = jack_midi_get_event_count(buf);
    for (jack_nframes_t i = 0; i < n; ++i) {
      jack_midi_event_t e;
      if (jack_midi_event_get(&e, buf, i) != 0 || e.size == 0) continue;
      const unsigned char b = e.buffer[0];
      if (b < 0xF8 && b != 0xF2) continue;
      if (g_first.load() == 0) g_first.store(b);
      if (b == 0xF8) {
        const int k = g_pulses.load();
        if (k < kMaxPulses) {
          g_pulse_frames[k] = static_cast<int64_t>(g_clock + e.time);
          g_pulses.store(k + 1);
        }
      } else if (b == 0xFA) {
        g_starts.fetch_add(1);
      } else if (b == 0xFB) {
        g_continues.fetch_add(1);
      } else if (b == 0xFC) {
        g_stops.fetch_add(1);
      }
    }
    g_clock += frames;
    return 0;
  }
  jack_midi_clear_buffer(buf);
  if (!g_go.load(std::memory_order_acquire)) return 0;
  const double frames_per_pulse = g_rate * 60.0 / (g_bpm * 24);
  const uint64_t stop_at = static_cast<uint64_t>(g_seconds * g_rate);
  const uint64_t end_at = stop_at + 2 * g_rate;
  if (!g_started) {
    const unsigned char start = 0xFA;
    jack_midi_event_write(buf, 0, &start, 1);
    g_started = true;
  }
  for (;;) {
    const uint64_t at = static_cast<uint64_t>(std::llround(g_next_pulse * frames_per_pulse));
    if (at >= g_clock + frames) break;
    const unsigned char pulse = 0xF8;
    jack_midi_event_write(buf, static_cast<jack_nframes_t>(at - g_clock), &pulse, 1);
    ++g_next_pulse;
  }
  if (!g_stopped && stop_at < g_clock + frames) {
    const unsigned char stop = 0xFC;
    jack_midi_event_write(buf, frames - 1, &stop, 1);
    g_stopped = true;
  }
  g_clock += frames;
  if (g_clock >= end_at) g_done.store(true);
  return 0;
}

const char* Kind(int b) {
  switch (b) {
    case 0xF8:
      return "clock";
    case 0xFA:
      return "start";
    case 0xFB:
      return "continue";
    case 0xFC:
      return "stop";
    case 0xF2:
      return "position";
    default:
      return "none";
  }
}

}  // namespace

int main(int argc, char** argv) {
  g_send = argc == 4 && std::strcmp(argv[1], "send") == 0;
  const bool listen = argc == 3 && std::strcmp(argv[1], "listen") == 0;
  if (!g_send && !listen) {
    std::fprintf(stderr, "usage: midi_clock_jack listen SECONDS | send BPM SECONDS\n");
    return 2;
  }
  if (g_send) {
    g_bpm = std::atof(argv[2]);
    g_seconds = std::atof(argv[3]);
  } else {
    g_seconds = std::atof(argv[2]);
  }
  jack_status_t status;
  jack_client_t* client =
      jack_client_open(g_send ? "clock-feed" : "clock-probe", JackNoStartServer, &status);
  if (!client) {
    std::fprintf(stderr, "midi_clock_jack: no JACK server\n");
    return 1;
  }
  g_rate = jack_get_sample_rate(client);
  g_port = jack_port_register(client, g_send ? "out" : "in", JACK_DEFAULT_MIDI_TYPE,
                              g_send ? JackPortIsOutput : JackPortIsInput, 0);
  jack_set_process_callback(client, Process, nullptr);
  if (!g_port || jack_activate(client) != 0) {
    std::fprintf(stderr, "midi_clock_jack: could not register a port\n");
    return 1;
  }
  std::printf("ready\n");
  std::fflush(stdout);
  const auto t0 = std::chrono::steady_clock::now();
  auto waited = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  while (jack_port_connected(g_port) == 0) {
    if (waited() > 10) {
      std::fprintf(stderr, "midi_clock_jack: nobody connected\n");
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (g_send) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the player is ready
    g_go.store(true, std::memory_order_release);
    while (!g_done.load()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    jack_client_close(client);
    std::printf("sent %lld pulses at %.2f bpm\n", static_cast<long long>(g_next_pulse), g_bpm);
    return 0;
  }
  // listen: SECONDS from the first pulse (or the wait runs out).
  while (g_pulses.load() == 0 && waited() < 20)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const double first = waited();
  while (waited() - first < g_seconds) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // Keep listening for the Stop (the player stops after --for).
  while (g_stops.load() == 0 && waited() - first < g_seconds + 10)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  jack_client_close(client);
  const int n = std::min(g_pulses.load(), kMaxPulses);
  double mean_ms = 0;
  if (n >= 2) mean_ms = (g_pulse_frames[n - 1] - g_pulse_frames[0]) * 1000.0 / g_rate / (n - 1);
  double worst = 0;
  for (int i = 1; i < n; ++i)
    worst = std::max(
        worst, std::fabs((g_pulse_frames[i] - g_pulse_frames[i - 1]) * 1000.0 / g_rate - mean_ms));
  std::printf(
      "pulses %d mean_ms %.4f bpm %.3f worst_jitter_ms %.2f starts %d continues %d stops %d "
      "first=%s\n",
      n, mean_ms, mean_ms > 0 ? 60000.0 / (24 * mean_ms) : 0.0, worst, g_starts.load(),
      g_continues.load(), g_stops.load(), Kind(g_first.load()));
  return n >= 2 ? 0 : 1;
}
