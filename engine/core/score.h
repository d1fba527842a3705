// The score model: everything a Graphony composition holds, in musical time (beats), never pixels.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace graphony {

// 8-bit sRGB colour with alpha, as painted.
struct Color {
  uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color&) const = default;
};

// Decoded pixels, 8-bit RGBA, row-major, top row first. Shared read-only between
// the model, interpretation, the editor and printing.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;  // width * height * 4
  Color At(int x, int y) const {
    const uint8_t* p = &rgba[(static_cast<size_t>(y) * width + x) * 4];
    return Color{p[0], p[1], p[2], p[3]};
  }
};

// What one person agreed to. Every answer defaults to "no": only the person can say yes.
// Purposes (core/people.h names them) each have their own tick; a take's consent is derived
// from its players' (TakeAllowed in core/people.h), never stored a second time.
struct Consent {
  bool credit_by_name = false;  // may be printed by name; otherwise initials or "participant"
  bool group = false;           // their recordings may be shared within the group
  bool exhibition = false;      // ... played or shown at an exhibition or concert
  bool publicity = false;       // ... used in publicity
  bool research = false;        // ... used in research
  std::string keep_until;       // "YYYY-MM-DD": keep their recordings until then ("" = not set)
  bool operator==(const Consent&) const = default;
};

struct Contributor {
  std::string id;        // stable key used by strokes and takes, e.g. "c1"
  std::string name;      // name or initials as the person wishes
  std::string initials;  // used in credits when credit_by_name is false (may be empty)
  std::string role;      // optional: "painter", "cello", "facilitator"...
  Consent consent;
  bool operator==(const Contributor&) const = default;
};

struct Meter {
  int numerator = 4;
  int denominator = 4;
  bool operator==(const Meter&) const = default;
};

enum class ImageMode { kScan, kNotes };

// How heights become pitches. Pitches are MIDI note numbers (may be fractional for
// continuous mapping: 60.5 is a quarter tone above middle C).
struct Mapping {
  std::string scale = "major-pentatonic";    // a known scale name, "none" or "custom"
  std::vector<int> custom_intervals;         // semitone steps for "custom", e.g. {2,2,3,2,3}
  int root = 60;                             // MIDI number of the tonic (C4 = 60)
  double lowest = 55.0;                      // MIDI number at height 0 (playable range bottom)
  double highest = 79.0;                     // MIDI number at height 1 (playable range top)
  ImageMode image_mode = ImageMode::kNotes;  // default for new image layers
  double grid = 0.5;                         // shortest note in beats (0.5 = an eighth in x/4)
  int max_polyphony = 3;                     // notes mode: simultaneous notes per instrument
  int max_notes_per_beat = 4;                // notes mode: new notes per beat per instrument
  bool operator==(const Mapping&) const = default;
};

// One palette entry: a colour participants paint with and the instrument it plays.
struct PaletteEntry {
  Color color;
  std::string instrument;    // engine instrument: sine, soft-pad, pluck, marimba, flute, bell,
                             // bass, drum, sampler
  std::string display_name;  // shown to people: "Warm pad", "Bells"
  std::string sample;        // for "sampler": bundle entry or samples/ file (else empty)
  bool operator==(const PaletteEntry&) const = default;
};

struct StrokePoint {
  double beat = 0;     // time position
  double height = 0;   // 0 = bottom of the playable range, 1 = top
  float pressure = 1;  // 0..1
  bool operator==(const StrokePoint&) const = default;
};

struct Stroke {
  std::vector<StrokePoint> points;  // in drawing order (time may turn back)
  Color color;
  float width = 0.02f;      // brush width as a fraction of the canvas height
  std::string contributor;  // Contributor::id, may be empty
  bool operator==(const Stroke&) const = default;
};

struct ImageLayer {
  std::string file;          // bundle entry ("images/x.png") or path relative to score.json
  double start_beat = 0;     // left edge on the timeline
  double length_beats = 16;  // width on the timeline
  double bottom = 0;         // vertical extent, heights 0..1
  double top = 1;
  float opacity = 1;  // 0..1, also scales loudness
  ImageMode mode = ImageMode::kNotes;
  int rows = 0;                         // scan mode resolution; 0 = image height capped at 1024
  std::shared_ptr<const Image> pixels;  // decoded on load; not part of equality
  bool operator==(const ImageLayer& o) const {
    return file == o.file && start_beat == o.start_beat && length_beats == o.length_beats &&
           bottom == o.bottom && top == o.top && opacity == o.opacity && mode == o.mode &&
           rows == o.rows;
  }
};

