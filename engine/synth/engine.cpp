// SynthEngine: the one render path for offline export and live playback. Fixed 64-frame
// internal blocks behind an adapter; scheduling, voice pool, banks, reverb, limiter.
#include "synth/engine.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "interpret/sounding_at.h"
#include "synth/bank_oscillator.h"
#include "synth/dsp.h"
#include "synth/gm_synth.h"
#include "synth/limiter.h"
#include "synth/render_program.h"
#include "synth/reverb.h"
#include "synth/voice.h"

#if defined(__SSE__)
#include <xmmintrin.h>
#endif

namespace graphony {

namespace {

// Flush denormals to zero while rendering: decaying tails (reverb, modes, FM index) would
// otherwise crawl through denormal floats, which are very slow on x86. Restored on exit so
// the caller's thread is left as it was.
class ScopedFlushDenormals {
 public:
#if defined(__SSE__)
  ScopedFlushDenormals() : saved_(_mm_getcsr()) { _mm_setcsr(saved_ | 0x8040); }  // FTZ | DAZ
  ~ScopedFlushDenormals() { _mm_setcsr(saved_); }

 private:
  unsigned int saved_;
#endif
};

constexpr float kVoiceGain = 0.5f;  // headroom: a few notes together stay under the limiter
constexpr double kSmoothSeconds = 0.02;

}  // namespace

struct SynthEngine::Impl {
  EngineSettings settings;
  double sample_rate = 48000;
  std::vector<Voice> voices;
  BankOscillator banks;
  std::vector<int> slot_owner;  // per group of BankOscillator::kGroup slots: bank index or -1
  GmSynth gm;                   // every soundfont voice (one MIDI channel per pool voice)
  Reverb reverb;
  Limiter limiter;
  const RenderProgram* program = nullptr;

  // Transport (audio thread only, except the atomic playhead).
  double beat = 0;
  bool playing = false;
  bool was_playing = false;  // `playing` in the last block: starts and pauses are edges
  double tempo_scale = 1;
  size_t next_note = 0, next_gesture = 0;
  bool seek_pending = false;
  double seek_target = 0;
  std::atomic<double> playhead{0};
  int solo = -1;
  uint32_t live_seed = 1;

  // Master, smoothed per block.
  float master_gain = 1, master_now = 1;
  float reverb_mix = 0.18f, reverb_now = 0.18f;
  float smooth = 0.5f;

  // Adapter: the block being handed out.
  float out_l[dsp::kBlock] = {}, out_r[dsp::kBlock] = {};
  float discard_l[dsp::kBlock] = {}, discard_r[dsp::kBlock] = {};
  int out_pos = dsp::kBlock;

  double BeatsPerFrame() const {
    const double tempo = program ? program->tempo_bpm : 72.0;
    return tempo * tempo_scale / (60.0 * sample_rate);
  }

  Voice& Allocate() {
    Voice* best = nullptr;
    for (Voice& v : voices)
      if (v.Free()) return v;
    // Pool full: the quietest voice is stolen (it fades over a few ms inside Voice).
    float quietest = std::numeric_limits<float>::max();
    for (Voice& v : voices) {
      const float level = v.Level();
      if (level < quietest) {
        quietest = level;
        best = &v;
      }
    }
    return *best;
  }

  const RenderProgram::Instrument* InstrumentAt(int instrument) const {
    if (!program || instrument < 0 || instrument >= static_cast<int>(program->instruments.size()))
      return nullptr;
    return &program->instruments[static_cast<size_t>(instrument)];
  }

  InstrumentKind KindOf(int instrument, const dsp::SampleData** sample) const {
    *sample = nullptr;
    const RenderProgram::Instrument* inst = InstrumentAt(instrument);
    if (!inst) return InstrumentKind::kSine;
    *sample = inst->sample.get();
    if (inst->kind == InstrumentKind::kGeneralMidi && !gm.Ready()) return inst->fallback;
    return inst->kind;
  }

  // Fills the voice kind and what that kind needs (sample, soundfont preset).
  void Describe(int instrument, VoiceStart& s) const {
    s.kind = KindOf(instrument, &s.sample);
    if (const RenderProgram::Instrument* inst = InstrumentAt(instrument)) {
      s.preset = inst->preset;
      s.sustains = inst->sustains;
      s.decay_seconds = inst->decay_seconds;
    }
  }

