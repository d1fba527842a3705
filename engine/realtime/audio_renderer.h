// The audio thread's side of live playback, independent of PortAudio: drains the command
// ring, adopts newly published programs and sound clips, renders through SynthEngine in
// bounded chunks (any host buffer size), and hosts the one transport (play, pause, seek,
// loop, count-in, end of score) with sample-accurate timing; meters; feeds the recorder.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "realtime/count_in_click.h"
#include "realtime/sound_clip.h"
#include "realtime/spsc_ring.h"
#include "realtime/transport_command.h"
#include "synth/engine.h"

namespace graphony {

class LinkSync;
class Recorder;

// A program plus the facts the audio thread needs about it. Built and freed on the control
// thread; the audio thread only reads it between adoption and hand-back.
struct PublishedProgram {
  std::shared_ptr<const RenderProgram> program;
  double tempo_bpm = 120;
  double length_beats = 0;
};

// What the audio thread reports. Every field is written by the audio thread only, once per
// buffer. The transport fields are the one published copy of the transport's state: UIs
// read them (through LivePlayer::Poll) instead of keeping their own.
struct AudioMeters {
  // [SECTION] Transport
  std::atomic<double> playhead_beat{0};
  std::atomic<bool> playing{false};      // scheduled events advance (false while counting in)
  std::atomic<bool> reached_end{false};  // playing without a loop and past length_beats
  std::atomic<bool> counting_in{false};
  std::atomic<int> count_in_left{0};  // beats of the count-in still to come (0 = none)
  std::atomic<bool> looping{false};
  std::atomic<double> loop_start{0}, loop_end{0};
  std::atomic<double> tempo_bpm{0};  // the program's tempo (0 = no program yet)
  std::atomic<double> tempo_scale{1};
  std::atomic<double> length_beats{0};
  // [SECTION] Sound clip (a take played back)
  std::atomic<bool> clip_playing{false};
  std::atomic<int64_t> clip_position{0}, clip_frames{0};
  // [SECTION] Levels and timing
  std::atomic<float> peak_left{0}, peak_right{0};  // linear, with a 300 ms fall
  std::atomic<uint64_t> xruns{0};                  // host-reported under/overflows once running
  // Host xruns flagged during the stream's first 0.1 s. JACK reports one while it connects
  // a new client's ports (Csound sees the same one); counted apart so they stay visible.
  std::atomic<uint64_t> startup_xruns{0};
  std::atomic<uint64_t> late_callbacks{0};  // callbacks that took longer than their buffer
  std::atomic<uint64_t> callbacks{0};
  std::atomic<uint64_t> frames{0};  // frames rendered since the stream started
  std::atomic<int> last_buffer_frames{0};
  std::atomic<float> max_load{0};      // worst callback time / buffer duration
  std::atomic<bool> recording{false};  // acknowledges kStart/kStopRecording
  std::atomic<double> record_start_beat{0};
  // Voices sounding after the last buffer, by owner (SynthEngine::Census; debug readout).
  std::atomic<int> voices_note{0}, voices_gesture{0}, voices_live{0}, voices_unowned{0};
  std::atomic<int> bank_groups{0};
  std::atomic<int64_t> probe_latency_ns{-1};  // note-on -> first non-zero sample (latency probe)
  std::atomic<int> probe_offset_frames{-1};   // where in its buffer that sample was
};

// A note the MIDI input started, as the transport heard it: the beat at the start of the
// buffer it began sounding in (audio -> control, for writing a take's notes as taps).
struct HeardMidiNote {
  int id = 0;          // the Command's voice id
  int instrument = 0;  // palette index it played with
  float velocity = 0;
  double beat = 0;
  bool playing = false;  // the transport was playing (else the beat means nothing)
};

class AudioRenderer {
 public:
  // [control] Builds the engine (which allocates all it needs) and the queues. `recorder`
  // may be null (no recording) and must outlive the renderer.
  AudioRenderer(const EngineSettings& settings, Recorder* recorder, size_t command_capacity = 1024);
  // [control] Only once the audio thread can no longer call Process().
  ~AudioRenderer();
  AudioRenderer(const AudioRenderer&) = delete;
  AudioRenderer& operator=(const AudioRenderer&) = delete;

  // [control] Queues a command; false if the queue is full (the command is dropped).
  bool Send(const Command& command);
  // [midi] The MIDI input thread's own ring (single producer, like commands_): live notes
  // from a keyboard reach the audio thread without sharing the control thread's queue.
  bool SendFromMidi(const Command& command);
  // [control] Publishes a program by atomic pointer swap. A program published before the
  // audio thread adopted the previous one replaces it (the unseen one is freed here).
  void Publish(std::unique_ptr<PublishedProgram> program);
  // [control] Publishes a sound clip (prepared with PrepareSoundClip at SampleRate()) by
  // pointer swap; it plays from its start once adopted, mixed after the score (not through
  // the limiter: a take is already limited). Stop it with Command::StopClip().
  void PublishClip(std::unique_ptr<SoundClip> clip);
  // [control] Frees the programs and clips the audio thread handed back. Call regularly.
  void CollectReturned();

