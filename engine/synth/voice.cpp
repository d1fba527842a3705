// Voice: dispatch to the instrument unit, per-block pitch/loudness smoothing, pan, fades.
#include "synth/voice.h"

#include <algorithm>
#include <cmath>

namespace graphony {

namespace {
constexpr double kStealFadeSeconds =
    0.005;                                // short enough to feel instant, long enough not to click
constexpr double kSmoothSeconds = 0.015;  // glide/loudness smoothing time constant
}  // namespace

void Voice::Init(double sample_rate) {
  sample_rate_ = sample_rate;
  sine_.Init(sample_rate);
  pad_.Init(sample_rate);
  pluck_.Init(sample_rate, dsp::PluckShape());
  marimba_.Init(sample_rate, dsp::MarimbaShape());
  flute_.Init(sample_rate);
  bell_.Init(sample_rate);
  bass_.Init(sample_rate);
  drum_.Init(sample_rate);
  sampler_.Init(sample_rate);
  fade_step_ = static_cast<float>(1.0 / (kStealFadeSeconds * sample_rate));
  glide_coef_ = static_cast<float>(std::exp(-dsp::kBlock / (kSmoothSeconds * sample_rate)));
  Reset();
}

void Voice::Reset() {
  // A soundfont note still sounding in FluidSynth stops with its voice.
  if (state_ != State::kFree && start_.kind == InstrumentKind::kGeneralMidi && gm_)
    gm_->Silence(gm_channel_);
  gm_age_ = 0;
  gm_released_ = false;
  sine_.Reset();
  pad_.Reset();
  pluck_.Reset();
  marimba_.Reset();
  flute_.Reset();
  bell_.Reset();
  bass_.Reset();
  drum_.Reset();
  sampler_.Reset();
  state_ = State::kFree;
  has_pending_ = false;
  owner_ = VoiceOwner{};
  fade_ = 1;
  delay_ = 0;
}

void Voice::Start(const VoiceStart& start, const VoiceOwner& owner) {
  if (state_ == State::kFree) {
    start_ = start;
    owner_ = owner;
    Begin();
    return;
  }
  // Still sounding: fade it out, then start the new sound (no click on steal).
  pending_ = start;
  pending_owner_ = owner;
  has_pending_ = true;
  owner_ = owner;  // the engine addresses the new owner from now on
  state_ = State::kFading;
}

void Voice::Begin() {
  state_ = State::kPlaying;
  fade_ = 1;
  pitch_ = target_pitch_ = start_.pitch;
  gain_ = target_gain_ = start_.loudness;
  dsp::PanGains(start_.pan, pan_l_, pan_r_);
  delay_ = std::clamp(start_.delay_frames, 0, dsp::kBlock - 1);
  UnitStart();
}

void Voice::Release() {
  if (state_ == State::kPlaying) UnitRelease();
  // Released before the stolen voice finished fading: the short note never starts.
  if (state_ == State::kFading && has_pending_) has_pending_ = false;
}

void Voice::FadeOut() {
  if (state_ == State::kFree) return;
  has_pending_ = false;
  state_ = State::kFading;
}

void Voice::SetTarget(double pitch, float loudness) {
  if (has_pending_) {
    pending_.pitch = pitch;
    pending_.loudness = loudness;
    return;
  }
  target_pitch_ = pitch;
  target_gain_ = loudness;
}

float Voice::Level() const {
  if (state_ == State::kFree) return 0;
  return UnitLevel() * gain_ * fade_;
}

void Voice::Render(float* left, float* right, int frames) {
  if (state_ == State::kFree || frames <= 0) return;
  const int start = std::min(delay_, frames);
  delay_ -= start;
  const int n = frames - start;
  if (n <= 0) return;
  if (start_.kind == InstrumentKind::kGeneralMidi) {
    RenderGm(n);
    return;
  }

  // Per-block smoothing: one-pole towards the target, linear within the block.
  const double pitch_end = target_pitch_ + (pitch_ - target_pitch_) * glide_coef_;
  const float gain_end = target_gain_ + (gain_ - target_gain_) * glide_coef_;
  auto to_inc = [this](double midi) {
    return static_cast<float>(std::min(0.49, dsp::MidiToHz(midi) / sample_rate_));
  };
  dsp::UnitBlock block{to_inc(pitch_), to_inc(pitch_end), n};
  float buf[dsp::kBlock];
  UnitRender(block, buf);

  float g = gain_;
  const float dg = (gain_end - gain_) / n;
  for (int i = 0; i < n; ++i) {
    float v = buf[i] * g;
    g += dg;
    if (state_ == State::kFading) {
      v *= fade_;
      fade_ = std::max(0.0f, fade_ - fade_step_);
    }
    left[start + i] += v * pan_l_;
    right[start + i] += v * pan_r_;
  }
  pitch_ = pitch_end;
  gain_ = gain_end;
  FinishBlock();
}

// A soundfont voice makes no samples here: FluidSynth renders it with the others after the
// voices are updated. Its glide and loudness become pitch bend and expression, per block.
void Voice::RenderGm(int frames) {
  const double pitch_end = target_pitch_ + (pitch_ - target_pitch_) * glide_coef_;
  const float gain_end = target_gain_ + (gain_ - target_gain_) * glide_coef_;
  if (state_ == State::kFading) fade_ = std::max(0.0f, fade_ - fade_step_ * frames);
  if (gm_) gm_->Control(gm_channel_, pitch_end, gain_end * fade_);
  pitch_ = pitch_end;
  gain_ = gain_end;
  gm_age_ += frames / sample_rate_;
  FinishBlock();
}

void Voice::FinishBlock() {
  if (state_ == State::kFading && fade_ <= 0) {
    // Reset only the units; the owner may already be the pending one.
    const VoiceOwner owner = owner_;
    const bool pending = has_pending_;
    Reset();
    if (pending) {
      start_ = pending_;
      start_.delay_frames = 0;
      owner_ = owner;
      Begin();
    }
  } else if (state_ == State::kPlaying && UnitDone()) {
    Reset();
  }
}

void Voice::UnitStart() {
  const uint32_t seed = start_.seed;
  const float v = start_.velocity;
  const float hz = static_cast<float>(dsp::MidiToHz(start_.pitch));
  switch (start_.kind) {
    case InstrumentKind::kSine:
      sine_.Start(v, seed);
      break;
    case InstrumentKind::kSoftPad:
      pad_.Start(v, seed);
      break;
    case InstrumentKind::kPluck:
      pluck_.Start(v, seed, hz);
      break;
    case InstrumentKind::kMarimba:
      marimba_.Start(v, seed, hz);
      break;
    case InstrumentKind::kFlute:
      flute_.Start(v, seed);
      break;
    case InstrumentKind::kBell:
      bell_.Start(v, seed, hz);
      break;
    case InstrumentKind::kBass:
      bass_.Start(v, seed);
      break;
    case InstrumentKind::kDrum:
      drum_.Start(v, seed, static_cast<float>(start_.pitch));
      break;
    case InstrumentKind::kSampler:
      sampler_.Start(v, start_.sample);
      break;
    case InstrumentKind::kGeneralMidi:
      gm_age_ = 0;
      gm_released_ = false;
      if (gm_) gm_->NoteOn(gm_channel_, start_.preset, start_.pitch, v, gain_, start_.pan);
      break;
  }
}

void Voice::UnitRelease() {
  switch (start_.kind) {
    case InstrumentKind::kSine:
      sine_.Release();
      break;
    case InstrumentKind::kSoftPad:
      pad_.Release();
      break;
    case InstrumentKind::kPluck:
      pluck_.Release();
      break;
    case InstrumentKind::kMarimba:
      marimba_.Release();
      break;
    case InstrumentKind::kFlute:
      flute_.Release();
      break;
    case InstrumentKind::kBell:
      bell_.Release();
      break;
    case InstrumentKind::kBass:
      bass_.Release();
      break;
    case InstrumentKind::kDrum:
      drum_.Release();
      break;
    case InstrumentKind::kSampler:
      sampler_.Release();
      break;
    case InstrumentKind::kGeneralMidi:
      gm_released_ = true;
      if (gm_) gm_->NoteOff(gm_channel_);
      break;
  }
}

bool Voice::UnitDone() const {
  switch (start_.kind) {
    case InstrumentKind::kSine:
      return sine_.Done();
    case InstrumentKind::kSoftPad:
      return pad_.Done();
    case InstrumentKind::kPluck:
      return pluck_.Done();
    case InstrumentKind::kMarimba:
      return marimba_.Done();
    case InstrumentKind::kFlute:
      return flute_.Done();
    case InstrumentKind::kBell:
      return bell_.Done();
    case InstrumentKind::kBass:
      return bass_.Done();
    case InstrumentKind::kDrum:
      return drum_.Done();
    case InstrumentKind::kSampler:
      return sampler_.Done();
    case InstrumentKind::kGeneralMidi:
      return !gm_ || !gm_->Sounding(gm_channel_);
  }
  return true;
}

float Voice::UnitLevel() const {
  switch (start_.kind) {
    case InstrumentKind::kSine:
      return sine_.Level();
    case InstrumentKind::kSoftPad:
      return pad_.Level();
    case InstrumentKind::kPluck:
      return pluck_.Level();
    case InstrumentKind::kMarimba:
      return marimba_.Level();
    case InstrumentKind::kFlute:
      return flute_.Level();
    case InstrumentKind::kBell:
      return bell_.Level();
    case InstrumentKind::kBass:
      return bass_.Level();
    case InstrumentKind::kDrum:
      return drum_.Level();
    case InstrumentKind::kSampler:
      return sampler_.Level();
    case InstrumentKind::kGeneralMidi: {
      // FluidSynth keeps its envelopes to itself: estimate from the note's kind and age.
      float level = start_.velocity;
      if (!start_.sustains && start_.decay_seconds > 0)
        level *= static_cast<float>(std::exp(-6.9 * gm_age_ / start_.decay_seconds));
      return gm_released_ ? level * 0.3f : level;
    }
  }
  return 0;
}

void Voice::UnitRender(const dsp::UnitBlock& block, float* out) {
  switch (start_.kind) {
    case InstrumentKind::kSine:
      sine_.Render(block, out);
      break;
    case InstrumentKind::kSoftPad:
      pad_.Render(block, out);
      break;
    case InstrumentKind::kPluck:
      pluck_.Render(block, out);
      break;
    case InstrumentKind::kMarimba:
      marimba_.Render(block, out);
      break;
    case InstrumentKind::kFlute:
      flute_.Render(block, out);
      break;
    case InstrumentKind::kBell:
      bell_.Render(block, out);
      break;
    case InstrumentKind::kBass:
      bass_.Render(block, out);
      break;
    case InstrumentKind::kDrum:
      drum_.Render(block, out);
      break;
    case InstrumentKind::kSampler:
      sampler_.Render(block, out);
      break;
    case InstrumentKind::kGeneralMidi:
      std::fill(out, out + block.frames, 0.0f);  // FluidSynth renders it (RenderGm)
      break;
  }
}

}  // namespace graphony
