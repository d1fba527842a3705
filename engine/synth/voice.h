// One voice of the fixed pool: any instrument unit, its pitch glide, loudness smoothing,
// pan, and the short fade used when it is stolen or the transport jumps.
#pragma once

#include <cstdint>

#include "core/instrument_traits.h"
#include "synth/gm_synth.h"
#include "synth/units/bass_unit.h"
#include "synth/units/bell_unit.h"
#include "synth/units/drum_unit.h"
#include "synth/units/flute_unit.h"
#include "synth/units/modal_unit.h"
#include "synth/units/pad_unit.h"
#include "synth/units/sampler_unit.h"
#include "synth/units/sine_unit.h"

namespace graphony {

// What a voice needs to start a sound.
struct VoiceStart {
  InstrumentKind kind = InstrumentKind::kSine;
  int instrument = 0;                       // Events::instruments index (for solo/stems)
  double pitch = 60;                        // MIDI, fractional allowed
  float velocity = 0.8f;                    // 0..1
  float loudness = 1.0f;                    // gestures/live: smoothed gain on top of velocity
  float pan = 0;                            // -1..1
  uint32_t seed = 1;                        // noise seed: same note -> same samples
  const dsp::SampleData* sample = nullptr;  // sampler only
  const GmPreset* preset = nullptr;         // kGeneralMidi only: the soundfont preset
  bool sustains = true;                     // kGeneralMidi: for the level estimate (stealing)
  float decay_seconds = 0;
  int delay_frames = 0;  // sample-accurate start inside the next block
};

// Who owns a voice, so the engine can release or steer it later.
struct VoiceOwner {
  enum class Kind { kNone, kNote, kGesture, kLive };
  Kind kind = Kind::kNone;
  int index = -1;
  double end_beat = 0;  // notes and gestures: when to release
};

class Voice {
 public:
  void Init(double sample_rate);  // no allocation afterwards
  // Soundfont voices play through the engine's FluidSynth on this voice's own MIDI channel.
  void AttachGm(GmSynth* gm, int channel) {
    gm_ = gm;
    gm_channel_ = channel;
  }
  void Reset();
  // Starts now, or, if still sounding, fades the old sound out quickly and then starts.
  void Start(const VoiceStart& start, const VoiceOwner& owner);
  void Release();
  void FadeOut();  // quick fade to silence (steal, seek)
  // Moves the pitch/loudness smoothly (glides, live gestures); applied per block.
  void SetTarget(double pitch, float loudness);
  // Adds one block (frames <= dsp::kBlock) to left/right.
  void Render(float* left, float* right, int frames);

  bool Free() const { return state_ == State::kFree; }
  float Level() const;  // current loudness estimate, for stealing the quietest
  int Instrument() const { return start_.instrument; }
  // Sounding through FluidSynth (mixed there, so the engine cannot route it aside for solo).
  bool Soundfont() const {
    return state_ != State::kFree && start_.kind == InstrumentKind::kGeneralMidi;
  }
  VoiceOwner& Owner() { return owner_; }
  const VoiceOwner& Owner() const { return owner_; }

 private:
  enum class State { kFree, kPlaying, kFading };
  void Begin();
  void UnitStart();
  void UnitRelease();
  bool UnitDone() const;
  float UnitLevel() const;
  void UnitRender(const dsp::UnitBlock& block, float* out);
  void RenderGm(int frames);
  void FinishBlock();

  double sample_rate_ = 48000;
  State state_ = State::kFree;
  VoiceStart start_, pending_;
  VoiceOwner owner_, pending_owner_;
  bool has_pending_ = false;
  double pitch_ = 60, target_pitch_ = 60;
  float gain_ = 0, target_gain_ = 0, pan_l_ = 0.7f, pan_r_ = 0.7f;
  float fade_ = 1, fade_step_ = 0;
  float glide_coef_ = 0;
  int delay_ = 0;
  GmSynth* gm_ = nullptr;
  int gm_channel_ = -1;
  double gm_age_ = 0;  // seconds since a soundfont note started (level estimate)
  bool gm_released_ = false;

  dsp::SineUnit sine_;
  dsp::PadUnit pad_;
  dsp::ModalUnit pluck_, marimba_;
  dsp::FluteUnit flute_;
  dsp::BellUnit bell_;
  dsp::BassUnit bass_;
  dsp::DrumUnit drum_;
  dsp::SamplerUnit sampler_;
};

}  // namespace graphony
