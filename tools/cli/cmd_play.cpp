// graphony-cli play: plays a score live on a sound device with a playhead line, optional
// loop, time limit and recording of the performance (and a microphone track).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "commands.h"
#include "core/people.h"
#include "core/score_io.h"
#include "interpret/interpret.h"
#include "realtime/link_sync.h"
#include "realtime/live_player.h"
#include "realtime/midi_clock.h"
#include "realtime/midi_input.h"
#include "realtime/midi_taps.h"
#include "realtime/osc_remote.h"
#include "synth/score_settings.h"

namespace graphony::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
void OnSignal(int) { g_interrupted = 1; }

// After the last note, keep the stream running this long so releases and reverb are heard
// (and recorded) before stopping.
constexpr double kTailSeconds = 2.0;
constexpr auto kPollInterval = std::chrono::milliseconds(20);

double Db(float linear) { return linear > 1e-6f ? 20.0 * std::log10(linear) : -120.0; }

std::string Clock(double seconds) {
  const int s = static_cast<int>(std::max(0.0, seconds));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}

void ProgressLine(const PlayerStatus& s, double length_beats, double seconds_per_beat,
                  bool recording) {
  const double frac = length_beats > 0 ? std::clamp(s.playhead_beat / length_beats, 0.0, 1.0) : 0;
  constexpr int kBar = 24;
  char bar[kBar + 1];
  for (int i = 0; i < kBar; ++i) bar[i] = i < static_cast<int>(frac * kBar + 0.5) ? '#' : '-';
  bar[kBar] = '\0';
  const std::string line =
      Fill(_("beat {beat} / {length}  {time} / {total}  [{bar}]  peak {peak} dB  xruns {xruns}"),
           {{"beat", Sprintf("%7.2f", s.playhead_beat)},
            {"length", Sprintf("%.2f", length_beats)},
            {"time", Clock(s.playhead_beat * seconds_per_beat)},
            {"total", Clock(length_beats * seconds_per_beat)},
            {"bar", bar},
            {"peak", Sprintf("%5.1f", Db(std::max(s.peak_left, s.peak_right)))},
            {"xruns", std::to_string(s.xruns)}});
  std::fprintf(stderr, "\r  %s%s%s   ", line.c_str(), recording ? "  " : "",
               recording ? "REC" : "");
  std::fflush(stderr);
}

// "HOST:PORT" -> the OSC destination for the playhead.
void ParseSendTo(const std::string& text, OscOptions* options) {
  const size_t colon = text.rfind(':');
  const double port =
      colon == std::string::npos ? 0 : ParseNumber("--osc-send", text.substr(colon + 1));
  if (colon == std::string::npos || colon == 0 || !(port >= 1 && port <= 65535) ||
      port != static_cast<int>(port))
    throw UsageError("play",
                     Fill(_("--osc-send expects HOST:PORT (got \"{value}\")"), {{"value", text}}));
  options->send_host = text.substr(0, colon);
  options->send_port = static_cast<int>(port);
}

std::filesystem::path InputTrackPath(const std::filesystem::path& record) {
  std::filesystem::path p = record;
  p.replace_filename(record.stem().string() + "-input" + record.extension().string());
  return p;
}

