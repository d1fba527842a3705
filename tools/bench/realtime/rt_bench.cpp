// Real-time benchmark driver for the live player (run by rt_ladder.sh under jackd):
//   graphony-rt-bench partials N SECONDS [OUT.wav] -> plays N simultaneous sine partials (the
//       W(N) workload as a scan-mode partial bank), optionally recording what was played so
//       the script can check its level, and prints one line:
//       "partials N seconds S xruns X startup_xruns Y late L max_load M buffer B"
//   graphony-rt-bench offline N SECONDS OUT.wav -> the same W(N) rendered offline
//   graphony-rt-bench voices INSTRUMENT N SECONDS -> N simultaneous sustained notes of one
//       instrument (a soundfont one such as "cello", or an engine voice such as "soft-pad"),
//       same one-line report as partials: how many voices real time holds.
//   graphony-rt-bench latency COUNT       -> COUNT live notes, time from the note command to
//       its first non-zero output sample: min/median/p95/max in ms and the in-buffer offset.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "realtime/live_player.h"
#include "synth/offline_render.h"

using namespace graphony;

namespace {

void Sleep(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

// W(N) from shared/bench/workload.py: freq_i = 55 * 2^(7i/N), amp 1/N, pan i/(N-1), all
// sounding for the whole run.
Events Partials(int n, double seconds) {
  Events e;
  e.tempo_bpm = 60;  // one beat per second
  e.length_beats = seconds + 5;
  InstrumentRef sine;
  sine.name = "sine";
  e.instruments.push_back(sine);
  PartialBank bank;
  bank.start_beat = 0;
  bank.length_beats = e.length_beats;
  bank.columns = 2;
  for (int i = 0; i < n; ++i) {
    PartialRow row;
    row.frequency_hz = 55.0 * std::pow(2.0, 7.0 * i / n);
    row.pan = n > 1 ? 2.0f * i / (n - 1) - 1.0f : 0.0f;
    row.amplitude = {1.0f / n, 1.0f / n};
    bank.rows.push_back(std::move(row));
  }
  e.banks.push_back(std::move(bank));
  return e;
}

int RunPartials(int n, double seconds, const char* record) {
  PlayerOptions options;
  options.engine.max_partials = n + 64;
  options.engine.partial_gain = 1.0f;  // the rows already carry W(N)'s 1/N amplitude
  options.engine.reverb_mix = 0;       // dry, like the workload
  LivePlayer player;
  player.Open(options);
  player.SetEvents(Partials(n, seconds));
  if (record) player.StartRecording({record, {}});
  player.Play();
  const auto start = std::chrono::steady_clock::now();
  PlayerStatus s;
  while (std::chrono::steady_clock::now() - start < std::chrono::duration<double>(seconds)) {
    Sleep(50);
    s = player.Poll();
    if (s.state == PlayerState::kError) {
      std::fprintf(stderr, "%s\n", s.error.c_str());
      return 1;
    }
  }
  if (record) player.StopRecording();
  std::printf(
      "partials %d seconds %.1f xruns %llu startup_xruns %llu late %llu max_load %.2f "
      "buffer %d peak %.3f\n",
      n, seconds, static_cast<unsigned long long>(s.xruns),
      static_cast<unsigned long long>(s.startup_xruns),
      static_cast<unsigned long long>(s.late_callbacks), s.max_load, s.buffer_frames,
      std::max(s.peak_left, s.peak_right));
  return 0;
}

// N notes of `instrument` held together for the whole run, spread over three octaves.
int RunVoices(const std::string& instrument, int n, double seconds) {
  Events e;
  e.tempo_bpm = 60;
  e.length_beats = seconds;
  e.instruments.push_back({instrument, instrument, "", 0, 0, 0});
  for (int i = 0; i < n; ++i) {
    NoteEvent note;
    note.start_beat = 0.002 * i;  // staggered a little, as real chords are
    note.duration_beats = seconds;
    note.pitch = 48 + (i * 7) % 36;
    note.quantised_pitch = static_cast<int>(note.pitch);
    note.velocity = 0.5f;
    note.pan = n > 1 ? 2.0f * i / (n - 1) - 1.0f : 0.0f;
    e.notes.push_back(note);
  }
  PlayerOptions options;
  options.engine.max_voices = n;
  options.engine.reverb_mix = 0;
  LivePlayer player;
  player.Open(options);
  player.SetEvents(e);
  player.Play();
  const auto start = std::chrono::steady_clock::now();
  PlayerStatus s;
  while (std::chrono::steady_clock::now() - start < std::chrono::duration<double>(seconds)) {
    Sleep(50);
    s = player.Poll();
    if (s.state == PlayerState::kError) {
      std::fprintf(stderr, "%s\n", s.error.c_str());
      return 1;
    }
  }
  std::printf(
      "voices %s %d seconds %.1f xruns %llu startup_xruns %llu late %llu max_load %.2f "
      "buffer %d\n",
      instrument.c_str(), n, seconds, static_cast<unsigned long long>(s.xruns),
      static_cast<unsigned long long>(s.startup_xruns),
      static_cast<unsigned long long>(s.late_callbacks), s.max_load, s.buffer_frames);
  return 0;
}

// The same workload rendered offline (a reference for the spectrum check).
int RunOffline(int n, double seconds, const char* out) {
  OfflineOptions options;
  options.engine.sample_rate = 48000;
  options.engine.max_partials = n + 64;
  options.engine.partial_gain = 1.0f;
  options.engine.reverb_mix = 0;
  options.to_beat = seconds;
  RenderToFile(Partials(n, seconds), out, options, FileOptions{});
  return 0;
}

int RunLatency(int count) {
  LivePlayer player;
  player.Open({});
  Events e;
  e.tempo_bpm = 120;
  InstrumentRef sine;
  sine.name = "sine";
  e.instruments.push_back(sine);
  player.SetEvents(e);
  Sleep(200);
  std::vector<double> ms;
  std::vector<int> offsets;
  for (int i = 0; i < count; ++i) {
    player.NoteOnProbed(i, 0, 60 + i % 24, 0.8f);
    Sleep(37);  // not a multiple of the period, so notes land at every phase of a buffer
    const double s = player.LastNoteLatencySeconds();
    if (s >= 0) ms.push_back(s * 1e3);
    offsets.push_back(player.LastNoteOffsetFrames());
    player.NoteOff(i);
    Sleep(23);
  }
  if (ms.empty()) {
    std::fprintf(stderr, "no live note was heard\n");
    return 1;
  }
  std::sort(ms.begin(), ms.end());
  std::sort(offsets.begin(), offsets.end());
  const PlayerStatus st = player.Poll();
  const double period_ms = st.buffer_frames * 1e3 / player.SampleRate();
  std::printf(
      "latency notes %zu/%d min %.2f median %.2f p95 %.2f max %.2f ms; period %.2f ms; "
      "in-buffer offset median %d frames; output latency %.2f ms; xruns %llu\n",
      ms.size(), count, ms.front(), ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back(),
      period_ms, offsets[offsets.size() / 2], player.OutputLatencySeconds() * 1e3,
      static_cast<unsigned long long>(st.xruns));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "partials" && (argc == 4 || argc == 5))
      return RunPartials(std::atoi(argv[2]), std::atof(argv[3]), argc == 5 ? argv[4] : nullptr);
    if (mode == "offline" && argc == 5)
      return RunOffline(std::atoi(argv[2]), std::atof(argv[3]), argv[4]);
    if (mode == "latency" && argc == 3) return RunLatency(std::atoi(argv[2]));
    if (mode == "voices" && argc == 5)
      return RunVoices(argv[2], std::atoi(argv[3]), std::atof(argv[4]));
    std::fprintf(stderr, "usage: graphony-rt-bench partials N SECONDS [OUT.wav] | latency COUNT\n");
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "graphony-rt-bench: %s\n", e.what());
    return 1;
  }
}
