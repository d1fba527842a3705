// Note names, frequencies and scales: the pitch vocabulary shared by every part of Graphony.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/score.h"

namespace graphony {

// "C4" -> 60, "F#3" -> 54, "Bb2" -> 46. Returns nullopt for anything else.
std::optional<int> ParseNoteName(const std::string& text);
// 60 -> "C4"; prefer_flats spells black keys as flats ("Bb3").
std::string NoteName(int midi, bool prefer_flats = false);
// "440Hz" / "55hz" -> MIDI number (fractional). nullopt if not a frequency.
std::optional<double> ParseFrequency(const std::string& text);
double MidiToHz(double midi);
double HzToMidi(double hz);

// Semitone offsets from the root within one octave for a named scale, e.g. major-pentatonic
// -> {0,2,4,7,9}. "none" -> empty (continuous). "custom" uses Mapping::custom_intervals.
// Returns nullopt for an unknown name.
std::optional<std::vector<int>> ScaleDegrees(const std::string& name);
// A scale's name as people read it ("Major pentatonic" for "major-pentatonic"), in English
// and marked N_() for translation where it is shown; the name itself for an unknown scale.
const char* ScaleLabel(const std::string& name);
const std::vector<std::string>& KnownScaleNames();  // includes "none" and "custom"

// Every MIDI note of the mapping's scale within [lowest, highest], ascending. Empty for
// "none" (continuous mapping).
std::vector<int> ScaleNotesInRange(const Mapping& mapping);

// Height 0..1 -> pitch. Each scale note in range gets an equal share of the height, bottom =
// lowest note, top = highest. For "none", pitch is linear in height between lowest/highest.
double HeightToPitch(const Mapping& mapping, double height);
// The continuous pitch for a height (linear between lowest and highest), before snapping.
double HeightToContinuousPitch(const Mapping& mapping, double height);
// Snap any pitch to the nearest scale note in range (identity for "none", rounded).
int SnapToScale(const Mapping& mapping, double pitch);
// Centre height of a scale note's band (inverse of HeightToPitch for scale notes).
double PitchToHeight(const Mapping& mapping, double pitch);

// Pitch of a stroke at `height` (0..1). `scale_notes` is ScaleNotesInRange(mapping).
//
// Why: a pitch that follows the pen exactly is out of tune almost everywhere, while snapping
// makes a stroke a staircase. So each scale note owns the middle half of the distance between
// neighbouring band centres (the same bands HeightToPitch uses), where the pitch is exactly
// that note; in between, the pitch glides along a smoothstep to the next note. A steady hand
// plays in tune ("no wrong notes"), and a moving hand is heard as a glide. With scale "none"
// (or no scale note in range) the pitch is the plain linear height mapping.
double GlidePitch(const Mapping& mapping, const std::vector<int>& scale_notes, double height);

// One horizontal band of the canvas: the heights a note owns (for drawing and guides).
struct PitchBand {
  double bottom = 0, top = 0;  // heights 0..1
  int midi = 60;
  bool is_root = false;  // the scale's root pitch class
};

// The pitch map of one mapping, with its scale notes computed once: the one owner of height
// <-> scale note <-> band. The free functions above answer the same through it; inner loops
// (interpretation, drawing) keep one PitchMap instead of rebuilding the scale per call.
class PitchMap {
 public:
  explicit PitchMap(const Mapping& mapping);

  const std::vector<int>& notes() const { return notes_; }  // ScaleNotesInRange
  // HeightToPitch: each scale note owns an equal share of the height.
  double Pitch(double height) const;
  // SnapToScale(HeightToPitch(height)): the printed pitch.
  int Printed(double height) const { return static_cast<int>(std::lround(Pitch(height))); }
  // GlidePitch: a stroke's sounding pitch.
  double Glide(double height) const { return GlidePitch(mapping_, notes_, height); }
  int Snap(double pitch) const;
  // PitchToHeight: the centre of a note's band.
  double Height(double pitch) const;
  // The bands, bottom to top: one per scale note, or one per semitone when continuous.
  std::vector<PitchBand> Bands() const;

 private:
  Mapping mapping_;
  std::vector<int> notes_;
  bool continuous_;
};

// A pitch class (0 = C .. 11 = B, any integer wraps) by its everyday name, as menus show it:
// C, C#, D, Eb, E, F, F#, G, Ab, A, Bb, B.
const char* PitchClassName(int pitch_class);
// The pitch class of the major key whose notes the mapping's scale uses (A minor -> C, D dorian
// -> C, G mixolydian -> C): key signatures and spelling follow it.
int ParentMajorPitchClass(const Mapping& mapping);

// Whether the key (root + scale) is spelled with flats (F, Bb, Eb... majors; D, G, C minors).
bool KeyPrefersFlats(const Mapping& mapping);

}  // namespace graphony