int RunPlay(Args& args) {
  const std::string device = args.Option("--device").value_or("");
  const auto input = args.Option("--input");
  const auto record = args.Option("--record");
  const auto from_text = args.Option("--from");
  const auto until_text = args.Option("--until");
  const auto for_text = args.Option("--for");
  const auto frames_text = args.Option("--frames");
  const auto tempo_text = args.Option("--tempo");
  const auto volume_text = args.Option("--volume");
  const bool loop = args.Flag("--loop");
  const auto osc_port_text = args.Option("--osc-port");
  const auto osc_bind = args.Option("--osc-bind");
  const auto osc_send = args.Option("--osc-send");
  const auto midi_in = args.Option("--midi-in");
  const auto colour_text = args.Option("--colour");
  const auto midi_record_to = args.Option("--midi-record-to");
  const auto person = args.Option("--person");
  const bool link = args.Flag("--link");
  const bool link_start_stop = args.Flag("--link-start-stop");
  const auto link_log = args.Option("--link-log");
  const auto clock_out_port = args.Option("--midi-clock-out");
  const auto clock_in_port = args.Option("--midi-clock-in");
  const auto files = args.Positionals();
  if (files.size() != 1) throw UsageError("play", _("give one score file (see --help)"));

  const double from = from_text ? ParseNumber("--from", *from_text) : 0.0;
  if (!(from >= 0)) throw UsageError("play", _("--from must be 0 or more beats"));
  const double for_seconds = for_text ? ParseNumber("--for", *for_text) : -1.0;
  if (for_text && !(for_seconds > 0))
    throw UsageError("play", _("--for must be more than 0 seconds"));
  const int frames = frames_text ? static_cast<int>(ParseNumber("--frames", *frames_text)) : 0;
  if (frames_text && (frames < 16 || frames > 8192))
    throw UsageError("play", _("--frames must be between 16 and 8192"));
  const double tempo = tempo_text ? ParseNumber("--tempo", *tempo_text) : 1.0;
  if (!(tempo >= 0.05 && tempo <= 8))
    throw UsageError("play", _("--tempo must be between 0.05 and 8"));
  const double volume = volume_text ? ParseNumber("--volume", *volume_text) : 1.0;
  if (!(volume >= 0 && volume <= 4))
    throw UsageError("play", _("--volume must be between 0 and 4"));
  if (input && !record)
    throw UsageError("play", _("--input needs --record OUT.wav (the input track goes next to it)"));
  // OSC remote control is off unless a port is given.
  const bool osc = osc_port_text.has_value();
  OscOptions osc_options;
  if (osc) {
    const double port = ParseNumber("--osc-port", *osc_port_text);
    if (!(port >= 1 && port <= 65535) || port != static_cast<int>(port))
      throw UsageError("play", _("--osc-port must be a port number, 1 to 65535"));
    osc_options.port = static_cast<int>(port);
    if (osc_bind) osc_options.bind = *osc_bind;
    if (osc_send) ParseSendTo(*osc_send, &osc_options);
  } else if (osc_bind || osc_send) {
    throw UsageError("play", _("--osc-bind and --osc-send need --osc-port"));
  }

  if (midi_in && *midi_in == "list") {
    try {
      for (const std::string& name : MidiInput::ListPorts()) std::printf("%s\n", name.c_str());
    } catch (const std::runtime_error& e) {
      // NOT-UI: the program and command's names, then a translated message
      std::fprintf(stderr, "graphony-cli play: %s\n", e.what());
      return kExitFailure;
    }
    return kExitOk;
  }
  if (colour_text && !midi_in) throw UsageError("play", _("--colour needs --midi-in PORT"));
  if (midi_record_to && !midi_in)
    throw UsageError("play", _("--midi-record-to needs --midi-in PORT"));
  if (person && !midi_record_to) throw UsageError("play", _("--person needs --midi-record-to OUT"));
  if (midi_record_to && (loop || osc_port_text))
    throw UsageError("play", _("--midi-record-to cannot follow --loop or OSC's seeks"));
  if ((link_start_stop || link_log) && !link)
    throw UsageError("play", _("--link-start-stop and --link-log need --link"));
  if (link && (loop || midi_record_to))
    throw UsageError("play", _("--link cannot be combined with --loop or --midi-record-to"));
  if (clock_in_port && (link || midi_record_to || loop))
    throw UsageError("play", _("--midi-clock-in cannot be combined with --link, --midi-record-to "
                               "or --loop (the external clock leads)"));
  const double colour = colour_text ? ParseNumber("--colour", *colour_text) : 0.0;
  if (!(colour >= 0 && colour < 256 && colour == std::floor(colour)))
    throw UsageError("play", _("--colour must be a palette index, 0 to 255"));

  // From here on Ctrl+C is a clean stop, also while the program is still being prepared.
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  Score score = LoadScore(files[0]);
  // The person is checked now, not after the performance.
  std::string contributor;
  if (person) contributor = FindPerson(score, *person, files[0]).id;
  const Events events = Interpret(score);
  const double until = until_text ? ParseNumber("--until", *until_text) : events.length_beats;
  if (until_text && !(until > from)) throw UsageError("play", _("--until must be after --from"));

  OscRemote remote;
  if (osc) {
    try {
      remote.Open(osc_options);
    } catch (const OscError& e) {
      // NOT-UI: the program and command's names, then a translated message
      std::fprintf(stderr, "graphony-cli play: %s\n", e.what());
      return kExitFailure;
    }
    const std::string address = osc_options.bind + ":" + std::to_string(remote.Port());
    std::fprintf(
        // NOT-UI: the program and command's names, then a translated message
        stderr, "OSC: %s\n",
        (osc_options.send_host.empty()
             ? Fill(_("listening on {address}"), {{"address", address}})
             : Fill(_("listening on {address}, playhead to {to}"),
                    {{"address", address},
                     {"to", osc_options.send_host + ":" + std::to_string(osc_options.send_port)}}))
            .c_str());
  }
  const OscLimits osc_limits{events.length_beats, events.tempo_bpm};

  // Link is constructed (and its sockets opened) only when asked for.
  std::unique_ptr<LinkSync> link_sync;
  std::FILE* link_file = nullptr;
  if (link) {
    if (link_log) {
      link_file = std::fopen(link_log->c_str(), "w");
      if (!link_file) {
        // NOT-UI: the program and command's names, then a translated message
        std::fprintf(stderr, "graphony-cli play: %s: %s\n", link_log->c_str(),
                     _("cannot write the Link log"));
        return kExitFailure;
      }
    }
    LinkOptions lo;
    lo.tempo_bpm = events.tempo_bpm * tempo;
    lo.start_stop_sync = link_start_stop;
    link_sync = std::make_unique<LinkSync>(lo);
  }
  // Closed on every return below, after the player (whose stream may still use Link).
  struct CloseFile {
    std::FILE*& f;
    ~CloseFile() {
      if (f) std::fclose(f);
    }
  } close_link_file{link_file};

  LivePlayer player;
  PlayerOptions options;
  options.link = link_sync.get();
  options.output_device = device;
  options.record_input = input.has_value();
  options.input_device = input.value_or("");
  options.frames_per_buffer = frames;
  try {
    player.Open(options);
  } catch (const DeviceError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return kExitFailure;
  }
  // The same settings render uses: the bundle's sampler sounds included.
  player.PublishProgram(
      PrepareProgram(events,
                     EngineSettingsForScore(score, events, player.Settings(), EngineUse::kLive)),
      events.tempo_bpm, events.length_beats);
  player.SetTempoScale(tempo);
  player.SetMasterVolume(static_cast<float>(volume));
  player.Seek(from);
  if (loop) player.SetLoop(from, until);
  if (record) {
    RecordingOptions rec;
    rec.output_path = *record;
    if (input) rec.input_path = InputTrackPath(*record);
    player.StartRecording(rec);  // throws std::runtime_error naming the file -> exit 1
  }
  MidiInput midi;
  if (midi_in) {
    const int colours = std::max<int>(1, static_cast<int>(score.palette.size()));
    if (colour >= colours) {
      std::fprintf(
          // NOT-UI: the program and command's names, then a translated message
          stderr, "graphony-cli play: %s: --colour %d: %s\n", files[0].c_str(),
          static_cast<int>(colour),
          Fill(_("the palette has {n} colours"), {{"n", std::to_string(colours)}}).c_str());
      return kExitFailure;
    }
    try {
      midi.Open(*midi_in, &player, static_cast<int>(colour));  // colour = instrument index
    } catch (const std::runtime_error& e) {
      // NOT-UI: the program and command's names, then a translated message
      std::fprintf(stderr, "graphony-cli play: %s\n", e.what());
      return kExitFailure;
    }
    std::fprintf(stderr, "%s\n",
                 Fill(_("MIDI in: {port} (colour {n})"),
                      {{"port", midi.PortName()}, {"n", std::to_string(static_cast<int>(colour))}})
                     .c_str());
  }
  MidiClockOut clock_out;
  MidiClockIn clock_in;
  try {
    if (clock_out_port) {
      clock_out.Open(*clock_out_port, player.Meters());
      std::fprintf(stderr, "%s\n",
                   Fill(_("MIDI clock out: {port}"), {{"port", clock_out.PortName()}}).c_str());
    }
    if (clock_in_port) {
      clock_in.Open(*clock_in_port);
      std::fprintf(
          stderr, "%s\n",
          Fill(_("MIDI clock in: {port} (waiting for Start)"), {{"port", clock_in.PortName()}})
              .c_str());
    }
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "graphony-cli play: %s\n", e.what());
    return kExitFailure;
  }
  // Under remote control the conductor (or the external clock's Start) starts the music.
  const bool waits = osc || clock_in_port.has_value();
  if (!waits) player.Play();

  const bool tty = isatty(STDERR_FILENO);
  const double seconds_per_beat = 60.0 / events.tempo_bpm / tempo;
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  double end_at = -1;  // wall time at which the tail after the last beat is over
  PlayerStatus status;
  std::string stop_reason = _("end of score");
  bool stopped_at_end = false;  // under OSC: the end was reached and the transport stopped
  std::vector<std::string> osc_log;
  size_t link_peers = 0;
  double clock_bpm_applied = 0;
  uint64_t clock_starts = 0, clock_stops = 0;
  double last_sent = -1;  // when the playhead was last sent out
  for (int tick = 0;; ++tick) {
    if (osc) {
      // Wakes as soon as a message arrives, so remote commands are not held back a tick.
      remote.WaitReadable(static_cast<int>(kPollInterval.count()));
      for (const OscRequest& r : remote.Receive(osc_limits, &osc_log)) {
        ApplyOscRequest(player, r);
        if (r.kind == OscRequest::Kind::kPlay) stopped_at_end = false;
      }
      for (const std::string& line : osc_log) std::fprintf(stderr, "%s\n", line.c_str());
      osc_log.clear();
    } else {
      std::this_thread::sleep_for(kPollInterval);
    }
    status = player.Poll();
    if (link_sync) {
      LinkBeatSample b;
      while (link_sync->PopSample(&b))
        if (link_file)
          // NOT-UI: the --link-log file's columns, read by tests
          std::fprintf(link_file, "%lld %.9f %.6f %d\n", static_cast<long long>(b.host_us), b.beat,
                       b.tempo_bpm, b.playing ? 1 : 0);
      const size_t peers = link_sync->Peers();
      if (peers != link_peers) {
        link_peers = peers;
        // NOT-UI: the program and command's names, then a translated message
        std::fprintf(stderr, "%sLink: %s\n", tty ? "\n" : "",
                     Plural("{n} peer", "{n} peers", peers).c_str());
      }
    }
    if (midi_in && tick % 100 == 0 && midi.PortVanished()) {
      std::fprintf(
          // NOT-UI: the program and command's names, then a translated message
          stderr, "graphony-cli play: %s\n",
          Fill(_("MIDI input: port \"{port}\" went away"), {{"port", midi.PortName()}}).c_str());
      midi.Close();
    }
    if (midi_in) midi.Collect();  // keeps the MIDI thread's note log from filling up
    if (clock_in_port) {
      // The external clock is an input to the one transport: its tempo becomes the tempo
      // scale, its Start/Continue/Stop and Song Position become transport commands.
      const double bpm = clock_in.TempoBpm();
      if (bpm > 0 && std::fabs(bpm - clock_bpm_applied) > 0.02) {
        player.SetTempoScale(std::clamp(bpm / events.tempo_bpm, 0.05, 8.0));
        clock_bpm_applied = bpm;
      }
      MidiClockEvent ev;
      while (clock_in.PopEvent(&ev)) {
        switch (ev.kind) {
          case MidiClockEvent::Kind::kStart:
            player.Seek(from);
            player.Play();
            stopped_at_end = false;
            ++clock_starts;
            break;
          case MidiClockEvent::Kind::kContinue:
            player.Play();
            stopped_at_end = false;
            ++clock_starts;
            break;
          case MidiClockEvent::Kind::kStop:
            player.Stop();
            ++clock_stops;
            break;
          case MidiClockEvent::Kind::kSongPosition:
            player.Seek(std::clamp(ev.beat, 0.0, events.length_beats));
            break;
        }
      }
    }
    if (osc && elapsed() - last_sent >= 0.04) {
      last_sent = elapsed();
      remote.SendPlayhead(status.playhead_beat, status.playing,
                          status.tempo_bpm * status.tempo_scale);
    }
    if (tty && tick % 5 == 0)
      ProgressLine(status, events.length_beats, seconds_per_beat, player.Recording());
    if (g_interrupted) {
      stop_reason = _("stopped (Ctrl+C)");
      break;
    }
    if (status.state == PlayerState::kError) {
      stop_reason = status.error;
      break;
    }
    if (for_seconds > 0 && elapsed() >= for_seconds) {
      stop_reason = _("time limit");
      break;
    }
    if (waits) {
      // A remote-controlled player waits at the end for the next command.
      if (status.reached_end && !stopped_at_end) {
        player.Stop();
        stopped_at_end = true;
      }
      continue;
    }
    if (!loop && end_at < 0 && (status.reached_end || status.playhead_beat >= until)) {
      player.Stop();  // nothing new starts; what sounds rings out during the tail
      end_at = elapsed() + kTailSeconds;
    }
    if (end_at >= 0 && elapsed() >= end_at) break;
  }
  if (tty) std::fprintf(stderr, "\n");
  player.Stop();
  clock_out.Close();  // sends Stop; before the player, whose meters it reads
  clock_in.Close();
  midi.Close();  // before the player: its held notes are released through it
  std::string taps_line;
  if (midi_record_to) {
    const double offset =
        std::chrono::duration<double>(start - midi.AttachedAt()).count();  // Play() vs Open
    // MidiInput's clock starts at Open; the score's beat `from` is heard `offset` later.
    score.layers.push_back(MidiTapsLayer(
        score,
        PlaceMidiNotes(midi.Taken(), offset, from, seconds_per_beat, static_cast<int>(colour)),
        contributor));
    const int taps = static_cast<int>(score.layers.back().strokes.strokes.size());
    // Throws ScoreError naming the file -> exit 1. A score.json out stays plain JSON; a
    // bundle reads the input's images relative to where the input was.
    const std::filesystem::path out = *midi_record_to;
    if (out.extension() == ".json") {
      ValidateScore(score, out.string());
      const std::string json = ScoreToJson(score);
      WriteFileAtomically(out, json.data(), json.size());
    } else {
      SaveScore(score, out, std::filesystem::path(files[0]).parent_path());
    }
    taps_line = Fill(_("MIDI in: {n} taps written to {file}"),
                     {{"n", std::to_string(taps)}, {"file", *midi_record_to}});
  }
  player.Stop();
  const double played = elapsed();
  const double last_beat = status.playhead_beat;

  std::string recorded;
  if (player.Recording()) {
    const RecordingSummary r = player.StopRecording();  // throws on a write failure -> exit 1
    std::string details = Sprintf("%.1f s", r.seconds);
    if (!r.input_path.empty())
      details += Fill(_(", input {file}"), {{"file", r.input_path.string()}});
    if (r.dropped_frames) details += _(", SOME AUDIO LOST: the disk was too slow");
    recorded = Fill(_("; recorded {file} ({details})"),
                    {{"file", r.output_path.string()}, {"details", details}});
  }
  status = player.Poll();
  const bool failed = status.state == PlayerState::kError;
  player.Close();
  if (link_sync)
    std::printf("%s\n", Fill(_("Link: {n} peers at the end, tempo {tempo} bpm"),
                             {{"n", std::to_string(link_sync->Peers())},
                              {"tempo", Sprintf("%.2f", status.tempo_bpm * status.tempo_scale)}})
                            .c_str());
  // NOT-UI: the program and command's names, then a translated message
  if (failed) std::fprintf(stderr, "graphony-cli play: %s\n", status.error.c_str());
  std::printf(
      "%s\n",
      Fill(
          // TRANSLATORS: keep "xruns:" as it is, tests and scripts read the number after it.
          _("{reason}: played {seconds} s, beats {from} to {to} on \"{device}\" ({rate} Hz, "
            "{frames}-frame buffers); xruns: {xruns} (start-up: {startup}); late buffers: "
            "{late}{recorded}"),
          {{"reason", failed ? std::string(_("device lost")) : stop_reason},
           {"seconds", Sprintf("%.1f", played)},
           {"from", Sprintf("%.2f", from)},
           {"to", Sprintf("%.2f", last_beat)},
           {"device", player.DeviceName()},
           {"rate", Sprintf("%.0f", player.SampleRate())},
           {"frames", std::to_string(status.buffer_frames)},
           {"xruns", std::to_string(status.xruns)},
           {"startup", std::to_string(status.startup_xruns)},
           {"late", std::to_string(status.late_callbacks)},
           {"recorded", recorded}})
          .c_str());
  if (midi_in)
    std::printf("%s\n", Fill(_("MIDI in: {notes} notes, {ignored} messages ignored, {dropped} "
                               "dropped (queue full)"),
                             {{"notes", std::to_string(midi.NotesPlayed())},
                              {"ignored", std::to_string(midi.Ignored())},
                              {"dropped", std::to_string(midi.Dropped())}})
                            .c_str());
  if (!taps_line.empty()) std::printf("%s\n", taps_line.c_str());
  if (clock_out_port)
    // NOT-UI: the clock summaries are read by tests and scripts, like `xruns: N`
    std::printf("MIDI clock out: %llu pulses, %llu starts\n",
                static_cast<unsigned long long>(clock_out.Pulses()),
                static_cast<unsigned long long>(clock_out.Starts()));
  if (clock_in_port)
    // NOT-UI: the clock summaries are read by tests and scripts, like `xruns: N`
    std::printf("MIDI clock in: %llu pulses, tempo %.2f bpm, %llu starts, %llu stops\n",
                static_cast<unsigned long long>(clock_in.Pulses()), clock_in.TempoBpm(),
                static_cast<unsigned long long>(clock_starts),
                static_cast<unsigned long long>(clock_stops));
  if (osc)
    std::printf("%s\n", Fill(_("OSC: {obeyed} messages obeyed, {ignored} ignored"),
                             {{"obeyed", std::to_string(remote.Accepted())},
                              {"ignored", std::to_string(remote.Ignored())}})
                            .c_str());
  return failed ? kExitFailure : kExitOk;
}

}  // namespace

