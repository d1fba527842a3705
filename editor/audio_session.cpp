// AudioSession: lazy device opening, background re-interpretation and program publishing.
#include "audio_session.h"

#include <chrono>

#include "interpret/interpret.h"
#include "playback_prepare.h"
#include "synth/engine.h"
#include "synth/score_settings.h"
#include "text/ui_text.h"

namespace graphony::editor {

namespace {

// Painting produces a new revision every stroke; preparing more often than this only
// burns the old laptop's second core.
constexpr double kMinPrepareInterval = 0.12;

}  // namespace

AudioSession::AudioSession() {
  worker_ = std::thread([this] { WorkerLoop(); });
}

AudioSession::~AudioSession() {
  StopWorker();
  if (player_) player_->Close();
}

void AudioSession::StopWorker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    quit_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

bool AudioSession::EnsureOpen() {
  if (player_ && player_->IsOpen()) return true;
  if (tried_open_) return false;  // Reopen() (audio settings) tries again
  tried_open_ = true;
  try {
    if (!player_) player_ = std::make_unique<LivePlayer>();
    player_->Open(options_);
    status_ = player_->Poll();
    device_message_.clear();
    player_->SetTempoScale(tempo_scale_);
    player_->SetMasterVolume(volume_);
    if (reopen_loop_end_ > reopen_loop_start_)
      player_->SetLoop(reopen_loop_start_, reopen_loop_end_);
    reopen_loop_start_ = reopen_loop_end_ = 0;
    Invalidate();  // the program must be prepared for this device's sample rate
    return true;
  } catch (const std::exception&) {
    // DeviceError, or PortAudio failing to start at all: the editor keeps working.
    player_.reset();
    device_message_ = _(kNoSoundDeviceText);
    status_ = PlayerStatus{};
    return false;
  }
}

bool AudioSession::Reopen(const PlayerOptions& options) {
  if (status_.looping) {
    reopen_loop_start_ = status_.loop_start;
    reopen_loop_end_ = status_.loop_end;
  }
  if (player_) player_->Close();
  player_.reset();
  options_ = options;
  tried_open_ = false;
  published_revision_ = 0;
  published_events_.reset();
  return EnsureOpen();
}

void AudioSession::Update(const Score& score, uint64_t revision, double now) {
  if (!player_ || !player_->IsOpen()) return;
  // Ask for a new program when the score changed (newest request wins).
  if (revision != requested_revision_ && now - last_request_time_ >= kMinPrepareInterval) {
    Job job;
    job.score = std::make_shared<const Score>(score);
    job.revision = revision;
    job.settings = player_->Settings();  // the worker adds the score's (EngineSettingsForScore)
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_ = std::move(job);
    }
    wake_.notify_one();
    requested_revision_ = revision;
    last_request_time_ = now;
  }
  std::optional<Result> result;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    result.swap(result_);
  }
  if (result) answered_revision_ = result->revision;
  if (result && result->program) {
    // An atomic pointer swap on the audio side: playback carries on without a gap.
    player_->PublishProgram(result->program, result->tempo_bpm, result->length_beats);
    published_revision_ = result->revision;
    published_events_ = std::move(result->events);
    last_prepare_ms_ = result->ms;
  } else if (result) {
    prepare_error_ = result->error;  // the old program keeps playing
  }
  status_ = player_->Poll();
  if (status_.state == PlayerState::kError) {
    device_message_ = status_.error.empty() ? _(kNoSoundDeviceText) : status_.error;
  }
}

void AudioSession::WorkerLoop() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return quit_ || job_.has_value(); });
      if (quit_) return;
      job = std::move(*job_);
      job_.reset();
    }
    Result r;
    r.revision = job.revision;
    const auto t0 = std::chrono::steady_clock::now();
    // The cache lives on this thread only: an edit re-analyses just the pictures it changed.
    PreparedPlayback p = PrepareForPlayback(*job.score, job.settings, &interpret_cache_);
    job.score.reset();
    r.program = std::move(p.program);
    r.events = std::move(p.events);
    r.tempo_bpm = p.tempo_bpm;
    r.length_beats = p.length_beats;
    r.error = std::move(p.error);
    r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::lock_guard<std::mutex> lock(mutex_);
    result_ = std::move(r);
  }
}

void AudioSession::Scrub(double beat) {
  if (Available() && published_events_)
    player_->Scrub(*published_events_, published_revision_, beat);
}

bool AudioSession::Sounding() const {
  constexpr float kSilence = 1e-4f;  // -80 dBFS: the output meter has fallen to nothing
  const VoiceCensus& v = status_.voices;
  return Available() && (v.note + v.gesture + v.live + v.unowned + v.bank_groups > 0 ||
                         std::max(status_.peak_left, status_.peak_right) > kSilence);
}

void AudioSession::StopScrub() {
  if (player_) player_->StopScrub();
}

void AudioSession::Play(int count_in_beats) {
  if (!Available()) return;
  // Played to the end: start again rather than sit silently at the end.
  if (status_.reached_end && !Looping()) player_->Seek(0);
  player_->Play(count_in_beats);
  // What the engine will publish, until the next Poll brings it (the command is queued).
  status_.playing = count_in_beats <= 0;
  status_.counting_in = count_in_beats > 0;
  status_.count_in_left = count_in_beats;
}

void AudioSession::Pause() {
  if (!Available()) return;
  player_->Stop();
  status_.playing = status_.counting_in = false;
  status_.count_in_left = 0;
}

void AudioSession::Stop() {
  if (!Available()) return;
  player_->Stop();
  player_->AllNotesOff();
  const double home = Looping() ? status_.loop_start : 0.0;
  player_->Seek(home);
  status_.playing = status_.counting_in = false;
  status_.count_in_left = 0;
  status_.playhead_beat = home;
}

void AudioSession::Seek(double beat) {
  if (!Available()) return;
  player_->Seek(beat < 0 ? 0 : beat);
  status_.playhead_beat = beat < 0 ? 0 : beat;
}

void AudioSession::SetLoop(double start_beat, double end_beat) {
  if (!Available()) return;
  if (end_beat > start_beat)
    player_->SetLoop(start_beat, end_beat);
  else
    player_->ClearLoop();
}

void AudioSession::SetTempoScale(double scale) {
  tempo_scale_ = scale;
  if (Available()) player_->SetTempoScale(scale);
}

void AudioSession::SetMasterVolume(float gain) {
  volume_ = gain;
  if (Available()) player_->SetMasterVolume(gain);
}

}  // namespace graphony::editor
