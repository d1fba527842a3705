// Note names, frequencies and scales: the pitch vocabulary shared by every part of Graphony.
#pragma once

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

// Whether the key (root + scale) is spelled with flats (F, Bb, Eb... majors; D, G, C minors).
bool KeyPrefersFlats(const Mapping& mapping);

}  // namespace graphony
