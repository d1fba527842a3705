// RenderProgram: Events compiled for one sample rate (instrument kinds resolved, samples
// decoded, banks laid out for the oscillator bank). Built off the audio thread, then
// read-only and shared by pointer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/instrument_traits.h"
#include "interpret/events.h"
#include "synth/bank_oscillator.h"
#include "synth/soundfont.h"
#include "synth/units/sampler_unit.h"

namespace graphony {

class RenderProgram {
 public:
  struct Instrument {
    InstrumentKind kind = InstrumentKind::kSine;
    std::shared_ptr<const dsp::SampleData> sample;  // sampler only
    const GmPreset* preset = nullptr;  // kGeneralMidi: the soundfont's (lives for the process)
    InstrumentKind fallback = InstrumentKind::kSine;  // plays it if the engine has no FluidSynth
    bool sustains = true;
    float decay_seconds = 0;
  };

  double sample_rate = 48000;
  double tempo_bpm = 72;
  double length_beats = 0;
  std::vector<Instrument> instruments;
  std::vector<NoteEvent> notes;        // sounding notes only, sorted by start beat
  std::vector<GestureEvent> gestures;  // gestures with >= 1 point, sorted by start beat
  std::vector<PreparedBank> banks;     // sorted by start beat
  int partial_slots = 0;               // oscillator slots the banks need
  std::string soundfont;               // the soundfont file its GM instruments use, if any
  float loudness_gain = 1.0f;          // EBU R128 normalisation (synth/loudness.h), 1 = none
  // With EngineSettings::keep_loudness_probe: the probe's mix at gain 1 (interleaved stereo,
  // before the limiter, delayed by `probe_latency` frames: the probe's own limiter at rest).
  std::shared_ptr<const std::vector<float>> probe_mix;
  int probe_latency = 0;

  // The last beat at which anything is scheduled (>= length_beats).
  double EndBeat() const;
  // True if notes or gestures exist (their releases ring past their end).
  bool HasVoices() const { return !notes.empty() || !gestures.empty(); }
  // True if an instrument plays through the soundfont (so an engine for it needs FluidSynth).
  bool UsesGeneralMidi() const {
    for (const Instrument& i : instruments)
      if (i.kind == InstrumentKind::kGeneralMidi) return true;
    return false;
  }
};

}  // namespace graphony