  bool Sustains(int instrument) const {
    const RenderProgram::Instrument* inst = InstrumentAt(instrument);
    if (!inst) return true;
    const dsp::SampleData* unused = nullptr;
    const InstrumentKind kind = KindOf(instrument, &unused);
    return kind == InstrumentKind::kGeneralMidi ? inst->sustains : TraitsOf(kind).sustains;
  }

  bool Audible(int instrument) const { return solo < 0 || instrument == solo; }

  void StartNote(size_t index, double block_beat, double bpf) {
    const NoteEvent& n = program->notes[index];
    if (!Audible(n.instrument)) return;
    VoiceStart s;
    Describe(n.instrument, s);
    s.instrument = n.instrument;
    s.pitch = n.pitch;
    s.velocity = std::clamp(n.velocity, 0.0f, 1.0f);
    s.pan = n.pan;
    s.seed = static_cast<uint32_t>(index + 1);
    s.delay_frames =
        std::clamp(static_cast<int>((n.start_beat - block_beat) / bpf), 0, dsp::kBlock - 1);
    VoiceOwner o{VoiceOwner::Kind::kNote, static_cast<int>(index), n.start_beat + n.duration_beats};
    Allocate().Start(s, o);
  }

  void StartGesture(size_t index, double at_beat, int delay) {
    const GestureEvent& g = program->gestures[index];
    if (!Audible(g.instrument) || at_beat >= g.EndBeat()) return;
    VoiceStart s;
    Describe(g.instrument, s);
    s.instrument = g.instrument;
    GestureAt(g, at_beat, s.pitch, s.loudness);
    s.velocity = kGestureVelocity;
    s.pan = g.pan;
    s.seed = static_cast<uint32_t>(1000003 + index);
    s.delay_frames = delay;
    VoiceOwner o{VoiceOwner::Kind::kGesture, static_cast<int>(index), g.EndBeat()};
    Allocate().Start(s, o);
  }

  // Banks ramp to silence within this block (stop, seek) and forget their slots.
  void SilenceBanks(float* l, float* r) {
    if (!program) return;
    for (size_t i = 0; i < program->banks.size(); ++i) {
      const PreparedBank& b = program->banks[i];
      const int g0 = b.slot / BankOscillator::kGroup;
      if (g0 >= static_cast<int>(slot_owner.size()) ||
          slot_owner[static_cast<size_t>(g0)] != static_cast<int>(i))
        continue;
      banks.Render(b, -std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity(), l, r);
    }
    std::fill(slot_owner.begin(), slot_owner.end(), -1);
  }

  void ApplySeek(double target) {
    for (Voice& v : voices)
      if (v.Owner().kind == VoiceOwner::Kind::kNote ||
          v.Owner().kind == VoiceOwner::Kind::kGesture) {
        v.FadeOut();
        v.Owner().kind = VoiceOwner::Kind::kNone;
      }
    beat = std::max(0.0, target);
    if (!program) {
      next_note = next_gesture = 0;
      return;
    }
    const auto& notes = program->notes;
    next_note = static_cast<size_t>(
        std::lower_bound(notes.begin(), notes.end(), beat,
                         [](const NoteEvent& n, double b) { return n.start_beat < b; }) -
        notes.begin());
    const auto& gs = program->gestures;
    next_gesture = static_cast<size_t>(
        std::lower_bound(gs.begin(), gs.end(), beat,
                         [](const GestureEvent& g, double b) { return g.StartBeat() < b; }) -
        gs.begin());
    // Stopped, nothing joins yet: a seek is silent until playing starts (then JoinUnderWay).
    if (playing) JoinUnderWay();
  }

  // What is under way at `beat` joins in: sustained notes (struck and plucked ones would
  // re-attack at the wrong moment, so they wait for their next note) and glides, where they
  // are. After a seek while playing, and when playing starts or resumes.
  void JoinUnderWay() {
    const auto& notes = program->notes;
    for (size_t i = 0; i < next_note && i < notes.size(); ++i) {
      const NoteEvent& n = notes[i];
      if (n.start_beat + n.duration_beats > beat && Sustains(n.instrument)) StartNote(i, beat, 1.0);
    }
    const auto& gs = program->gestures;
    for (size_t i = 0; i < next_gesture && i < gs.size(); ++i)
      if (gs[i].EndBeat() > beat) StartGesture(i, beat, 0);
  }

