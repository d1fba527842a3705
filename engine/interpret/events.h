// The interpreted form of a score: timed notes, gestures and scan-mode partial banks.
// One Interpret() output feeds playback, audio export and notation alike.
#pragma once

#include <string>
#include <vector>

namespace graphony {

// A discrete note. Times are in beats from the start of the score.
struct NoteEvent {
  double start_beat = 0;
  double duration_beats = 0;
  double pitch = 60;         // MIDI number as heard (fractional when the scale is "none")
  int quantised_pitch = 60;  // snapped to the scale: what notation prints
  float velocity = 0.8f;     // 0..1
  int instrument = 0;        // index into Events::instruments
  float pan = 0;             // -1 left .. +1 right
  int layer = 0;             // index into Score::layers
  std::string contributor;   // Contributor::id, may be empty
  // False for the printable form of a stroke: the stroke sounds as its GestureEvent, and
  // this note (its scale- and grid-quantised shadow) is for notation only.
  bool sounding = true;
  int gesture = -1;  // index into Events::gestures when derived from a stroke
  bool operator==(const NoteEvent&) const = default;
};

// A gesture's voice starts at this velocity; its loudness curve is the gain on top.
inline constexpr float kGestureVelocity = 0.8f;

// A continuous stroke heard as a glide: pitch and loudness curves over time.
struct GesturePoint {
  double beat = 0;
  double pitch = 60;      // MIDI number, continuous
  float loudness = 0.8f;  // 0..1
  bool operator==(const GesturePoint&) const = default;
};
struct GestureEvent {
  std::vector<GesturePoint> points;  // strictly increasing beat
  int instrument = 0;
  float pan = 0;
  int layer = 0;
  std::string contributor;
  double StartBeat() const { return points.empty() ? 0 : points.front().beat; }
  double EndBeat() const { return points.empty() ? 0 : points.back().beat; }
  bool operator==(const GestureEvent&) const = default;
};

// Scan mode: an image heard as a bank of sine partials. Each row is one partial with a
// fixed frequency whose amplitude follows the image's columns across time.
struct PartialRow {
  double frequency_hz = 440;
  float pan = 0;
  std::vector<float> amplitude;  // one value per column, 0..1 (already includes opacity)
  bool operator==(const PartialRow&) const = default;
};
struct PartialBank {
  double start_beat = 0;
  double length_beats = 0;  // the columns span this evenly
  int columns = 0;
  int instrument = 0;  // timbre hint from the dominant hue (the bank itself is sines)
  int layer = 0;
  std::vector<PartialRow> rows;  // only rows that ever sound
  bool operator==(const PartialBank&) const = default;
};

// An instrument the events refer to (resolved from the palette).
struct InstrumentRef {
  std::string name;                   // engine instrument name ("sine", "flute", ...)
  std::string display_name;           // for legends and part names
  std::string sample;                 // sampler file, if any
  unsigned char r = 0, g = 0, b = 0;  // the palette colour
  bool operator==(const InstrumentRef&) const = default;
};

// Every event type compares whole (operator== = default), so tests of determinism and of the
// cache compare all fields, including ones added later.
struct Events {
  double tempo_bpm = 72;
  double length_beats = 0;
  std::vector<InstrumentRef> instruments;
  std::vector<NoteEvent> notes;        // sorted by start_beat, then pitch
  std::vector<GestureEvent> gestures;  // sorted by start beat
  std::vector<PartialBank> banks;
  bool operator==(const Events&) const = default;
};

}  // namespace graphony
