// Note names, frequencies and scale geometry (height <-> pitch).
#include "core/pitch.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/i18n.h"

namespace graphony {

namespace {

const std::map<std::string, std::vector<int>>& ScaleTable() {
  static const std::map<std::string, std::vector<int>> kTable = {
      {"major-pentatonic", {0, 2, 4, 7, 9}},
      {"minor-pentatonic", {0, 3, 5, 7, 10}},
      {"major", {0, 2, 4, 5, 7, 9, 11}},
      {"natural-minor", {0, 2, 3, 5, 7, 8, 10}},
      {"dorian", {0, 2, 3, 5, 7, 9, 10}},
      {"mixolydian", {0, 2, 4, 5, 7, 9, 10}},
      {"blues", {0, 3, 5, 6, 7, 10}},
      {"whole-tone", {0, 2, 4, 6, 8, 10}},
      {"chromatic", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
      {"none", {}},
  };
  return kTable;
}

// Custom interval lists are steps between successive degrees; turn them into offsets.
std::vector<int> DegreesOf(const Mapping& m) {
  if (m.scale == "custom") {
    std::vector<int> degrees{0};
    int acc = 0;
    for (int step : m.custom_intervals) {
      acc += step;
      if (acc >= 12) break;
      if (step > 0) degrees.push_back(acc);
    }
    return degrees;
  }
  auto d = ScaleDegrees(m.scale);
  return d ? *d : std::vector<int>{0, 2, 4, 7, 9};
}

}  // namespace

std::optional<int> ParseNoteName(const std::string& text) {
  static const int kSteps[7] = {9, 11, 0, 2, 4, 5, 7};  // A B C D E F G
  if (text.size() < 2) return std::nullopt;
  char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  if (letter < 'A' || letter > 'G') return std::nullopt;
  int semitone = kSteps[letter - 'A'];
  size_t i = 1;
  while (i < text.size() && (text[i] == '#' || text[i] == 'b')) {
    semitone += text[i] == '#' ? 1 : -1;
    ++i;
  }
  if (i >= text.size()) return std::nullopt;
  const std::string octave_text = text.substr(i);
  char* end = nullptr;
  long octave = std::strtol(octave_text.c_str(), &end, 10);
  if (end == octave_text.c_str() || *end != '\0' || octave < -1 || octave > 9) return std::nullopt;
  int midi = static_cast<int>((octave + 1) * 12) + semitone;
  if (midi < kLowestMidi || midi > kHighestMidi) return std::nullopt;
  return midi;
}

std::string NoteName(int midi, bool prefer_flats) {
  static const char* kSharps[12] = {"C",  "C#", "D",  "D#", "E",  "F",
                                    "F#", "G",  "G#", "A",  "A#", "B"};
  static const char* kFlats[12] = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};
  int pc = ((midi % 12) + 12) % 12;
  int octave = (midi - pc) / 12 - 1;
  return std::string(prefer_flats ? kFlats[pc] : kSharps[pc]) + std::to_string(octave);
}

std::optional<double> ParseFrequency(const std::string& text) {
  if (text.size() < 3) return std::nullopt;
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.substr(lower.size() - 2) != "hz") return std::nullopt;
  const std::string number = lower.substr(0, lower.size() - 2);
  char* end = nullptr;
  double hz = std::strtod(number.c_str(), &end);
  if (end == number.c_str() || *end != '\0' || !(hz >= 8.0 && hz <= 20000.0)) return std::nullopt;
  return HzToMidi(hz);
}

double MidiToHz(double midi) { return 440.0 * std::pow(2.0, (midi - 69.0) / 12.0); }
double HzToMidi(double hz) { return 69.0 + 12.0 * std::log2(hz / 440.0); }

std::optional<std::vector<int>> ScaleDegrees(const std::string& name) {
  auto it = ScaleTable().find(name);
  if (it == ScaleTable().end()) return std::nullopt;
  return it->second;
}

const std::vector<std::string>& KnownScaleNames() {
  static const std::vector<std::string> kNames = {"major-pentatonic",
                                                  "minor-pentatonic",
                                                  "major",
                                                  "natural-minor",
                                                  "dorian",
                                                  "mixolydian",
                                                  "blues",
                                                  "whole-tone",
                                                  "chromatic",
                                                  "none",
                                                  "custom"};
  return kNames;
}

const char* ScaleLabel(const std::string& name) {
  static const struct {
    const char* name;
    const char* label;
  } kLabels[] = {
      {"major-pentatonic", N_("Major pentatonic")},
      {"minor-pentatonic", N_("Minor pentatonic")},
      {"major", N_("Major")},
      {"natural-minor", N_("Minor")},
      {"dorian", N_("Dorian")},
      {"mixolydian", N_("Mixolydian")},
      {"blues", N_("Blues")},
      {"whole-tone", N_("Whole tone")},
      {"chromatic", N_("All twelve notes")},
      {"none", N_("Any pitch (no scale)")},
      {"custom", N_("The score's own scale")},
  };
  for (const auto& l : kLabels)
    if (name == l.name) return l.label;
  return name.c_str();
}