  // Stopped: the score's own voices fade (a pause is silent; live voices keep sounding).
  void FadeScheduledVoices() {
    for (Voice& v : voices)
      if (v.Owner().kind == VoiceOwner::Kind::kNote ||
          v.Owner().kind == VoiceOwner::Kind::kGesture) {
        v.FadeOut();
        v.Owner().kind = VoiceOwner::Kind::kNone;
      }
  }

  void Schedule(double b0, double b1, double bpf) {
    const auto& notes = program->notes;
    while (next_note < notes.size() && notes[next_note].start_beat < b1)
      StartNote(next_note++, b0, bpf);
    const auto& gs = program->gestures;
    while (next_gesture < gs.size() && gs[next_gesture].StartBeat() < b1) {
      const double start = gs[next_gesture].StartBeat();
      StartGesture(next_gesture, start,
                   std::clamp(static_cast<int>((start - b0) / bpf), 0, dsp::kBlock - 1));
      ++next_gesture;
    }
    for (Voice& v : voices) {
      VoiceOwner& o = v.Owner();
      if (o.kind == VoiceOwner::Kind::kGesture) {
        double pitch;
        float loudness;
        GestureAt(gs[static_cast<size_t>(o.index)], b1, pitch, loudness);
        v.SetTarget(pitch, loudness);
      }
      if ((o.kind == VoiceOwner::Kind::kNote || o.kind == VoiceOwner::Kind::kGesture) &&
          o.end_beat <= b1) {
        v.Release();
        o.kind = VoiceOwner::Kind::kNone;
      }
    }
  }

  void RenderBanks(double b0, double b1, float* l, float* r) {
    for (size_t i = 0; i < program->banks.size(); ++i) {
      const PreparedBank& b = program->banks[i];
      if (b.start_beat >= b1 || b.start_beat + b.length_beats <= b0) continue;
      const int g0 = b.slot / BankOscillator::kGroup;
      const int groups = b.padded / BankOscillator::kGroup;
      if (b.slot + b.padded > banks.Capacity()) continue;
      if (slot_owner[static_cast<size_t>(g0)] != static_cast<int>(i)) {
        banks.ResetSlots(b.slot, b.padded);
        for (int g = g0; g < g0 + groups; ++g)
          slot_owner[static_cast<size_t>(g)] = static_cast<int>(i);
      }
      if (Audible(b.instrument))
        banks.Render(b, b0, b1, l, r);
      else
        banks.Render(b, b0, b1, discard_l, discard_r);
    }
  }

