// LivePlayer: PortAudio stream set-up, program publication, recording and device-loss
// watch (see live_player.h for the thread rules).
#include "realtime/live_player.h"

#include <portaudio.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

namespace graphony {

namespace {

// A running stream whose callback has not run for this long has lost its device (JACK
// server gone, USB unplugged) even if the host has not said so.
constexpr int64_t kWatchdogNs = 2'000'000'000;
// How long StopRecording waits for the audio thread to acknowledge the stop.
constexpr auto kRecordStopWait = std::chrono::milliseconds(500);

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string PaMessage(const std::string& what, PaError err) {
  std::string msg = what + ": " + Pa_GetErrorText(err);
  if (err == paUnanticipatedHostError) {
    const PaHostErrorInfo* info = Pa_GetLastHostErrorInfo();
    if (info && info->errorText && *info->errorText)
      msg += std::string(" (") + info->errorText + ")";
  }
  return msg;
}

}  // namespace

LivePlayer::LivePlayer() = default;

LivePlayer::~LivePlayer() {
  try {
    Close();
  } catch (...) {
    // A destructor must not throw; Close() already discarded what it could not save.
  }
}

void LivePlayer::Open(const PlayerOptions& options) {
  Close();
  session_ = std::make_unique<PortAudioSession>();
  try {
    const DeviceInfo out = FindDevice(options.output_device, DeviceDirection::kOutput);
    DeviceInfo in;
    if (options.record_input) in = FindDevice(options.input_device, DeviceDirection::kInput);

    settings_ = options.engine;
    settings_.sample_rate = out.default_sample_rate > 0 ? out.default_sample_rate : 48000;
    device_name_ = out.name;
    input_device_name_ = options.record_input ? in.name : "";
    output_channels_ = std::min(2, out.max_output_channels);
    input_channels_ = options.record_input ? std::min(2, in.max_input_channels) : 0;

    PaStreamParameters out_params{};
    out_params.device = out.index;
    out_params.channelCount = output_channels_;
    out_params.sampleFormat = paFloat32;
    out_params.suggestedLatency = out.default_low_output_latency;
    PaStreamParameters in_params{};
    if (input_channels_ > 0) {
      in_params.device = in.index;
      in_params.channelCount = input_channels_;
      in_params.sampleFormat = paFloat32;
      in_params.suggestedLatency = in.default_low_input_latency;
    }

    recorder_ = std::make_unique<Recorder>(settings_.sample_rate, input_channels_,
                                           options.record_ring_seconds);
    renderer_ = std::make_unique<AudioRenderer>(settings_, recorder_.get());
    renderer_->SetTestHook(test_hook_, test_context_);
    renderer_->AttachLink(options.link);

    const unsigned long fpb = options.frames_per_buffer > 0
                                  ? static_cast<unsigned long>(options.frames_per_buffer)
                                  : paFramesPerBufferUnspecified;
    PaStream* stream = nullptr;
    PaError err = Pa_OpenStream(&stream, input_channels_ > 0 ? &in_params : nullptr, &out_params,
                                settings_.sample_rate, fpb, paClipOff, &LivePlayer::Callback, this);
    if (err != paNoError) throw DeviceError(PaMessage("cannot open \"" + out.name + "\"", err));
    stream_ = stream;
    stream_finished_.store(false);
    Pa_SetStreamFinishedCallback(stream_, &LivePlayer::Finished);
    if (const PaStreamInfo* info = Pa_GetStreamInfo(stream_)) {
      output_latency_ = info->outputLatency;
      input_latency_ = info->inputLatency;
    }
    err = Pa_StartStream(stream_);
    if (err != paNoError) throw DeviceError(PaMessage("cannot start \"" + out.name + "\"", err));
  } catch (...) {
    Close();
    throw;
  }
  state_ = PlayerState::kRunning;
  error_.clear();
  watchdog_callbacks_ = 0;
  watchdog_since_ns_ = NowNs();
}

void LivePlayer::Close() {
  CheckDeviceLost();
  if (recorder_ && recorder_->Active()) {
    try {
      StopRecording();
    } catch (...) {
      recorder_->Abort();
    }
  }
  if (device_lost_) {
    // PortAudio's JACK backend asserts (aborts the program) when a stream whose server has
    // gone is stopped or closed, and Pa_Terminate closes open streams. So after a device
    // loss the stream, engine and rings are deliberately leaked (a few MB, once): a
    // crash would lose the person's work, the leak loses nothing.
    stream_ = nullptr;
    (void)renderer_.release();
    (void)recorder_.release();
    (void)session_.release();
  }
  if (stream_) {
    // Abort, not Stop: there is nothing left worth waiting for.
    Pa_AbortStream(stream_);
    Pa_CloseStream(stream_);
    stream_ = nullptr;
  }
  scrub_.Release(&scrub_commands_);  // its voices went with the engine
  renderer_.reset();  // the callback can no longer run: safe to free programs and engine
  recorder_.reset();
  session_.reset();
  state_ = PlayerState::kClosed;
  device_lost_ = false;
}

bool LivePlayer::CheckDeviceLost() {
  if (state_ != PlayerState::kRunning || !stream_ || !renderer_) return device_lost_;
  const int64_t now = NowNs();
  const uint64_t callbacks = renderer_->Meters().callbacks.load(std::memory_order_acquire);
  if (callbacks != watchdog_callbacks_) {
    watchdog_callbacks_ = callbacks;
    watchdog_since_ns_ = now;
  }
  if (stream_finished_.load(std::memory_order_acquire) || Pa_IsStreamActive(stream_) != 1 ||
      now - watchdog_since_ns_ > kWatchdogNs) {
    device_lost_ = true;
    state_ = PlayerState::kError;
    error_ = "the sound device \"" + device_name_ + "\" stopped working; playback stopped";
  }
  return device_lost_;
}

int LivePlayer::Callback(const void* input, void* output, unsigned long frames,
                         const PaStreamCallbackTimeInfo*, unsigned long status_flags, void* self) {
  auto* player = static_cast<LivePlayer*>(self);
  const bool xrun = (status_flags & (paOutputUnderflow | paOutputOverflow | paInputOverflow |
                                     paInputUnderflow)) != 0;
  player->renderer_->Process(static_cast<const float*>(input), static_cast<float*>(output),
                             player->output_channels_, static_cast<int>(frames), xrun);
  return paContinue;
}

void LivePlayer::Finished(void* self) {
  static_cast<LivePlayer*>(self)->stream_finished_.store(true, std::memory_order_release);
}

bool LivePlayer::Send(const Command& command) {
  const bool ok = renderer_ && renderer_->Send(command);
  if (renderer_ && !ok) ++dropped_commands_;
  return ok;
}

void LivePlayer::SetEvents(const Events& events) {
  if (!renderer_) throw std::runtime_error("the player is not open");
  PublishProgram(PrepareProgram(events, settings_), events.tempo_bpm, events.length_beats);
}

void LivePlayer::PublishProgram(std::shared_ptr<const RenderProgram> program, double tempo_bpm,
                                double length_beats) {
  if (!renderer_) throw std::runtime_error("the player is not open");
  auto published = std::make_unique<PublishedProgram>();
  published->program = std::move(program);
  published->tempo_bpm = tempo_bpm > 0 ? tempo_bpm : 120;
  published->length_beats = length_beats;
  renderer_->Publish(std::move(published));
}

bool LivePlayer::Play(int count_in_beats) { return Send(Command::Play(count_in_beats)); }
bool LivePlayer::Stop() { return Send(Command::Stop()); }
bool LivePlayer::Seek(double beat) { return Send(Command::Seek(beat)); }
bool LivePlayer::SetLoop(double start_beat, double end_beat) {
  return Send(end_beat > start_beat ? Command::SetLoop(start_beat, end_beat)
                                    : Command::ClearLoop());
}
bool LivePlayer::ClearLoop() { return Send(Command::ClearLoop()); }
bool LivePlayer::SetTempoScale(double scale) { return Send(Command::TempoScale(scale)); }
bool LivePlayer::SetMasterVolume(float gain) { return Send(Command::MasterVolume(gain)); }
bool LivePlayer::NoteOn(int id, int instrument, double pitch, float velocity, float loudness,
                        float pan) {
  return Send(Command::NoteOn(id, instrument, pitch, velocity, loudness, pan));
}
bool LivePlayer::Gesture(int id, double pitch, float loudness) {
  return Send(Command::Gesture(id, pitch, loudness));
}
bool LivePlayer::NoteOff(int id) { return Send(Command::NoteOff(id)); }
bool LivePlayer::AllNotesOff() { return Send(Command::AllNotesOff()); }

bool LivePlayer::Scrub(const Events& events, uint64_t revision, double beat) {
  bool ok = true;
  for (const Command& c : scrub_.MoveTo(events, revision, beat, &scrub_commands_))
    ok = Send(c) && ok;
  return ok;
}

bool LivePlayer::StopScrub() {
  bool ok = true;
  for (const Command& c : scrub_.Release(&scrub_commands_)) ok = Send(c) && ok;
  return ok;
}

void LivePlayer::PlayClip(const std::vector<uint8_t>& bytes, const std::string& label) {
  if (!renderer_) throw std::runtime_error("the player is not open");
  renderer_->PublishClip(PrepareSoundClip(bytes, settings_.sample_rate, label));
}

bool LivePlayer::StopClip() { return Send(Command::StopClip()); }

bool LivePlayer::NoteOnProbed(int id, int instrument, double pitch, float velocity, float loudness,
                              float pan) {
  Command c = Command::NoteOn(id, instrument, pitch, velocity, loudness, pan);
  c.sent_ns = NowNs();
  return Send(c);
}

double LivePlayer::LastNoteLatencySeconds() const {
  if (!renderer_) return -1;
  const int64_t ns = renderer_->Meters().probe_latency_ns.load(std::memory_order_relaxed);
  return ns < 0 ? -1 : ns * 1e-9;
}

int LivePlayer::LastNoteOffsetFrames() const {
  return renderer_ ? renderer_->Meters().probe_offset_frames.load(std::memory_order_relaxed) : -1;
}

void LivePlayer::StartRecording(const RecordingOptions& options) {
  if (!renderer_ || !stream_) throw std::runtime_error("the player is not open");
  if (recorder_->Active()) throw std::runtime_error("already recording");
  RecordingOptions opts = options;
  if (input_channels_ == 0) opts.input_path.clear();
  const auto skip =
      static_cast<int64_t>(std::lround((input_latency_ + output_latency_) * settings_.sample_rate));
  recorder_->Begin(opts, skip);
  if (!Send(Command::StartRecording(options.when_playing_starts))) {
    recorder_->Abort();
    throw std::runtime_error("the player is busy; try again");
  }
}

RecordingSummary LivePlayer::StopRecording() {
  if (!recorder_ || !recorder_->Active()) throw std::runtime_error("not recording");
  const AudioMeters& m = renderer_->Meters();
  const uint64_t sent_at = m.callbacks.load(std::memory_order_acquire);
  if (Send(Command::StopRecording())) {
    // Commands are handled in order at the start of a buffer; once two more buffers have
    // completed (one may have been under way while we sent), the stop has been seen.
    const auto deadline = std::chrono::steady_clock::now() + kRecordStopWait;
    while (std::chrono::steady_clock::now() < deadline &&
           m.callbacks.load(std::memory_order_acquire) < sent_at + 2)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  // If the device is gone or stalled the stop is never seen. The stream is not stopped here
  // (see Close()); a stalled callback that wakes up later only pushes into rings the writer
  // no longer reads, and the next take starts by emptying them.
  return recorder_->Finish(m.record_start_beat.load());
}

PlayerStatus LivePlayer::Poll() {
  PlayerStatus s;
  if (!renderer_) return s;
  renderer_->CollectReturned();
  const AudioMeters& m = renderer_->Meters();
  CheckDeviceLost();
  const uint64_t callbacks = m.callbacks.load(std::memory_order_acquire);
  s.state = state_;
  s.error = error_;
  s.playhead_beat = m.playhead_beat.load(std::memory_order_relaxed);
  s.playing = m.playing.load(std::memory_order_relaxed) && state_ == PlayerState::kRunning;
  s.reached_end = m.reached_end.load(std::memory_order_relaxed);
  s.counting_in = m.counting_in.load(std::memory_order_relaxed);
  s.count_in_left = m.count_in_left.load(std::memory_order_relaxed);
  s.looping = m.looping.load(std::memory_order_relaxed);
  s.loop_start = m.loop_start.load(std::memory_order_relaxed);
  s.loop_end = m.loop_end.load(std::memory_order_relaxed);
  s.tempo_bpm = m.tempo_bpm.load(std::memory_order_relaxed);
  s.tempo_scale = m.tempo_scale.load(std::memory_order_relaxed);
  s.length_beats = m.length_beats.load(std::memory_order_relaxed);
  s.clip_playing = m.clip_playing.load(std::memory_order_relaxed);
  const int64_t clip_frames = m.clip_frames.load(std::memory_order_relaxed);
  s.clip_fraction = clip_frames > 0
                        ? static_cast<double>(m.clip_position.load(std::memory_order_relaxed)) /
                              static_cast<double>(clip_frames)
                        : 0.0;
  s.peak_left = m.peak_left.load(std::memory_order_relaxed);
  s.peak_right = m.peak_right.load(std::memory_order_relaxed);
  s.xruns = m.xruns.load(std::memory_order_relaxed);
  s.startup_xruns = m.startup_xruns.load(std::memory_order_relaxed);
  s.late_callbacks = m.late_callbacks.load(std::memory_order_relaxed);
  s.callbacks = callbacks;
  s.frames = m.frames.load(std::memory_order_relaxed);
  s.buffer_frames = m.last_buffer_frames.load(std::memory_order_relaxed);
  s.max_load = m.max_load.load(std::memory_order_relaxed);
  s.recording = Recording();
  s.voices.note = m.voices_note.load(std::memory_order_relaxed);
  s.voices.gesture = m.voices_gesture.load(std::memory_order_relaxed);
  s.voices.live = m.voices_live.load(std::memory_order_relaxed);
  s.voices.unowned = m.voices_unowned.load(std::memory_order_relaxed);
  s.voices.bank_groups = m.bank_groups.load(std::memory_order_relaxed);
  return s;
}

void LivePlayer::SetAudioThreadTestHook(void (*hook)(void*), void* context) {
  test_hook_ = hook;
  test_context_ = context;
  if (renderer_ && !stream_) renderer_->SetTestHook(hook, context);
}

}  // namespace graphony
