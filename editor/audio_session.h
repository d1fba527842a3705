// The editor's sound: owns the LivePlayer, re-interprets the score on a worker thread after
// edits and publishes the prepared program, so the UI thread never waits for audio work.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/i18n.h"
#include "core/score.h"
#include "interpret/interpret.h"
#include "realtime/live_player.h"

namespace graphony::editor {

// Shown in the status bar when nothing can play; painting, saving and export still work.
inline constexpr const char* kNoSoundDeviceText =
    N_("No sound device \u2014 you can still paint, save and export");  // _() where shown

// Thread rules: every public function is [UI]. The worker thread is private: it runs
// Interpret + PrepareProgram on a copy of the score and hands the result back under a mutex.
class AudioSession {
 public:
  AudioSession();
  ~AudioSession();
  AudioSession(const AudioSession&) = delete;
  AudioSession& operator=(const AudioSession&) = delete;

  // Opens the device if it is not open yet (lazily, the first time sound is wanted).
  // Never throws: on failure DeviceMessage() says why and Available() is false.
  bool EnsureOpen();
  // Closes and opens again with new options (audio settings). Keeps the current program.
  bool Reopen(const PlayerOptions& options);
  bool Available() const {
    return player_ && player_->IsOpen() && status_.state == PlayerState::kRunning;
  }
  // One line for people ("" when the device works).
  const std::string& DeviceMessage() const { return device_message_; }
  const PlayerOptions& Options() const { return options_; }

  // Each frame: schedules re-interpretation when `revision` changed (at most every
  // kMinPrepareInterval seconds while edits keep coming), publishes finished programs, polls.
  void Update(const Score& score, uint64_t revision, double now);
  // Forces the next Update to prepare (after reopening or a file switch).
  void Invalidate() { requested_revision_ = 0; }
  const PlayerStatus& Status() const { return status_; }
  bool ProgramReady() const { return published_revision_ != 0; }
  // A newer score is being prepared (keep polling so it is published promptly).
  bool Preparing() const {
    return player_ && player_->IsOpen() && requested_revision_ != answered_revision_;
  }
  uint64_t PublishedRevision() const { return published_revision_; }
  double LastPrepareMs() const { return last_prepare_ms_; }
  // Why the last preparation failed (e.g. a sampler file that cannot be read), once; "" if none.
  std::string TakePrepareError() {
    std::string e;
    e.swap(prepare_error_);
    return e;
  }

  // Transport; all no-ops without a device. Play starts from the playhead, after
  // `count_in_beats` clicks from the engine (0 = at once). The state shown comes from the
  // engine's published status (Status()); nothing here keeps its own copy.
  void Play(int count_in_beats = 0);
  void Pause();
  void Stop();  // stops and returns to the loop start (or 0)
  void Seek(double beat);
  void SetLoop(double start_beat, double end_beat);  // end <= start clears it
  bool Looping() const { return status_.looping; }
  bool CountingIn() const { return status_.counting_in; }
  void SetTempoScale(double scale);
  void SetMasterVolume(float gain);
  bool Playing() const { return status_.playing; }

  // Scrubbing (the ruler held down): what is under `beat` in the published program sounds
  // until StopScrub. No-ops without a device or program.
  void Scrub(double beat);
  void StopScrub();
  int ScrubSounding() const { return player_ ? player_->ScrubSounding() : 0; }
  // Something is still heard (a voice or picture bank, or the output meter above silence):
  // a release tail after a scrub, an audition or a pause. The editor keeps polling until it
  // ends, so its readouts (and the debug status) do not freeze on the tail's last value.
  bool Sounding() const;

  // The player for live audition and recording (null when there is no device).
  LivePlayer* Player() { return Available() ? player_.get() : nullptr; }

 private:
  struct Job {
    std::shared_ptr<const Score> score;
    uint64_t revision = 0;
    EngineSettings settings;
  };
  struct Result {
    std::shared_ptr<const RenderProgram> program;
    std::shared_ptr<const Events> events;
    double tempo_bpm = 72, length_beats = 0;
    uint64_t revision = 0;
    double ms = 0;
    std::string error;
  };
  void WorkerLoop();
  void StopWorker();

  std::unique_ptr<LivePlayer> player_;
  PlayerOptions options_;
  PlayerStatus status_;
  std::string device_message_;
  std::string prepare_error_;
  bool tried_open_ = false;
  double tempo_scale_ = 1;
  float volume_ = 1;
  // The loop to set again on a reopened device (the old stream's transport is gone).
  double reopen_loop_start_ = 0, reopen_loop_end_ = 0;

  std::shared_ptr<const Events> published_events_;  // the published program's (scrubbing)

  uint64_t requested_revision_ = 0;
  uint64_t published_revision_ = 0;
  uint64_t answered_revision_ = 0;  // the last revision the worker finished (program or error)
  double last_request_time_ = -1e9;
  double last_prepare_ms_ = 0;

  std::thread worker_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<Job> job_;        // only the newest request waits; older ones are dropped
  std::optional<Result> result_;  // the newest finished program
  bool quit_ = false;
  InterpretCache interpret_cache_;  // [worker] only
};

}  // namespace graphony::editor