std::vector<int> ScaleNotesInRange(const Mapping& m) {
  std::vector<int> notes;
  if (m.scale == "none") return notes;
  const std::vector<int> degrees = DegreesOf(m);
  const int lo = static_cast<int>(std::ceil(m.lowest - 1e-9));
  const int hi = static_cast<int>(std::floor(m.highest + 1e-9));
  for (int midi = std::max(lo, kLowestMidi); midi <= std::min(hi, kHighestMidi); ++midi) {
    int offset = ((midi - m.root) % 12 + 12) % 12;
    if (std::find(degrees.begin(), degrees.end(), offset) != degrees.end()) notes.push_back(midi);
  }
  return notes;
}

double HeightToContinuousPitch(const Mapping& m, double height) {
  height = std::clamp(height, 0.0, 1.0);
  return m.lowest + (m.highest - m.lowest) * height;
}

double HeightToPitch(const Mapping& m, double height) { return PitchMap(m).Pitch(height); }
int SnapToScale(const Mapping& m, double pitch) { return PitchMap(m).Snap(pitch); }
double PitchToHeight(const Mapping& m, double pitch) { return PitchMap(m).Height(pitch); }

double GlidePitch(const Mapping& mapping, const std::vector<int>& notes, double height) {
  if (notes.empty()) return HeightToContinuousPitch(mapping, height);
  height = std::clamp(height, 0.0, 1.0);
  const double n = static_cast<double>(notes.size());
  const double u = height * n - 0.5;  // band coordinate: u == i at band i's centre
  if (u <= 0) return notes.front();
  if (u >= n - 1) return notes.back();
  const size_t i = static_cast<size_t>(std::floor(u));
  const double f = u - static_cast<double>(i);
  const double t = std::clamp((f - 0.25) / 0.5, 0.0, 1.0);
  const double smooth = t * t * (3.0 - 2.0 * t);
  return notes[i] + (notes[i + 1] - notes[i]) * smooth;
}

PitchMap::PitchMap(const Mapping& mapping)
    : mapping_(mapping), notes_(ScaleNotesInRange(mapping)), continuous_(mapping.scale == "none") {}

double PitchMap::Pitch(double height) const {
  if (continuous_) return HeightToContinuousPitch(mapping_, height);
  if (notes_.empty()) return std::round(HeightToContinuousPitch(mapping_, height));
  height = std::clamp(height, 0.0, 1.0);
  const size_t band = static_cast<size_t>(height * static_cast<double>(notes_.size()));
  return notes_[std::min(band, notes_.size() - 1)];
}

int PitchMap::Snap(double pitch) const {
  if (notes_.empty()) return static_cast<int>(std::lround(pitch));
  int best = notes_.front();
  for (int n : notes_)
    if (std::abs(n - pitch) < std::abs(best - pitch)) best = n;
  return best;
}

double PitchMap::Height(double pitch) const {
  const Mapping& m = mapping_;
  if (continuous_ || m.highest <= m.lowest) {
    if (m.highest <= m.lowest) return 0.5;
    return std::clamp((pitch - m.lowest) / (m.highest - m.lowest), 0.0, 1.0);
  }
  if (notes_.empty()) return 0.5;
  const int snapped = Snap(pitch);
  const size_t index =
      static_cast<size_t>(std::find(notes_.begin(), notes_.end(), snapped) - notes_.begin());
  return (static_cast<double>(index) + 0.5) / static_cast<double>(notes_.size());
}

std::vector<PitchBand> PitchMap::Bands() const {
  const Mapping& m = mapping_;
  auto is_root = [&m](int p) { return ((p - m.root) % 12 + 12) % 12 == 0; };
  std::vector<PitchBand> bands;
  if (!notes_.empty()) {
    // Each scale note owns an equal share of the height.
    const double share = 1.0 / static_cast<double>(notes_.size());
    for (size_t i = 0; i < notes_.size(); ++i)
      bands.push_back({share * static_cast<double>(i), share * static_cast<double>(i + 1),
                       notes_[i], is_root(notes_[i])});
    return bands;
  }
  // Continuous mapping: one band per semitone, linear in height.
  const int lo = static_cast<int>(std::ceil(m.lowest)),
            hi = static_cast<int>(std::floor(m.highest));
  const double span = std::max(1e-6, m.highest - m.lowest);
  for (int p = std::max(lo, 0); p <= hi && p < 128; ++p) {
    const double c = (p - m.lowest) / span, half = 0.5 / span;
    bands.push_back({std::max(0.0, c - half), std::min(1.0, c + half), p, is_root(p)});
  }
  return bands;
}

const char* PitchClassName(int pitch_class) {
  static const char* kNames[12] = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
  return kNames[((pitch_class % 12) + 12) % 12];
}

int ParentMajorPitchClass(const Mapping& m) {
  const int pc = ((m.root % 12) + 12) % 12;
  // Minor keys sound their relative major 3 semitones up; the modes their parent major.
  if (m.scale == "dorian") return (pc + 10) % 12;
  if (m.scale == "mixolydian") return (pc + 5) % 12;
  if (m.scale == "natural-minor" || m.scale == "minor-pentatonic" || m.scale == "blues")
    return (pc + 3) % 12;
  return pc;
}

bool KeyPrefersFlats(const Mapping& m) {
  const int major_pc = ParentMajorPitchClass(m);
  // F, Bb, Eb, Ab, Db, Gb major use flats.
  return major_pc == 5 || major_pc == 10 || major_pc == 3 || major_pc == 8 || major_pc == 1 ||
         major_pc == 6;
}

}  // namespace graphony
