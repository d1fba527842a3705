// LivePlayer: real-time playback of a score through a PortAudio output stream, live
// audition of strokes as they are drawn, and background recording of takes.
//
// Threads:
//   [control] the thread that owns the player (the editor's UI thread, the CLI's main
//             thread). Every public function is [control] unless it says otherwise, and
//             none of the transport/live functions blocks: they push a Command into a
//             lock-free ring and return at once.
//   [audio]   PortAudio's callback thread; runs AudioRenderer::Process only.
//   [writer]  the recorder's file-writing thread (private).
// Typical use:
//   LivePlayer player;
//   player.Open({});                       // default device; throws DeviceError
//   player.SetEvents(Interpret(score));    // prepares off the audio thread, then swaps in
//   player.Play();
//   while (...) { auto s = player.Poll(); draw(s.playhead_beat); }   // e.g. every UI frame
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "interpret/events.h"
#include "realtime/audio_renderer.h"
#include "realtime/devices.h"
#include "realtime/recorder.h"
#include "realtime/scrub_voices.h"
#include "synth/engine.h"

typedef void PaStream;
struct PaStreamCallbackTimeInfo;

namespace graphony {

class LinkSync;

struct PlayerOptions {
  std::string output_device;  // FindDevice() spec: "" = default, an index, or a name part
  bool record_input = false;  // also open an input device (microphone) for recording
  std::string input_device;   // FindDevice() spec for the input ("" = default input)
  int frames_per_buffer = 0;  // 0 = whatever the host prefers (JACK: its period)
  EngineSettings engine;      // sample_rate is replaced by the device's default rate
  double record_ring_seconds = 8;
  // Ableton Link steering the transport (null = off); must outlive the player's stream.
  LinkSync* link = nullptr;
};

enum class PlayerState : uint8_t {
  kClosed,   // no stream
  kRunning,  // the stream runs (transport may be playing or stopped)
  kError,    // the device went away or failed; see PlayerStatus::error. Close() to reset.
};

// A snapshot for the UI, taken by Poll(). The transport part is the engine's published
// state (AudioMeters): views read it from here and keep no copies of their own.
struct PlayerStatus {
  PlayerState state = PlayerState::kClosed;
  std::string error;  // one line for people when state == kError
  // [SECTION] Transport
  double playhead_beat = 0;
  bool playing = false;      // the score advances (false while counting in)
  bool reached_end = false;  // played past the end of the score (no loop)
  bool counting_in = false;
  int count_in_left = 0;  // count-in beats still to come
  bool looping = false;
  double loop_start = 0, loop_end = 0;
  double tempo_bpm = 0;  // the published program's tempo (0 = none yet)
  double tempo_scale = 1;
  double length_beats = 0;
  bool clip_playing = false;  // a sound clip (take) is playing back
  double clip_fraction = 0;   // 0..1 of it played
  // [SECTION] Levels and timing
  float peak_left = 0, peak_right = 0;  // linear
  uint64_t xruns = 0;                   // host-reported under/overflows
  uint64_t startup_xruns = 0;           // ... in the stream's first 0.1 s (JACK connecting ports)
  uint64_t late_callbacks = 0;          // buffers our rendering took longer than real time for
  uint64_t callbacks = 0;
  uint64_t frames = 0;
  int buffer_frames = 0;  // the host's latest buffer size
  float max_load = 0;     // worst callback time / buffer duration
  bool recording = false;
  VoiceCensus voices;  // sounding voices by owner, after the latest buffer (debug readout)
};

class LivePlayer {
 public:
  LivePlayer();
  ~LivePlayer();  // closes (an unfinished recording is finished if possible)
  LivePlayer(const LivePlayer&) = delete;
  LivePlayer& operator=(const LivePlayer&) = delete;

  // Opens the output (and optional input) device at its default rate, builds the engine
  // for that rate and starts the stream (silent until Play or a live note). Throws
  // DeviceError with a one-line message (kNoOutputDeviceMessage when there is no device).
  void Open(const PlayerOptions& options);
  // Stops the stream and frees everything (finishing a recording first). Safe to repeat.
  void Close();
  bool IsOpen() const { return stream_ != nullptr; }

  // The settings programs must be prepared with (valid after Open).
  const EngineSettings& Settings() const { return settings_; }
  double SampleRate() const { return settings_.sample_rate; }
  const std::string& DeviceName() const { return device_name_; }
  const std::string& InputDeviceName() const { return input_device_name_; }
  double OutputLatencySeconds() const { return output_latency_; }
  double InputLatencySeconds() const { return input_latency_; }

  // Prepares `events` off the audio thread (this thread; may take a while for big image
  // banks) and publishes the result by atomic pointer swap. The old program is freed later
  // by Poll(). Throws std::runtime_error from PrepareProgram. Requires Open().
  void SetEvents(const Events& events);
  // Publishes an already prepared program (e.g. prepared on a worker thread with
  // Settings()). tempo_bpm and length_beats come from the Events it was built from.
  void PublishProgram(std::shared_ptr<const RenderProgram> program, double tempo_bpm,
                      double length_beats);

  // Transport. Each returns false if the command queue is full (nothing happened).
  // `count_in_beats` > 0: that many clicks (an accented first one) at the score's tempo,
  // sample-accurate, then the score starts one beat after the last click.
  bool Play(int count_in_beats = 0);
  bool Stop();
  bool Seek(double beat);
  bool SetLoop(double start_beat, double end_beat);  // end <= start clears the loop
  bool ClearLoop();
  bool SetTempoScale(double scale);  // 1 = the score's tempo
  bool SetMasterVolume(float gain);  // linear

