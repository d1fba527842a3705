// AudioSession: lazy device opening, background re-interpretation and program publishing.
#include "audio_session.h"

#include <chrono>

#include "interpret/interpret.h"
#include "synth/engine.h"

namespace graphony::editor {

namespace {

// Painting produces a new revision every stroke; preparing more often than this only
// burns the old laptop's second core.
constexpr double kMinPrepareInterval = 0.12;

}  // namespace

AudioSession::AudioSession() { worker_ = std::thread([this] { WorkerLoop(); }); }

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
    if (Looping()) player_->SetLoop(loop_start_, loop_end_);
    Invalidate();  // the program must be prepared for this device's sample rate
    return true;
  } catch (const std::exception&) {
    // DeviceError, or PortAudio failing to start at all: the editor keeps working.
    player_.reset();
    device_message_ = kNoSoundDeviceText;
    status_ = PlayerStatus{};
    return false;
  }
}

bool AudioSession::Reopen(const PlayerOptions& options) {
  if (player_) player_->Close();
  player_.reset();
  options_ = options;
  tried_open_ = false;
  published_revision_ = 0;
  return EnsureOpen();
}

void AudioSession::Update(const Score& score, uint64_t revision, double now) {
  if (!player_ || !player_->IsOpen()) return;
  // Ask for a new program when the score changed (newest request wins).
  if (revision != requested_revision_ && now - last_request_time_ >= kMinPrepareInterval) {
    Job job;
    job.score = std::make_shared<const Score>(score);
    job.revision = revision;
    job.settings = player_->Settings();
    job.settings.assets = score.assets;  // sampler instruments look in the bundle first
    job.settings.normalise_loudness = true;  // the same R128 gain as `graphony-cli render`
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
    last_prepare_ms_ = result->ms;
  } else if (result) {
    prepare_error_ = result->error;  // the old program keeps playing
  }
  status_ = player_->Poll();
  if (status_.state == PlayerState::kError) {
    device_message_ = status_.error.empty() ? kNoSoundDeviceText : status_.error;
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
    try {
      const Events events = Interpret(*job.score);
      job.score.reset();
      r.program = PrepareProgram(events, job.settings);
      r.tempo_bpm = events.tempo_bpm;
      r.length_beats = events.length_beats;
    } catch (const std::exception& e) {
      r.error = e.what();
    }
    r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::lock_guard<std::mutex> lock(mutex_);
    result_ = std::move(r);
  }
}

void AudioSession::Play() {
  if (!Available()) return;
  // Played to the end: start again rather than sit silently at the end.
  if (status_.reached_end && !Looping()) player_->Seek(0);
  player_->Play();
  status_.playing = true;  // until the next Poll confirms it
}

void AudioSession::Pause() {
  if (!Available()) return;
  player_->Stop();
  status_.playing = false;
}

void AudioSession::Stop() {
  if (!Available()) return;
  player_->Stop();
  player_->AllNotesOff();
  const double home = Looping() ? loop_start_ : 0.0;
  player_->Seek(home);
  status_.playing = false;
  status_.playhead_beat = home;
}

void AudioSession::Seek(double beat) {
  if (!Available()) return;
  player_->Seek(beat < 0 ? 0 : beat);
  status_.playhead_beat = beat < 0 ? 0 : beat;
}

void AudioSession::SetLoop(double start_beat, double end_beat) {
  loop_start_ = start_beat;
  loop_end_ = end_beat > start_beat ? end_beat : start_beat;
  if (!Available()) return;
  if (Looping()) player_->SetLoop(loop_start_, loop_end_);
  else player_->ClearLoop();
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