  void ProcessBlock() {
    float* l = out_l;
    float* r = out_r;
    std::memset(l, 0, sizeof out_l);
    std::memset(r, 0, sizeof out_r);
    std::memset(discard_l, 0, sizeof discard_l);  // soloed-out sound lands here and is dropped
    std::memset(discard_r, 0, sizeof discard_r);
    const double bpf = BeatsPerFrame();
    const double b0 = beat;
    const double b1 = b0 + dsp::kBlock * bpf;

    if (seek_pending) {
      SilenceBanks(l, r);
      ApplySeek(seek_target);
      seek_pending = false;
    } else if (playing && program) {
      if (!was_playing) JoinUnderWay();  // starts or resumes inside notes and glides
      Schedule(b0, b1, bpf);
      RenderBanks(b0, b1, l, r);
      beat = b1;
    } else if (!playing) {
      if (was_playing) FadeScheduledVoices();
      bool any = false;
      for (int o : slot_owner) any |= o >= 0;
      if (any) SilenceBanks(l, r);
    }
    was_playing = playing;

    float vl[dsp::kBlock] = {}, vr[dsp::kBlock] = {};
    gm.Scan();  // which soundfont voices still sound, before voices decide they are done
    for (Voice& v : voices) {
      if (v.Free()) continue;
      if (Audible(v.Instrument())) {
        v.Render(vl, vr, dsp::kBlock);
      } else {
        // FluidSynth mixes all its voices into one output: a soloed-out one fades instead.
        if (v.Soundfont()) v.FadeOut();
        v.Render(discard_l, discard_r, dsp::kBlock);
      }
    }
    // Soundfont voices join here, mixed like the engine's own (same gain, reverb, limiter).
    gm.Render(vl, vr, dsp::kBlock);
    for (int i = 0; i < dsp::kBlock; ++i) {
      l[i] += vl[i] * kVoiceGain;
      r[i] += vr[i] * kVoiceGain;
    }

    const float mix_end = reverb_mix + (reverb_now - reverb_mix) * smooth;
    reverb.Process(l, r, dsp::kBlock, reverb_now, mix_end);
    reverb_now = std::fabs(mix_end - reverb_mix) < 1e-6f ? reverb_mix : mix_end;

    // The program's loudness gain joins the master gain, smoothed the same way.
    const float target = master_gain * (program ? program->loudness_gain : 1.0f);
    const float gain_end = target + (master_now - target) * smooth;
    const float dg = (gain_end - master_now) / dsp::kBlock;
    float g = master_now;
    for (int i = 0; i < dsp::kBlock; ++i, g += dg) {
      l[i] *= g;
      r[i] *= g;
    }
    master_now = std::fabs(gain_end - target) < 1e-6f ? target : gain_end;
    limiter.Process(l, r, dsp::kBlock);
  }
};

SynthEngine::SynthEngine(const EngineSettings& settings) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.settings = settings;
  m.sample_rate = std::isfinite(settings.sample_rate)
                      ? std::clamp(settings.sample_rate, 8000.0, 384000.0)
                      : 48000.0;
  m.voices.resize(static_cast<size_t>(std::clamp(settings.max_voices, 1, 1024)));
  for (Voice& v : m.voices) v.Init(m.sample_rate);
  // One FluidSynth per engine, ready before any program arrives (preallocated voices),
  // unless the settings say no program of this engine plays a soundfont.
  if (settings.general_midi &&
      m.gm.Init(m.sample_rate, static_cast<int>(std::min<size_t>(m.voices.size(), 256))))
    for (size_t i = 0; i < m.voices.size(); ++i)
      m.voices[i].AttachGm(&m.gm, static_cast<int>(i % 256));
  m.banks.Init(std::max(0, settings.max_partials));
  m.slot_owner.assign(static_cast<size_t>(m.banks.Capacity() / BankOscillator::kGroup), -1);
  m.reverb.Init(m.sample_rate);
  m.limiter.Init(m.sample_rate);
  m.master_gain = m.master_now =
      std::isfinite(settings.master_gain) ? std::clamp(settings.master_gain, 0.0f, 16.0f) : 1.0f;
  m.reverb_mix = m.reverb_now =
      std::isfinite(settings.reverb_mix) ? std::clamp(settings.reverb_mix, 0.0f, 1.0f) : 0.0f;
  m.smooth = static_cast<float>(std::exp(-dsp::kBlock / (kSmoothSeconds * m.sample_rate)));
}

SynthEngine::~SynthEngine() = default;

void SynthEngine::SetProgram(const RenderProgram* program) {
  Impl& m = *impl_;
  // Voices from the old program ring out (released); samplers stop at once because their
  // sample memory belongs to the old program, which the caller may free after this call.
  for (Voice& v : m.voices) {
    VoiceOwner& o = v.Owner();
    if (o.kind == VoiceOwner::Kind::kNote || o.kind == VoiceOwner::Kind::kGesture) {
      v.Release();
      o.kind = VoiceOwner::Kind::kNone;
    }
  }
  for (Voice& v : m.voices) {
    const dsp::SampleData* unused = nullptr;
    if (!v.Free() && m.KindOf(v.Instrument(), &unused) == InstrumentKind::kSampler) v.Reset();
  }
  // A first program starts at its own level (no ramp from the old gain at the very start).
  if (!m.program && program) m.master_now = m.master_gain * program->loudness_gain;
  m.program = program;
  // Bank slots keep their phases: an edit that leaves an image alone plays on seamlessly.
  const double at = m.beat;
  if (program) {
    const auto& notes = program->notes;
    m.next_note = static_cast<size_t>(
        std::lower_bound(notes.begin(), notes.end(), at,
                         [](const NoteEvent& n, double b) { return n.start_beat < b; }) -
        notes.begin());
    const auto& gs = program->gestures;
    m.next_gesture = static_cast<size_t>(
        std::lower_bound(gs.begin(), gs.end(), at,
                         [](const GestureEvent& g, double b) { return g.StartBeat() < b; }) -
        gs.begin());
  } else {
    m.next_note = m.next_gesture = 0;
    std::fill(m.slot_owner.begin(), m.slot_owner.end(), -1);
  }
}

void SynthEngine::Seek(double beat) {
  impl_->seek_pending = true;
  impl_->seek_target = std::isfinite(beat) ? beat : 0.0;
}

