// Test helper: a JACK client with a MIDI output that plays notes into graphony-cli play
// --midi-in, and an audio input on the player's output that times each note's first sample.
//   midi_feed_jack NOTES AUDIO_PORT [DELAY]   e.g. 60,62,64,65,67,69,71,72 PortAudio:out_0
// Waits (up to 10 s; 30 s when DELAY is given) until something connects to its MIDI port
// "midi-feed:out", waits DELAY seconds more (default 0.3: the graph settles), then plays
// one note every 0.6 s (0.35 s held, velocity 100) and prints per note the frames from the
// MIDI event to the first sample above -40 dBFS, then the median and p95 in ms.
#include <jack/jack.h>
#include <jack/midiport.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int kMaxNotes = 64;
jack_port_t* g_midi_out = nullptr;
jack_port_t* g_audio_in = nullptr;
int g_notes[kMaxNotes];
int g_count = 0;
std::atomic<bool> g_go{false};
std::atomic<int> g_done{0};  // notes whose first sample was seen (or timed out)
jack_nframes_t g_rate = 48000;
// Process-thread state: a fixed schedule in frames from the start.
uint64_t g_clock = 0;  // frames since g_go
int g_next = 0;        // next event: 2*i note on, 2*i+1 note off
int64_t g_on_frame[kMaxNotes];
int64_t g_first_frame[kMaxNotes];
int g_waiting = -1;  // the note whose first sample is awaited

int Process(jack_nframes_t frames, void*) {
  void* midi = jack_port_get_buffer(g_midi_out, frames);
  jack_midi_clear_buffer(midi);
  const float* in = static_cast<const float*>(jack_port_get_buffer(g_audio_in, frames));
  if (!g_go.load(std::memory_order_acquire)) return 0;
  const uint64_t note_len = g_rate * 35 / 100, step = g_rate * 60 / 100;
  // The audio first: it was produced from what the player received in earlier cycles.
  if (g_waiting >= 0) {
    for (jack_nframes_t i = 0; i < frames; ++i)
      if (std::fabs(in[i]) > 0.01f) {
        g_first_frame[g_waiting] = static_cast<int64_t>(g_clock + i);
        g_waiting = -1;
        g_done.fetch_add(1);
        break;
      }
  }
  while (g_next < 2 * g_count) {
    const int i = g_next / 2;
    const uint64_t at = i * step + (g_next % 2 ? note_len : 0);
    if (at >= g_clock + frames) break;
    const jack_nframes_t offset = at > g_clock ? static_cast<jack_nframes_t>(at - g_clock) : 0;
    const unsigned char msg[3] = {static_cast<unsigned char>(g_next % 2 ? 0x80 : 0x90),
                                  static_cast<unsigned char>(g_notes[i]),
                                  static_cast<unsigned char>(g_next % 2 ? 0 : 100)};
    jack_midi_event_write(midi, offset, msg, 3);
    if (g_next % 2 == 0) {
      if (g_waiting >= 0) g_done.fetch_add(1);  // the previous one never sounded
      g_on_frame[i] = static_cast<int64_t>(g_clock + offset);
      g_first_frame[i] = -1;
      g_waiting = i;
    }
    ++g_next;
  }
  g_clock += frames;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: midi_feed_jack NOTES AUDIO_PORT [DELAY_SECONDS]\n");
    return 2;
  }
  const double delay = argc == 4 ? std::atof(argv[3]) : 0.3;
  std::stringstream list(argv[1]);
  for (std::string n; std::getline(list, n, ',') && g_count < kMaxNotes;)
    g_notes[g_count++] = std::atoi(n.c_str());
  jack_status_t status;
  jack_client_t* client = jack_client_open("midi-feed", JackNoStartServer, &status);
  if (!client) {
    std::fprintf(stderr, "midi_feed_jack: no JACK server\n");
    return 1;
  }
  g_rate = jack_get_sample_rate(client);
  g_midi_out = jack_port_register(client, "out", JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
  g_audio_in = jack_port_register(client, "in", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
  jack_set_process_callback(client, Process, nullptr);
  if (!g_midi_out || !g_audio_in || jack_activate(client) != 0) {
    std::fprintf(stderr, "midi_feed_jack: could not register ports\n");
    return 1;
  }
  std::printf("ready\n");
  std::fflush(stdout);
  auto waited = [t0 = std::chrono::steady_clock::now()] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  while (jack_port_connected(g_midi_out) == 0 || jack_port_by_name(client, argv[2]) == nullptr) {
    if (waited() > (argc == 4 ? 30 : 10)) {
      std::fprintf(stderr, "midi_feed_jack: nobody connected to midi-feed:out\n");
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (jack_connect(client, argv[2], jack_port_name(g_audio_in)) != 0) {
    std::fprintf(stderr, "midi_feed_jack: could not connect %s\n", argv[2]);
    return 1;
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(delay));  // the graph settles
  g_go.store(true, std::memory_order_release);
  const double limit = g_count * 0.6 + 3;
  const double t0 = waited();
  while (g_done.load() < g_count && waited() - t0 < limit)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  jack_client_close(client);
  std::vector<double> ms;
  for (int i = 0; i < g_count; ++i) {
    const bool heard = g_first_frame[i] >= 0 && i < g_done.load();
    const double d = heard ? (g_first_frame[i] - g_on_frame[i]) * 1000.0 / g_rate : -1;
    std::printf("note %d (MIDI %d): %s", i + 1, g_notes[i], heard ? "" : "not heard\n");
    if (heard) {
      std::printf("%.2f ms\n", d);
      ms.push_back(d);
    }
  }
  if (ms.empty()) return 1;
  std::sort(ms.begin(), ms.end());
  const double median = ms[ms.size() / 2];
  const double p95 =
      ms[std::min(ms.size() - 1, static_cast<size_t>(std::ceil(0.95 * ms.size())) - 1)];
  std::printf("note-in to first sample: median %.2f ms, p95 %.2f ms over %zu notes (%u Hz)\n",
              median, p95, ms.size(), g_rate);
  return static_cast<int>(ms.size()) == g_count ? 0 : 1;
}
