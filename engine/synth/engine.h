// The synthesis engine: one render path for offline export and live playback.
// Thread rules: Prepare() runs on any non-audio thread; everything marked [audio] runs on
// the thread that renders (the PortAudio callback, or the offline renderer's loop) and
// never allocates, locks, logs or touches files.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/score.h"
#include "interpret/events.h"

namespace graphony {

struct EngineSettings {
  double sample_rate = 48000;  // 22050 .. 192000
  float reverb_mix = 0.18f;    // 0 = dry
  float master_gain = 1.0f;    // linear, before the limiter
  int max_voices = 64;         // fixed voice pool for notes, gestures and live input
  std::string samples_dir;     // where sampler instruments look for files (besides the bundle);
                               // empty = DefaultSamplesDir() (synth/sample_loader.h)
  // The General MIDI soundfont (SF2/SF3) for kGeneralMidi instruments; empty = the file in
  // $GRAPHONY_SOUNDFONT, else the first of Debian's GM soundfont packages present.
  std::string soundfont;
  // Added by the synth issue:
  AssetStore assets;  // the score bundle's files; sampler looks here first
  // The score's sampled instruments (root pitch, loop) for the bundle samples they name.
  std::vector<SampledInstrument> sampled_instruments;
  int max_partials = 16384;  // oscillator slots for scan-mode banks (allocated up front)
  float partial_gain = 0;    // amplitude of a full-bright partial; 0 = automatic (by image
                             // energy); < 0 = 1/rows of its bank (dry measurements)
  // Scan-mode banks through inverse-FFT synthesis (synth/bank_fft.h) with oscillator
  // corrections where amplitudes bend fast; false = oscillators only (comparisons).
  bool bank_fft = true;
  // Loudness normalisation (EBU R128): PrepareProgram measures the program once and stores
  // the gain that brings it to target_lufs; the engine applies it before the limiter, so
  // live playback and offline render of one program play at the same level.
  bool normalise_loudness = false;  // the CLI and the editor turn it on
  // Offline only: keep the loudness probe's mix in the program (RenderProgram::probe_mix), so
  // the render replays it through the limiter instead of rendering the score a second time.
  bool keep_loudness_probe = false;
  double target_lufs = -16;
  // False: the engine makes no FluidSynth (and libfluidsynth is not loaded). Offline renders
  // set it from their program (RenderProgram::UsesGeneralMidi); a live engine keeps it, since
  // a program with a soundfont instrument may arrive at any time and FluidSynth's voices are
  // allocated when it is made, never on the audio thread.
  bool general_midi = true;
};

// Events compiled for rendering at one sample rate: instruments resolved, samples loaded,
// partial banks laid out for the oscillator bank. Immutable once built; shared by pointer.
class RenderProgram;

// Builds a program off the audio thread. Throws std::runtime_error with a clear message
// (e.g. a sampler file that cannot be read).
std::shared_ptr<const RenderProgram> PrepareProgram(const Events& events,
                                                    const EngineSettings& settings);

// How many pool voices sound, by who owns them (a debug readout: a voice that never ends
// shows up here). `unowned` are released or fading tails, no longer addressable.
struct VoiceCensus {
  int note = 0, gesture = 0, live = 0, unowned = 0;
  int bank_groups = 0;  // oscillator-bank slot groups held by a picture bank
};

class SynthEngine {
 public:
  explicit SynthEngine(const EngineSettings& settings);  // allocates everything it will need
  ~SynthEngine();
  SynthEngine(const SynthEngine&) = delete;
  SynthEngine& operator=(const SynthEngine&) = delete;

  // [audio] The program to play. The caller keeps it alive until it is replaced and the
  // swap has been observed (see realtime/). nullptr = nothing scheduled (live input only).
  void SetProgram(const RenderProgram* program);
  // [audio] Jump to a beat; sounding voices fade out quickly (no click).
  void Seek(double beat);
  // [audio] Transport: when stopped, scheduled events do not advance (live notes still sound).
  void SetPlaying(bool playing);
  void SetTempoScale(double scale);  // 1 = the score's tempo
  void SetMasterGain(float gain);
  void SetReverbMix(float mix);
  // [audio] Render exactly `frames` frames (any count >= 0) of stereo into left/right,
  // advancing the playhead. Output never exceeds -1 dBFS.
  void Render(float* left, float* right, int frames);
  // [audio] Live input from the editor/CLI. `id` names a live voice chosen by the caller.
  // `loudness` is the smoothed gain on top of velocity and `pan` the placement, as for a
  // GestureEvent, so a live stroke sounds exactly as its playback.
  void LiveNoteOn(int id, int instrument, double pitch, float velocity, float loudness = 1.0f,
                  float pan = 0.0f);
  void LiveGesture(int id, double pitch, float loudness);  // move a live voice smoothly
  void LiveNoteOff(int id);
  void AllNotesOff();
  // [audio or any, read-only] Current playhead position in beats.
  double PlayheadBeat() const;
  // [audio] Render only one instrument (for stems); -1 = all.
  void SoloInstrument(int instrument);
  // [any] Output delay of the master limiter's look-ahead, in frames (offline render drops it).
  int LatencyFrames() const;
  // [audio] Frames Render() hands out before it computes its next internal block (0..63).
  // A transport change made exactly then takes effect on that frame, not up to a block late.
  int FramesUntilNextBlock() const;
  // [audio] The voices sounding now, by owner (allocation-free).
  VoiceCensus Census() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace graphony
