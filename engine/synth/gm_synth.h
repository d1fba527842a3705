// GmSynth: the engine's one FluidSynth instance, which plays every soundfont (kGeneralMidi)
// voice. Each engine voice owns one MIDI channel, so its pitch bend (glides, microtones),
// expression (loudness) and pan are its own. Driven only from the engine's render thread:
// FluidSynth's own locking is off (synth.threadsafe-api = 0), no audio driver is created,
// and its voices are preallocated (synth.polyphony).
#pragma once

#include <cstdint>
#include <vector>

typedef struct _fluid_hashtable_t fluid_settings_t;  // as FluidSynth's own headers declare them
typedef struct _fluid_synth_t fluid_synth_t;
typedef struct _fluid_voice_t fluid_voice_t;

namespace graphony {

struct GmPreset;
struct FluidApi;

class GmSynth {
 public:
  GmSynth() = default;
  ~GmSynth();
  GmSynth(const GmSynth&) = delete;
  GmSynth& operator=(const GmSynth&) = delete;

  // [non-audio] A synth at `sample_rate` with `channels` MIDI channels (one per engine voice,
  // up to 256). False (and the engine's voices stand in) if FluidSynth cannot run at this rate
  // or cannot be loaded.
  bool Init(double sample_rate, int channels);
  bool Ready() const { return synth_ != nullptr; }

  // [audio] Starts `preset` on `channel` at a fractional MIDI pitch; velocity and gain 0..1.
  void NoteOn(int channel, const GmPreset* preset, double pitch, float velocity, float gain,
              float pan);
  // [audio] Moves the channel's note to `pitch` (pitch bend) at `gain` (expression).
  void Control(int channel, double pitch, float gain);
  void NoteOff(int channel);  // [audio] release (the soundfont's release stage follows)
  void Silence(int channel);  // [audio] cut at once (after the voice's own short fade)
  // [audio] Once per block, before voices are told anything: which channels still sound.
  void Scan();
  bool Sounding(int channel) const;
  // [audio] Renders `frames` frames of every FluidSynth voice, added into left/right.
  void Render(float* left, float* right, int frames);

 private:
  struct Channel {
    int key = -1;
    unsigned int id = 0;
    int bend = 8192;
    int expression = 127;
    bool fresh = false;  // started since the last Scan()
    bool sounding = false;
  };
  const FluidApi* fl_ = nullptr;  // set by Init when libfluidsynth loads
  fluid_settings_t* settings_ = nullptr;
  fluid_synth_t* synth_ = nullptr;
  std::vector<Channel> channels_;
  std::vector<fluid_voice_t*> voice_list_;
  std::vector<float> buf_l_, buf_r_;
  unsigned int next_id_ = 1;
  int polyphony_ = 0;
};

}  // namespace graphony