void SynthEngine::SetPlaying(bool playing) { impl_->playing = playing; }
void SynthEngine::SetTempoScale(double scale) {
  impl_->tempo_scale = std::isfinite(scale) ? std::clamp(scale, 0.05, 8.0) : 1.0;
}
void SynthEngine::SetMasterGain(float gain) {
  impl_->master_gain = std::isfinite(gain) ? std::clamp(gain, 0.0f, 16.0f) : 1.0f;
}
void SynthEngine::SetReverbMix(float mix) {
  impl_->reverb_mix = std::isfinite(mix) ? std::clamp(mix, 0.0f, 1.0f) : 0.0f;
}

void SynthEngine::Render(float* left, float* right, int frames) {
  Impl& m = *impl_;
  ScopedFlushDenormals no_denormals;
  int done = 0;
  while (done < frames) {
    if (m.out_pos == dsp::kBlock) {
      m.ProcessBlock();
      m.out_pos = 0;
    }
    const int n = std::min(frames - done, dsp::kBlock - m.out_pos);
    std::memcpy(left + done, m.out_l + m.out_pos, sizeof(float) * static_cast<size_t>(n));
    std::memcpy(right + done, m.out_r + m.out_pos, sizeof(float) * static_cast<size_t>(n));
    m.out_pos += n;
    done += n;
  }
  // The playhead as heard: the block's end minus what has not been handed out yet.
  const double ahead =
      m.playing && !m.seek_pending ? (dsp::kBlock - m.out_pos) * m.BeatsPerFrame() : 0.0;
  m.playhead.store(std::max(0.0, m.beat - ahead), std::memory_order_relaxed);
}

int SynthEngine::FramesUntilNextBlock() const {
  return impl_->out_pos >= dsp::kBlock ? 0 : dsp::kBlock - impl_->out_pos;
}

void SynthEngine::LiveNoteOn(int id, int instrument, double pitch, float velocity, float loudness,
                             float pan) {
  Impl& m = *impl_;
  LiveNoteOff(id);
  VoiceStart s;
  m.Describe(instrument, s);
  s.instrument = instrument;
  s.pitch = std::isfinite(pitch) ? std::clamp(pitch, 0.0, 135.0) : 60.0;
  s.velocity = std::isfinite(velocity) ? std::clamp(velocity, 0.0f, 1.0f) : 0.0f;
  s.loudness = std::isfinite(loudness) ? std::clamp(loudness, 0.0f, 1.0f) : 0.0f;
  s.pan = std::isfinite(pan) ? std::clamp(pan, -1.0f, 1.0f) : 0.0f;
  s.seed = m.live_seed++;
  m.Allocate().Start(s, VoiceOwner{VoiceOwner::Kind::kLive, id, 0});
}

void SynthEngine::LiveGesture(int id, double pitch, float loudness) {
  if (!std::isfinite(pitch) || !std::isfinite(loudness)) return;
  for (Voice& v : impl_->voices)
    if (v.Owner().kind == VoiceOwner::Kind::kLive && v.Owner().index == id)
      v.SetTarget(std::clamp(pitch, 0.0, 135.0), std::clamp(loudness, 0.0f, 1.0f));
}

void SynthEngine::LiveNoteOff(int id) {
  for (Voice& v : impl_->voices)
    if (v.Owner().kind == VoiceOwner::Kind::kLive && v.Owner().index == id) {
      v.Release();
      v.Owner().kind = VoiceOwner::Kind::kNone;
    }
}

void SynthEngine::AllNotesOff() {
  for (Voice& v : impl_->voices) {
    v.FadeOut();
    v.Owner().kind = VoiceOwner::Kind::kNone;
  }
}

VoiceCensus SynthEngine::Census() const {
  VoiceCensus c;
  for (const Voice& v : impl_->voices) {
    if (v.Free()) continue;
    switch (v.Owner().kind) {
      case VoiceOwner::Kind::kNote:
        ++c.note;
        break;
      case VoiceOwner::Kind::kGesture:
        ++c.gesture;
        break;
      case VoiceOwner::Kind::kLive:
        ++c.live;
        break;
      case VoiceOwner::Kind::kNone:
        ++c.unowned;
        break;
    }
  }
  for (int o : impl_->slot_owner) c.bank_groups += o >= 0;
  return c;
}

double SynthEngine::PlayheadBeat() const { return impl_->playhead.load(std::memory_order_relaxed); }
void SynthEngine::SoloInstrument(int instrument) { impl_->solo = instrument < 0 ? -1 : instrument; }
int SynthEngine::LatencyFrames() const { return impl_->limiter.LatencyFrames(); }

}  // namespace graphony
