// The typed messages the control thread (UI/CLI) sends to the audio thread.
#pragma once

#include <cstdint>

namespace graphony {

enum class CommandType : uint8_t {
  kPlay,            // start the transport; id = count-in beats (0 = at once)
  kStop,            // stop the transport (scheduled events pause; live notes keep sounding);
                    // also cancels a count-in
  kSeek,            // beat = where to jump
  kSetLoop,         // beat..end_beat becomes the loop region
  kClearLoop,       // play straight through
  kTempoScale,      // value = 1 for the score's tempo, 0.5 half speed...
  kMasterVolume,    // value = linear gain
  kNoteOn,          // live audition: id, instrument, pitch (MIDI), level = velocity 0..1
  kGesture,         // live audition: id, pitch, level = loudness 0..1
  kNoteOff,         // live audition: id
  kAllNotesOff,     // silence every live voice
  kStartRecording,  // start pushing output (and input) into the recording rings; id = 1:
                    // only from the frame the transport starts playing (after a count-in)
  kStopRecording,   // stop pushing; the writer drains what is left
  kStopClip,        // stop the sound clip (a take played back); the clip is handed back
};

// One command. Plain data so it can travel through SpscRing; build it with the helpers.
struct Command {
  CommandType type = CommandType::kStop;
  int id = 0;           // live voice id (note on/off, gesture)
  int instrument = 0;   // index into Events::instruments
  double beat = 0;      // seek target, loop start
  double end_beat = 0;  // loop end
  double value = 0;     // tempo scale, master volume, pitch (MIDI number)
  float level = 0;      // velocity or loudness 0..1
  float loudness = 1;   // note on: the smoothed gain on top of velocity (as a gesture's)
  float pan = 0;        // note on: -1 left .. +1 right
  int64_t sent_ns = 0;  // steady-clock time of sending, for latency probes (0 = none)

  static Command Play(int count_in_beats = 0) {
    Command c{CommandType::kPlay};
    c.id = count_in_beats;
    return c;
  }
  static Command Stop() { return {CommandType::kStop}; }
  static Command Seek(double beat) {
    Command c{CommandType::kSeek};
    c.beat = beat;
    return c;
  }
  static Command SetLoop(double start_beat, double end_beat) {
    Command c{CommandType::kSetLoop};
    c.beat = start_beat;
    c.end_beat = end_beat;
    return c;
  }
  static Command ClearLoop() { return {CommandType::kClearLoop}; }
  static Command TempoScale(double scale) {
    Command c{CommandType::kTempoScale};
    c.value = scale;
    return c;
  }
  static Command MasterVolume(double gain) {
    Command c{CommandType::kMasterVolume};
    c.value = gain;
    return c;
  }
  static Command NoteOn(int id, int instrument, double pitch, float velocity, float loudness = 1.0f,
                        float pan = 0.0f) {
    Command c{CommandType::kNoteOn};
    c.id = id;
    c.instrument = instrument;
    c.value = pitch;
    c.level = velocity;
    c.loudness = loudness;
    c.pan = pan;
    return c;
  }
  static Command Gesture(int id, double pitch, float loudness) {
    Command c{CommandType::kGesture};
    c.id = id;
    c.value = pitch;
    c.level = loudness;
    return c;
  }
  static Command NoteOff(int id) {
    Command c{CommandType::kNoteOff};
    c.id = id;
    return c;
  }
  static Command AllNotesOff() { return {CommandType::kAllNotesOff}; }
  static Command StartRecording(bool when_playing_starts = false) {
    Command c{CommandType::kStartRecording};
    c.id = when_playing_starts ? 1 : 0;
    return c;
  }
  static Command StopClip() { return {CommandType::kStopClip}; }
  static Command StopRecording() { return {CommandType::kStopRecording}; }
};

}  // namespace graphony
