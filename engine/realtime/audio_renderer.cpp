// The audio thread's render loop (see audio_renderer.h). Nothing in Process() allocates,
// locks, logs or touches files; audio_thread.h's trap checks that in tests.
#include "realtime/audio_renderer.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "realtime/audio_thread.h"
#include "realtime/link_sync.h"
#include "realtime/recorder.h"
#include "synth/dsp.h"

namespace graphony {

namespace {

constexpr size_t kReturnedCapacity = 16;
constexpr int kMaxCommandsPerBuffer = 1024;  // bounds the time one buffer spends on commands
constexpr double kPeakFallSeconds = 0.3;
constexpr double kStartupSeconds = 0.1;  // see AudioMeters::startup_xruns
constexpr float kSilence = 1e-6f;        // "non-zero" for the latency probe
constexpr double kDefaultTempo = 120;    // count-in tempo before any program arrived

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

AudioRenderer::AudioRenderer(const EngineSettings& settings, Recorder* recorder,
                             size_t command_capacity)
    : engine_(settings),
      recorder_(recorder),
      sample_rate_(settings.sample_rate),
      commands_(command_capacity),
      midi_commands_(command_capacity),
      heard_midi_(command_capacity),
      returned_(kReturnedCapacity),
      returned_clips_(kReturnedCapacity) {
  engine_.SetPlaying(false);
  click_.Init(sample_rate_);
  master_gain_ = settings.master_gain;
}

AudioRenderer::~AudioRenderer() {
  engine_.SetProgram(nullptr);
  delete current_;
  delete pending_.exchange(nullptr);
  delete clip_;
  delete pending_clip_.exchange(nullptr);
  CollectReturned();
}

bool AudioRenderer::Send(const Command& command) { return commands_.Push(command); }
bool AudioRenderer::SendFromMidi(const Command& command) { return midi_commands_.Push(command); }

void AudioRenderer::Publish(std::unique_ptr<PublishedProgram> program) {
  // The exchange decides ownership: whatever was pending was never seen by the audio thread.
  delete pending_.exchange(program.release(), std::memory_order_acq_rel);
}

void AudioRenderer::PublishClip(std::unique_ptr<SoundClip> clip) {
  delete pending_clip_.exchange(clip.release(), std::memory_order_acq_rel);
}

void AudioRenderer::CollectReturned() {
  PublishedProgram* p = nullptr;
  while (returned_.Pop(p)) delete p;
  SoundClip* c = nullptr;
  while (returned_clips_.Pop(c)) delete c;
}

void AudioRenderer::AdoptPendingClip() {
  if (pending_clip_.load(std::memory_order_relaxed) == nullptr) return;
  if (clip_ && returned_clips_.WriteAvailable() == 0) return;
  SoundClip* c = pending_clip_.exchange(nullptr, std::memory_order_acq_rel);
  if (!c) return;
  if (clip_) returned_clips_.Push(clip_);
  clip_ = c;
  clip_pos_ = 0;
}

void AudioRenderer::AdoptPendingProgram() {
  if (pending_.load(std::memory_order_relaxed) == nullptr) return;
  // Only adopt when the old one can be handed back; otherwise try again next buffer.
  if (current_ && returned_.WriteAvailable() == 0) return;
  PublishedProgram* p = pending_.exchange(nullptr, std::memory_order_acq_rel);
  if (!p) return;
  engine_.SetProgram(p->program.get());
  if (current_) returned_.Push(current_);
  current_ = p;
}

void AudioRenderer::HandleCommand(const Command& c) {
  switch (c.type) {
    case CommandType::kPlay:
      link_request_playing_ = 1;
      if (playing_ || counting_in_) break;
      meters_.reached_end.store(false, std::memory_order_relaxed);
      if (c.id > 0)
        StartCountIn(c.id);
      else
        StartPlaying(frame_);
      break;
    case CommandType::kStop:
      link_request_playing_ = -1;
      playing_ = false;
      counting_in_ = false;
      click_.Cancel();
      engine_.SetPlaying(false);
      break;
    case CommandType::kSeek:
      engine_.Seek(std::max(0.0, c.beat));
      seek_beat_ = std::max(0.0, c.beat);
      seek_unrendered_ = true;
      loop_seek_pending_ = false;
      meters_.reached_end.store(false, std::memory_order_relaxed);
      break;
    case CommandType::kSetLoop:
      loop_on_ = c.end_beat > c.beat;
      loop_start_ = std::max(0.0, c.beat);
      loop_end_ = c.end_beat;
      break;
    case CommandType::kClearLoop:
      loop_on_ = false;
      break;
    case CommandType::kTempoScale:
      tempo_scale_ = std::clamp(c.value, 0.05, 8.0);
      engine_.SetTempoScale(tempo_scale_ * link_rate_);
      if (current_) link_request_tempo_ = current_->tempo_bpm * tempo_scale_;
      break;
    case CommandType::kMasterVolume:
      master_gain_ = static_cast<float>(std::clamp(c.value, 0.0, 4.0));
      engine_.SetMasterGain(master_gain_);
      break;
    case CommandType::kNoteOn:
      engine_.LiveNoteOn(c.id, c.instrument, c.value, c.level, c.loudness, c.pan);
      if (c.sent_ns != 0) {
        probe_armed_ = true;
        probe_sent_ns_ = c.sent_ns;
      }
      break;
    case CommandType::kGesture:
      engine_.LiveGesture(c.id, c.value, c.level);
      break;
    case CommandType::kNoteOff:
      engine_.LiveNoteOff(c.id);
      break;
    case CommandType::kAllNotesOff:
      engine_.AllNotesOff();
      break;
    case CommandType::kStartRecording:
      if (!recorder_) break;
      meters_.recording.store(true, std::memory_order_release);
      if (c.id == 1 && !playing_)
        record_on_play_ = true;  // StartPlaying() begins it
      else
        StartRecordingNow(false);
      break;
    case CommandType::kStopRecording:
      recording_ = false;
      record_on_play_ = false;
      meters_.recording.store(false, std::memory_order_release);
      break;
    case CommandType::kStopClip:
      if (clip_ && returned_clips_.Push(clip_)) clip_ = nullptr;
      break;
  }
}

// [SECTION] Transport

// Clicks on exact frames; the transport then starts on an edge of the engine's internal
// block, so the score's first beat lands exactly one count-in beat after the last click.
// The count-in is shifted later by less than one block (1.3 ms at 48 kHz) to get there.
void AudioRenderer::StartCountIn(int beats) {
  beats = std::clamp(beats, 1, CountInClick::kMaxPending);
  const double bpm = current_ ? current_->tempo_bpm : kDefaultTempo;
  count_in_beat_frames_ = 60.0 / bpm / tempo_scale_ * sample_rate_;
  const auto total = static_cast<int64_t>(std::llround(beats * count_in_beat_frames_));
  const int64_t edge = engine_.FramesUntilNextBlock();  // a block edge, from frame_
  const int64_t shift = ((edge - total) % dsp::kBlock + dsp::kBlock) % dsp::kBlock;
  count_in_start_ = frame_ + shift;
  count_in_end_ = count_in_start_ + total;
  count_in_beats_ = beats;
  counting_in_ = true;
  // The engine's output is delayed by its limiter's look-ahead: the clicks are delayed the
  // same, so they line up with the score as heard.
  const int latency = engine_.LatencyFrames();
  click_.Cancel();
  for (int k = 0; k < beats; ++k)
    click_.Schedule(count_in_start_ + std::llround(k * count_in_beat_frames_) + latency, k == 0);
}

void AudioRenderer::StartPlaying(int64_t frame) {
  counting_in_ = false;
  playing_ = true;
  engine_.SetPlaying(true);
  if (record_on_play_) {
    record_on_play_ = false;
    record_from_frame_ = static_cast<int>(frame - frame_);
    StartRecordingNow(true);
  }
}

void AudioRenderer::StartRecordingNow(bool playing_starts_now) {
  recording_ = true;
  if (playing_starts_now) {
    // The transport starts on this very frame: the take starts at the playhead.
    // (The engine reports a seek only once it has rendered it.)
    const double beat = seek_unrendered_ ? seek_beat_ : engine_.PlayheadBeat();
    meters_.record_start_beat.store(beat, std::memory_order_relaxed);
    record_start_pending_ = false;
  } else {
    record_start_pending_ = true;  // the beat is known once this buffer is rendered
  }
}

// Frames left before the loop end at the current tempo (at least 1), or kChunk if the
// loop does not apply. Splitting the buffer there makes the jump back land on the loop end
// (to the engine's block; the engine applies a seek at its next block).
int AudioRenderer::FramesUntilLoopEnd() {
  if (!playing_ || !loop_on_ || !current_) return kChunk;
  const double beat = engine_.PlayheadBeat();
  if (loop_seek_pending_) {
    // The engine reports the old position until it has applied the seek.
    if (beat < loop_end_) loop_seek_pending_ = false;
    return kChunk;
  }
  if (beat >= loop_end_ - 1e-9) {
    engine_.Seek(loop_start_);
    loop_seek_pending_ = true;
    return kChunk;
  }
  const double seconds_per_beat = 60.0 / current_->tempo_bpm / tempo_scale_;
  const double frames = (loop_end_ - beat) * seconds_per_beat * sample_rate_;
  const double n = std::ceil(frames - 1e-6);
  return static_cast<int>(std::clamp(n, 1.0, static_cast<double>(kChunk)));
}

void AudioRenderer::Process(const float* input, float* output, int output_channels, int frames,
                            bool host_xrun) {
  AudioThreadScope on_audio_thread;
  if (frames <= 0) return;
  const int64_t start_ns = NowNs();
  if (host_xrun) {
    const bool starting =
        meters_.frames.load(std::memory_order_relaxed) < sample_rate_ * kStartupSeconds;
    (starting ? meters_.startup_xruns : meters_.xruns).fetch_add(1, std::memory_order_relaxed);
  }

  record_from_frame_ = 0;
  Command c;
  for (int i = 0; i < kMaxCommandsPerBuffer && commands_.Pop(c); ++i) HandleCommand(c);
  for (int i = 0; i < kMaxCommandsPerBuffer && midi_commands_.Pop(c); ++i) {
    if (c.type == CommandType::kNoteOn)  // its beat is this buffer's first frame's
      heard_midi_.Push({c.id, c.instrument, c.level,
                        seek_unrendered_ ? seek_beat_ : engine_.PlayheadBeat(), playing_});
    HandleCommand(c);
  }
  AdoptPendingProgram();
  AdoptPendingClip();
  if (link_) FollowLink();
  const bool was_recording = recording_;

  float block_peak_l = 0, block_peak_r = 0;
  int done = 0;
  while (done < frames) {
    const int64_t now = frame_ + done;
    if (counting_in_ && now >= count_in_end_) StartPlaying(now);
    int n = std::min({frames - done, kChunk, FramesUntilLoopEnd()});
    if (counting_in_) n = static_cast<int>(std::min<int64_t>(n, count_in_end_ - now));
    engine_.Render(left_, right_, n);
    seek_unrendered_ = false;
    click_.Render(left_, right_, n, now, std::min(master_gain_, 1.0f));
    if (clip_) MixClip(n);
    float* out = output + static_cast<size_t>(done) * output_channels;
    for (int i = 0; i < n; ++i) {
      const float l = left_[i], r = right_[i];
      block_peak_l = std::max(block_peak_l, std::fabs(l));
      block_peak_r = std::max(block_peak_r, std::fabs(r));
      stereo_[2 * i] = l;
      stereo_[2 * i + 1] = r;
      if (output_channels == 1) {
        out[i] = 0.5f * (l + r);
      } else {
        float* frame = out + static_cast<size_t>(i) * output_channels;
        frame[0] = l;
        frame[1] = r;
        for (int ch = 2; ch < output_channels; ++ch) frame[ch] = 0;
      }
    }
    if (probe_armed_) {
      for (int i = 0; i < n; ++i)
        if (std::fabs(left_[i]) > kSilence || std::fabs(right_[i]) > kSilence) {
          const double at = static_cast<double>(start_ns) + (done + i) * 1e9 / sample_rate_;
          meters_.probe_latency_ns.store(static_cast<int64_t>(at) - probe_sent_ns_,
                                         std::memory_order_relaxed);
          meters_.probe_offset_frames.store(done + i, std::memory_order_relaxed);
          probe_armed_ = false;
          break;
        }
    }
    if (recording_ && recorder_) recorder_->PushOutput(stereo_, n);
    done += n;
  }
  if (recording_ && recorder_ && input) {
    // A take armed for the count-in's end starts mid-buffer: its input track does too.
    const int from = was_recording ? 0 : std::min(record_from_frame_, frames);
    recorder_->PushInput(
        input + static_cast<size_t>(from) * std::max(0, recorder_->InputChannels()), frames - from);
  }

  const double beat = engine_.PlayheadBeat();
  if (record_start_pending_) {
    // The engine applies a seek only when it renders, so the start beat is worked out
    // backwards from the end of the first recorded buffer.
    const double beats = playing_ && current_
                             ? frames / sample_rate_ * current_->tempo_bpm / 60.0 * tempo_scale_
                             : 0.0;
    meters_.record_start_beat.store(std::max(0.0, beat - beats), std::memory_order_relaxed);
    record_start_pending_ = false;
  }
  if (playing_ && !loop_on_ && current_ && beat >= current_->length_beats)
    meters_.reached_end.store(true, std::memory_order_relaxed);
  const float fall = static_cast<float>(std::exp(-frames / (sample_rate_ * kPeakFallSeconds)));
  peak_left_ = std::max(block_peak_l, peak_left_ * fall);
  peak_right_ = std::max(block_peak_r, peak_right_ * fall);
  meters_.peak_left.store(peak_left_, std::memory_order_relaxed);
  meters_.peak_right.store(peak_right_, std::memory_order_relaxed);
  meters_.playhead_beat.store(beat, std::memory_order_relaxed);
  const VoiceCensus census = engine_.Census();
  meters_.voices_note.store(census.note, std::memory_order_relaxed);
  meters_.voices_gesture.store(census.gesture, std::memory_order_relaxed);
  meters_.voices_live.store(census.live, std::memory_order_relaxed);
  meters_.voices_unowned.store(census.unowned, std::memory_order_relaxed);
  meters_.bank_groups.store(census.bank_groups, std::memory_order_relaxed);
  frame_ += frames;
  PublishTransport(frame_);
  meters_.frames.fetch_add(static_cast<uint64_t>(frames), std::memory_order_relaxed);
  meters_.last_buffer_frames.store(frames, std::memory_order_relaxed);

  if (test_hook_) test_hook_(test_context_);

  const double load = (NowNs() - start_ns) * 1e-9 / (frames / sample_rate_);
  if (load > 1.0) meters_.late_callbacks.fetch_add(1, std::memory_order_relaxed);
  if (load > meters_.max_load.load(std::memory_order_relaxed))
    meters_.max_load.store(static_cast<float>(load), std::memory_order_relaxed);
  meters_.callbacks.fetch_add(1, std::memory_order_release);
}

// Link feeds this transport: the session's tempo becomes tempo_scale_, a small glide (or a
// jump when far off) keeps the beat phase on the session's, and with start/stop sync a
// peer's play or stop is obeyed. Local play/stop/tempo commands go to the session first.
void AudioRenderer::FollowLink() {
  const double beat = seek_unrendered_ ? seek_beat_ : engine_.PlayheadBeat();
  const LinkFollow f =
      link_->Follow(frame_, beat, playing_, link_request_tempo_, link_request_playing_);
  link_request_tempo_ = 0;
  link_request_playing_ = 0;
  if (f.start_stop > 0 && !playing_ && !counting_in_) {
    meters_.reached_end.store(false, std::memory_order_relaxed);
    StartPlaying(frame_);
  } else if (f.start_stop < 0) {
    playing_ = false;
    counting_in_ = false;
    click_.Cancel();
    engine_.SetPlaying(false);
  }
  if (f.seek_to >= 0) {
    engine_.Seek(f.seek_to);
    seek_beat_ = f.seek_to;
    seek_unrendered_ = true;
  }
  if (current_ && current_->tempo_bpm > 0)
    tempo_scale_ = std::clamp(f.tempo_bpm / current_->tempo_bpm, 0.05, 8.0);
  link_rate_ = f.rate;
  engine_.SetTempoScale(tempo_scale_ * link_rate_);
}

void AudioRenderer::MixClip(int frames) {
  const int64_t left = clip_->Frames() - clip_pos_;
  const int n = static_cast<int>(std::clamp<int64_t>(left, 0, frames));
  const float* in = clip_->stereo.data() + 2 * clip_pos_;
  for (int i = 0; i < n; ++i) {
    left_[i] = std::clamp(left_[i] + in[2 * i], -1.0f, 1.0f);
    right_[i] = std::clamp(right_[i] + in[2 * i + 1], -1.0f, 1.0f);
  }
  clip_pos_ += n;
}

void AudioRenderer::PublishTransport(int64_t end_frame) {
  meters_.playing.store(playing_, std::memory_order_relaxed);
  meters_.counting_in.store(counting_in_, std::memory_order_relaxed);
  int left = 0;
  if (counting_in_) {
    const double beats_done =
        static_cast<double>(end_frame - count_in_start_) / count_in_beat_frames_;
    left = std::clamp(count_in_beats_ - static_cast<int>(std::floor(std::max(0.0, beats_done))), 1,
                      count_in_beats_);
  }
  meters_.count_in_left.store(left, std::memory_order_relaxed);
  meters_.looping.store(loop_on_, std::memory_order_relaxed);
  meters_.loop_start.store(loop_start_, std::memory_order_relaxed);
  meters_.loop_end.store(loop_end_, std::memory_order_relaxed);
  meters_.tempo_bpm.store(current_ ? current_->tempo_bpm : 0.0, std::memory_order_relaxed);
  meters_.tempo_scale.store(tempo_scale_, std::memory_order_relaxed);
  meters_.length_beats.store(current_ ? current_->length_beats : 0.0, std::memory_order_relaxed);
  meters_.clip_playing.store(clip_ != nullptr && clip_pos_ < clip_->Frames(),
                             std::memory_order_relaxed);
  meters_.clip_position.store(clip_pos_, std::memory_order_relaxed);
  meters_.clip_frames.store(clip_ ? clip_->Frames() : 0, std::memory_order_relaxed);
}

}  // namespace graphony
