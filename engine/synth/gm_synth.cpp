// GmSynth (see gm_synth.h): FluidSynth set up for an engine's render thread.
#include "synth/gm_synth.h"

#include <fluidsynth.h>

#include <algorithm>
#include <cmath>

#include "synth/fluid_api.h"
#include "synth/soundfont.h"

namespace graphony {

fluid_preset_t* FluidPresetOf(const GmPreset* preset);  // synth/soundfont.cpp

namespace {

// Room for every engine voice's layers: a soundfont note is often two (stereo) or more
// FluidSynth voices. Preallocated by new_fluid_synth; FluidSynth steals beyond it.
constexpr int kPolyphony = 512;
// Pitch bend range in semitones: a glide's whole span rides on one bend (MIDI allows up to
// 127 semitones of sensitivity; 14-bit bend over +-48 keeps steps under 0.6 cent).
constexpr int kBendRange = 48;
// FluidSynth's output level: its default (0.2) sits about 10 dB under the engine's own voices.
constexpr double kGain = 0.6;
constexpr int kMaxFrames = 64;

int ExpressionOf(float gain) {
  // GM volume law: amplitude = (cc / 127)^2.
  return std::clamp(static_cast<int>(std::lround(127.0 * std::sqrt(std::clamp(gain, 0.0f, 1.0f)))),
                    0, 127);
}

}  // namespace

GmSynth::~GmSynth() {
  if (!fl_) return;
  if (synth_) fl_->delete_synth(synth_);
  if (settings_) fl_->delete_settings(settings_);
}

bool GmSynth::Init(double sample_rate, int channels) {
  // FluidSynth runs 8 kHz .. 96 kHz; higher engine rates keep the engine's own voices.
  if (!(sample_rate >= 8000 && sample_rate <= 96000)) return false;
  const int n = std::clamp((channels + 15) / 16 * 16, 16, 256);
  fl_ = Fluid();
  if (!fl_) return false;
  settings_ = fl_->new_settings();
  if (!settings_) return false;
  fl_->settings_setnum(settings_, "synth.sample-rate", sample_rate);
  fl_->settings_setint(settings_, "synth.midi-channels", n);
  fl_->settings_setint(settings_, "synth.polyphony", kPolyphony);
  fl_->settings_setint(settings_, "synth.threadsafe-api", 0);  // one thread drives it
  fl_->settings_setint(settings_, "synth.reverb.active", 0);   // the engine has its own room
  fl_->settings_setint(settings_, "synth.chorus.active", 0);
  fl_->settings_setnum(settings_, "synth.gain", kGain);
  fl_->settings_setint(settings_, "synth.cpu-cores", 1);
  synth_ = fl_->new_synth(settings_);
  if (!synth_) return false;
  channels_.assign(static_cast<size_t>(n), Channel{});
  for (int c = 0; c < n; ++c) {
    fl_->pitch_wheel_sens(synth_, c, kBendRange);
    fl_->cc(synth_, c, 7, 127);  // channel volume full; expression carries loudness
  }
  polyphony_ = fl_->get_polyphony(synth_);
  voice_list_.assign(static_cast<size_t>(polyphony_) + 1, nullptr);
  buf_l_.assign(kMaxFrames, 0.0f);
  buf_r_.assign(kMaxFrames, 0.0f);
  return true;
}

void GmSynth::NoteOn(int channel, const GmPreset* preset, double pitch, float velocity, float gain,
                     float pan) {
  fluid_preset_t* p = FluidPresetOf(preset);
  if (!synth_ || !p || channel < 0 || channel >= static_cast<int>(channels_.size())) return;
  Channel& ch = channels_[static_cast<size_t>(channel)];
  if (ch.key >= 0) fl_->all_sounds_off(synth_, channel);
  ch.key = std::clamp(static_cast<int>(std::lround(pitch)), 0, 127);
  ch.bend = -1;
  ch.expression = -1;
  Control(channel, pitch, gain);
  fl_->cc(synth_, channel, 10, std::clamp(static_cast<int>(std::lround(64 + 63 * pan)), 0, 127));
  const int vel = std::clamp(static_cast<int>(std::lround(1 + 126 * velocity)), 1, 127);
  ch.id = next_id_++;
  if (next_id_ == 0) next_id_ = 1;
  fl_->start(synth_, ch.id, p, 0, channel, ch.key, vel);
  ch.fresh = true;
}

void GmSynth::Control(int channel, double pitch, float gain) {
  if (!synth_ || channel < 0 || channel >= static_cast<int>(channels_.size())) return;
  Channel& ch = channels_[static_cast<size_t>(channel)];
  if (ch.key < 0) return;
  const double semis =
      std::clamp(pitch - ch.key, -static_cast<double>(kBendRange), static_cast<double>(kBendRange));
  const int bend =
      std::clamp(static_cast<int>(std::lround(8192 + semis * 8192.0 / kBendRange)), 0, 16383);
  if (bend != ch.bend) {
    fl_->pitch_bend(synth_, channel, bend);
    ch.bend = bend;
  }
  const int expression = ExpressionOf(gain);
  if (expression != ch.expression) {
    fl_->cc(synth_, channel, 11, expression);
    ch.expression = expression;
  }
}

void GmSynth::NoteOff(int channel) {
  if (!synth_ || channel < 0 || channel >= static_cast<int>(channels_.size())) return;
  Channel& ch = channels_[static_cast<size_t>(channel)];
  if (ch.key >= 0) fl_->stop(synth_, ch.id);
}

void GmSynth::Silence(int channel) {
  if (!synth_ || channel < 0 || channel >= static_cast<int>(channels_.size())) return;
  Channel& ch = channels_[static_cast<size_t>(channel)];
  if (ch.key >= 0) fl_->all_sounds_off(synth_, channel);
  ch.key = -1;
  ch.fresh = false;
  ch.sounding = false;
}

void GmSynth::Scan() {
  if (!synth_) return;
  for (Channel& ch : channels_) ch.sounding = ch.fresh;
  // Walking the voice list costs ~10 % of a scan-mode render with no GM voice at all.
  if (fl_->get_active_voice_count(synth_) == 0) {
    for (Channel& ch : channels_) ch.fresh = false;
    return;
  }
  fl_->get_voicelist(synth_, voice_list_.data(), polyphony_, -1);
  for (fluid_voice_t* v : voice_list_) {
    if (!v) break;
    const int c = fl_->voice_get_channel(v);
    if (c >= 0 && c < static_cast<int>(channels_.size()) && fl_->voice_is_playing(v))
      channels_[static_cast<size_t>(c)].sounding = true;
  }
  for (Channel& ch : channels_) ch.fresh = false;
}

bool GmSynth::Sounding(int channel) const {
  return channel >= 0 && channel < static_cast<int>(channels_.size()) &&
         channels_[static_cast<size_t>(channel)].sounding;
}

void GmSynth::Render(float* left, float* right, int frames) {
  if (!synth_) return;
  for (int done = 0; done < frames;) {
    const int n = std::min(frames - done, kMaxFrames);
    fl_->write_float(synth_, n, buf_l_.data(), 0, 1, buf_r_.data(), 0, 1);
    for (int i = 0; i < n; ++i) {
      left[done + i] += buf_l_[static_cast<size_t>(i)];
      right[done + i] += buf_r_[static_cast<size_t>(i)];
    }
    done += n;
  }
}

}  // namespace graphony