  // Live audition: the editor sends a stroke while it is drawn. `id` is the caller's
  // handle for the voice (e.g. the stroke number); pitch is a MIDI number (fractional ok),
  // velocity/loudness 0..1. Heard from the next audio buffer on.
  // `loudness` and `pan` as in a GestureEvent (live audition passes StrokePointSound's).
  bool NoteOn(int id, int instrument, double pitch, float velocity, float loudness = 1.0f,
              float pan = 0.0f);
  bool Gesture(int id, double pitch, float loudness);
  bool NoteOff(int id);
  bool AllNotesOff();
  // [midi] The same live commands from the MIDI input thread (its own lock-free ring; see
  // MidiInput). Only one MIDI thread may call it.
  bool SendFromMidi(const Command& command) {
    return renderer_ && renderer_->SendFromMidi(command);
  }
  // [any thread] The transport the audio thread publishes (atomics), for readers on their own
  // threads such as the MIDI clock sender. Null while closed; valid until Close.
  const AudioMeters* Meters() const { return renderer_ ? &renderer_->Meters() : nullptr; }
  // MIDI notes the audio thread started, with the beat each was heard at (AudioRenderer).
  bool PopHeardMidiNote(HeardMidiNote* note) {
    return renderer_ && renderer_->PopHeardMidiNote(note);
  }
  // NoteOn that also arms the latency probe (PlayerStatus has no field; read
  // LastNoteLatencySeconds()). For benchmarks and tests.
  bool NoteOnProbed(int id, int instrument, double pitch, float velocity, float loudness = 1.0f,
                    float pan = 0.0f);
  // Seconds from the last probed NoteOn call to its first non-zero sample in the output
  // buffer; negative until measured.
  double LastNoteLatencySeconds() const;
  // Where in its output buffer that first sample was (frames; the rest of the latency is
  // waiting for the buffer to start). Negative until measured.
  int LastNoteOffsetFrames() const;

  // Scrubbing (the editor's ruler): what sounds at `beat` in `events` plays as live voices,
  // and moving the beat starts and stops notes as it crosses them (ScrubVoices). `events`
  // are those the published program was prepared from; `revision` names them (see
  // ScrubVoices::MoveTo). False if the command queue was full (some changes were lost).
  bool Scrub(const Events& events, uint64_t revision, double beat);
  bool StopScrub();                                        // releases every scrub voice
  int ScrubSounding() const { return scrub_.Sounding(); }  // scrub voices now sounding
  // Commands lost because the queue was full, since Open (debug readout).
  uint64_t DroppedCommands() const { return dropped_commands_; }

  // Plays a recorded take (WAV/FLAC/OGG bytes) beside the score, through this stream.
  // Decodes and resamples here (off the audio thread), then publishes it by pointer swap.
  // Throws std::runtime_error "<label>: <problem>".
  void PlayClip(const std::vector<uint8_t>& bytes, const std::string& label);
  bool StopClip();

  // Starts writing what is played (and the input track, if the player was opened with
  // record_input and options.input_path is set) to files in the background. The input
  // track is shifted by the stream's input+output latency so it lines up with what the
  // player heard. Throws std::runtime_error naming the file.
  void StartRecording(const RecordingOptions& options);
  // Stops, writes the rest and closes the files (atomic rename). Works after a device
  // loss too. Throws std::runtime_error naming the file.
  RecordingSummary StopRecording();
  bool Recording() const { return recorder_ && recorder_->Active(); }

  // Call regularly (each UI frame, or every 10-50 ms): frees programs the audio thread
  // returned, notices a lost device (state becomes kError; playback has stopped) and
  // returns a snapshot of the meters.
  PlayerStatus Poll();

  // [control, only while closed] Test hook run on the audio thread after each buffer.
  void SetAudioThreadTestHook(void (*hook)(void*), void* context);

 private:
  static int Callback(const void* input, void* output, unsigned long frames,
                      const PaStreamCallbackTimeInfo* time_info, unsigned long status_flags,
                      void* self);
  static void Finished(void* self);
  bool Send(const Command& command);
  bool CheckDeviceLost();  // updates state_/error_; true once the device is lost

  std::unique_ptr<PortAudioSession> session_;
  std::unique_ptr<Recorder> recorder_;
  std::unique_ptr<AudioRenderer> renderer_;
  PaStream* stream_ = nullptr;
  EngineSettings settings_;
  std::string device_name_, input_device_name_;
  int output_channels_ = 2;
  int input_channels_ = 0;
  double output_latency_ = 0, input_latency_ = 0;
  std::atomic<bool> stream_finished_{false};
  PlayerState state_ = PlayerState::kClosed;
  bool device_lost_ = false;
  std::string error_;
  uint64_t watchdog_callbacks_ = 0;
  int64_t watchdog_since_ns_ = 0;
  ScrubVoices scrub_;
  uint64_t dropped_commands_ = 0;
  std::vector<Command> scrub_commands_;  // reused: scrubbing allocates only while it grows
  void (*test_hook_)(void*) = nullptr;
  void* test_context_ = nullptr;
};

}  // namespace graphony