  // [audio] Renders `frames` frames into `output` (interleaved, `output_channels` >= 1).
  // `input` (interleaved, may be null) is recorded when an input track is being recorded.
  // `host_xrun` = the host reported an underflow/overflow before this buffer.
  void Process(const float* input, float* output, int output_channels, int frames, bool host_xrun);

  // [control] Lets Ableton Link steer the transport (tempo, beat phase, start/stop). Set
  // it only while the audio thread is not running; `link` must outlive the renderer.
  void AttachLink(LinkSync* link) { link_ = link; }

  // [control or audio] Optional test hook called at the end of every Process(), on the
  // audio thread. Set it only while the audio thread is not running.
  void SetTestHook(void (*hook)(void*), void* context) {
    test_hook_ = hook;
    test_context_ = context;
  }

  // [any] What the audio thread reports.
  const AudioMeters& Meters() const { return meters_; }
  // [control] MIDI notes started, with the beat they were heard at; false when none waits.
  // Only one control thread may read them. Unread ones are dropped when the ring is full.
  bool PopHeardMidiNote(HeardMidiNote* note) { return heard_midi_.Pop(*note); }
  double SampleRate() const { return sample_rate_; }

 private:
  void HandleCommand(const Command& c);
  void AdoptPendingProgram();
  void AdoptPendingClip();
  void StartCountIn(int beats);
  void StartPlaying(int64_t frame);  // the transport starts (at once or after the count-in)
  void StartRecordingNow(bool playing_starts_now);
  int FramesUntilLoopEnd();
  void MixClip(int frames);
  void PublishTransport(int64_t end_frame);
  void FollowLink();

  static constexpr int kChunk = 256;  // the engine renders at most this many frames at once

  SynthEngine engine_;
  Recorder* recorder_;
  double sample_rate_;
  SpscRing<Command> commands_;            // control -> audio
  SpscRing<Command> midi_commands_;       // MIDI input thread -> audio
  SpscRing<HeardMidiNote> heard_midi_;    // audio -> control (MIDI notes and their beats)
  SpscRing<PublishedProgram*> returned_;  // audio -> control (programs to free)
  std::atomic<PublishedProgram*> pending_{nullptr};
  SpscRing<SoundClip*> returned_clips_;  // audio -> control (clips to free)
  std::atomic<SoundClip*> pending_clip_{nullptr};

  // Audio-thread state.
  PublishedProgram* current_ = nullptr;
  bool playing_ = false;
  bool loop_on_ = false;
  double loop_start_ = 0, loop_end_ = 0;
  bool loop_seek_pending_ = false;  // jumped back; waiting for the engine to apply it
  double tempo_scale_ = 1;
  float master_gain_ = 1;
  int64_t frame_ = 0;     // frames rendered before this buffer (the clock)
  double seek_beat_ = 0;  // the last seek, until the engine has rendered it
  bool seek_unrendered_ = false;
  // Count-in: clicks at exact frames, then the transport starts on an engine block edge.
  CountInClick click_;
  bool counting_in_ = false;
  int count_in_beats_ = 0;
  int64_t count_in_start_ = 0, count_in_end_ = 0;  // absolute frames
  double count_in_beat_frames_ = 0;
  SoundClip* clip_ = nullptr;
  int64_t clip_pos_ = 0;
  bool recording_ = false;
  bool record_on_play_ = false;  // armed: recording starts with the transport
  int record_from_frame_ = 0;    // where in this buffer recording started (input track)
  bool record_start_pending_ = false;
  bool probe_armed_ = false;
  int64_t probe_sent_ns_ = 0;
  int64_t callback_start_ns_ = 0;
  float peak_left_ = 0, peak_right_ = 0;
  alignas(64) float left_[kChunk];
  alignas(64) float right_[kChunk];
  alignas(64) float stereo_[2 * kChunk];
  AudioMeters meters_;
  // Ableton Link (null unless asked for): local tempo and play/stop to share with peers.
  LinkSync* link_ = nullptr;
  double link_request_tempo_ = 0;
  int link_request_playing_ = 0;
  double link_rate_ = 1;  // the glide that closes the phase gap, on top of tempo_scale_
  void (*test_hook_)(void*) = nullptr;
  void* test_context_ = nullptr;
};

}  // namespace graphony