const Command kPlayCommand = {
    "play", N_("play a score live (with --record to keep the take)"),
    N_("usage: graphony-cli play FILE [options]\n\n"
       "Plays FILE (.graphony or score.json) on a sound device, showing the playhead.\n"
       "Ctrl+C stops (a recording is finished and kept). Prints a summary with `xruns: N`.\n\n"
       "options:\n"
       "  --device NAME|INDEX  output device (see `graphony-cli devices`; part of a name is "
       "enough)\n"
       "  --from BEAT          start here (default 0)\n"
       "  --until BEAT         stop here, or the loop end with --loop (default: the score's end)\n"
       "  --loop               loop from --from to --until until stopped\n"
       "  --for SECONDS        stop after this long\n"
       "  --record OUT.wav     record what is played (.wav or .flac), written as it plays\n"
       "  --input NAME|INDEX   also record this input device (a microphone) to OUT-input.wav,\n"
       "                       lined up with the playback\n"
       "  --frames N           ask the device for N-frame buffers (default: its preference)\n"
       "  --tempo SCALE        tempo factor (1 = as written)\n"
       "  --volume GAIN        master volume (linear, default 1)\n"
       "  --osc-port PORT      remote control over OSC (off by default; see docs/osc.md): wait\n"
       "                       for /graphony/play and keep running until Ctrl+C or --for\n"
       "  --osc-bind ADDRESS   the one IPv4 address to listen on (default 127.0.0.1)\n"
       "  --osc-send HOST:PORT send /graphony/playhead there every 40 ms\n"
       "  --midi-in PORT|list  play a MIDI keyboard live with the score (part of a port name is\n"
       "                       enough; JACK when it runs, else ALSA); `list` prints the ports\n"
       "  --colour N           the palette colour whose instrument the keyboard plays (default 0)\n"
       "  --midi-record-to OUT also write the notes played as taps in that colour to OUT "
       "(.graphony\n"
       "                       or score.json), in a new strokes layer \"MIDI in\"\n"
       "  --person NAME|ID     credit those taps to this person in the score\n"
       "  --link               join Ableton Link on the local network (off by default): tempo and\n"
       "                       beat phase (4-beat bars) follow the other peers\n"
       "  --link-start-stop    also share play and stop with peers that enable it\n"
       "  --link-log FILE      write `host_us beat bpm playing` lines, every 20 ms (for tests)\n"
       "  --midi-clock-out PORT send MIDI clock (24 per beat, Start/Continue/Stop, Song Position)\n"
       "                       from the transport to that MIDI input port (part of a name)\n"
       "  --midi-clock-in PORT follow an external MIDI clock: its tempo, Start/Continue/Stop and\n"
       "                       Song Position; waits for Start, keeps running until Ctrl+C or "
       "--for\n"
       "Exit: 0 done, 1 no device / device lost / bad file, 2 usage.\n"),
    RunPlay};

}  // namespace graphony::cli
