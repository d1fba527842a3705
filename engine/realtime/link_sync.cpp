// Ableton Link behind LinkSync (see link_sync.h): Link's headers stay in this one file.
#include "realtime/link_sync.h"

#include <ableton/Link.hpp>
#include <ableton/link/HostTimeFilter.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>

namespace graphony {

namespace {

// A phase gap larger than this (beats) is closed by a jump, a smaller one by gliding.
constexpr double kSeekBeats = 0.25;
// Gliding closes the gap over about this long; the speed change stays within kMaxGlide.
constexpr double kGlideSeconds = 0.3;
constexpr double kMaxGlide = 0.05;
constexpr int64_t kSampleEveryUs = 20000;

}  // namespace

struct LinkSync::Impl {
  explicit Impl(double bpm) : link(bpm) {}
  ableton::Link link;
  // Turns frame counts into smooth host times (a callback's wake-up time jitters).
  ableton::link::HostTimeFilter<ableton::Link::Clock> host_time;
};

LinkSync::LinkSync(const LinkOptions& options)
    : impl_(std::make_unique<Impl>(options.tempo_bpm)), options_(options) {
  impl_->link.enableStartStopSync(options.start_stop_sync);
  impl_->link.enable(true);
}

LinkSync::~LinkSync() { impl_->link.enable(false); }

size_t LinkSync::Peers() const { return impl_->link.numPeers(); }

LinkFollow LinkSync::Follow(int64_t sample_time, double beat, bool playing, double request_tempo,
                            int request_playing) {
  const std::chrono::microseconds host =
      impl_->host_time.sampleTimeToHostTime(static_cast<double>(sample_time));
  auto state = impl_->link.captureAudioSessionState();
  bool commit = false;
  if (request_tempo > 0) {
    state.setTempo(request_tempo, host);
    commit = true;
  }
  LinkFollow f;
  if (options_.start_stop_sync) {
    if (request_playing != 0 && (request_playing > 0) != state.isPlaying()) {
      state.setIsPlaying(request_playing > 0, host);
      commit = true;
    }
    const bool now_playing = state.isPlaying();
    if (request_playing == 0 && now_playing != link_playing_ && now_playing != playing)
      f.start_stop = now_playing ? 1 : -1;
    link_playing_ = now_playing;
  }
  if (commit) impl_->link.commitAudioSessionState(state);
  f.tempo_bpm = state.tempo();
  if (playing) {
    const double q = options_.quantum;
    const double phase = state.phaseAtTime(host, q);
    double gap = std::remainder(phase - std::fmod(beat, q), q);  // -q/2..q/2
    if (std::fabs(gap) > kSeekBeats) {
      double to = beat + gap;
      if (to < 0) to += q;
      f.seek_to = to;
    } else {
      const double beats_per_second = f.tempo_bpm / 60.0;
      f.rate = 1.0 + std::clamp(gap / (beats_per_second * kGlideSeconds), -kMaxGlide, kMaxGlide);
    }
  }
  if (host.count() - last_sample_us_ >= kSampleEveryUs) {
    last_sample_us_ = host.count();
    samples_.Push({host.count(), beat, f.tempo_bpm, playing});
  }
  return f;
}

}  // namespace graphony