struct StrokeLayer {
  std::vector<Stroke> strokes;
  bool operator==(const StrokeLayer&) const = default;
};

struct Layer {
  enum class Kind { kImage, kStrokes };
  Kind kind = Kind::kStrokes;
  std::string name;
  bool visible = true;
  bool locked = false;
  bool muted = false;
  ImageLayer image;     // used when kind == kImage
  StrokeLayer strokes;  // used when kind == kStrokes
  bool operator==(const Layer&) const = default;
};

struct SectionMarker {
  double beat = 0;
  std::string label;
  bool operator==(const SectionMarker&) const = default;
};

// A recorded take kept in the bundle's recordings/ folder.
struct Take {
  std::string file;                  // "recordings/take-1.wav"
  std::string name;                  // shown in the takes panel
  std::vector<std::string> players;  // Contributor ids; consent comes from them (core/people.h)
  std::string recorded_at;           // ISO 8601
  double start_beat = 0;
  bool operator==(const Take&) const = default;
};

// A sampler instrument made from (part of) a recorded take: "paint with your own voice".
// Everything here is found once, when it is made (synth/sampler_make.h), and kept so every
// render plays it the same way. Consent is never stored here: it is read from `players`'
// own answers (SampleAllowed in core/people.h), like a take's.
struct SampledInstrument {
  std::string file;         // the sample in the bundle: "samples/amiras-voice.wav"
  std::string name;         // shown to people and printed: "Amira's voice"
  std::string take;         // the source take's file ("recordings/take-1.wav")
  double from_seconds = 0;  // the part of the take that was used
  double to_seconds = 0;
  double root_midi = 60;   // the pitch it was sung at (aubio, at creation)
  int64_t loop_start = 0;  // sustain loop, in frames of `file`; 0/0 = no loop
  int64_t loop_end = 0;
  int64_t crossfade = 0;             // frames blended before loop_end into loop_start's lead-in
  std::vector<std::string> players;  // Contributor ids: the take's players when it was made
  bool operator==(const SampledInstrument&) const = default;
};

// Files carried inside a .graphony bundle (images/, samples/, recordings/), by entry name.
// Loaded on open, written back on save. Equality ignores it: it is payload, not model.
struct AssetStore {
  std::map<std::string, std::shared_ptr<const std::vector<uint8_t>>> files;
  bool operator==(const AssetStore&) const { return true; }
};

// The folder a score was opened from or last saved to (absolute; empty for a new score):
// files it names outside its bundle, like a relative soundfont, are found from there. Never
// saved, and equality ignores it: the same score is the same wherever it lies.
struct ScoreFolder {
  std::string path;
  bool operator==(const ScoreFolder&) const { return true; }
};

struct Score {
  std::string title = "Untitled";
  std::string date;  // ISO date the composition was made (may be empty)
  std::vector<Contributor> contributors;
  double tempo_bpm = 72;
  Meter meter;
  double length_beats = 32;
  Mapping mapping;
  std::vector<PaletteEntry> palette;
  std::vector<Layer> layers;  // drawn bottom to top
  std::vector<SectionMarker> sections;
  std::vector<Take> takes;
  std::vector<SampledInstrument> sampled_instruments;  // palette entries name them by file
  // The General MIDI soundfont this score plays with (a path, or "" for the default). A
  // relative path is found from the score's folder (`folder`); a missing or unreadable file
  // is warned about and the default plays (synth/score_settings.h).
  std::string soundfont;
  // The language the score prints in: a gettext code from i18n::Languages() ("pl", "zh_CN"),
  // or "" for the language of whoever prints it. Saved only when set.
  std::string language;
  AssetStore assets;
  ScoreFolder folder;
  bool operator==(const Score&) const = default;

  double SecondsPerBeat() const { return 60.0 / tempo_bpm; }
  double DurationSeconds() const { return length_beats * SecondsPerBeat(); }
};

// Limits that keep untrusted input bounded. Checked by validation and loading.
inline constexpr double kMinTempo = 20, kMaxTempo = 400;
inline constexpr double kMaxBeats = 100000;
inline constexpr int kMaxImageSide = 32768;
inline constexpr uint64_t kMaxEntryBytes = 512ull << 20;
inline constexpr int kLowestMidi = 0, kHighestMidi = 127;

}  // namespace graphony
