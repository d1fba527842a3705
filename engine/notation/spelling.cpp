// Key signatures and pitch spelling: the root and scale decide sharps or flats.
#include "core/pitch.h"
#include "notation/notation.h"

namespace graphony::notation {

namespace {

constexpr int kNaturalPc[7] = {0, 2, 4, 5, 7, 9, 11};  // C D E F G A B
// Major key tonic (letter, alter) for fifths -7..7.
struct Tonic {
  int letter, alter;
};
Tonic TonicOf(int fifths) {
  // Each fifth up moves the tonic letter by 4 (C G D A E B F# C#); down by 3 (F Bb Eb...).
  int letter = 0;
  int pc = 0;
  for (int i = 0; i < fifths; ++i) {
    letter = (letter + 4) % 7;
    pc = (pc + 7) % 12;
  }
  for (int i = 0; i > fifths; --i) {
    letter = (letter + 3) % 7;
    pc = (pc + 5) % 12;
  }
  int alter = pc - kNaturalPc[letter];
  if (alter > 6) alter -= 12;
  if (alter < -6) alter += 12;
  return {letter, alter};
}

int Mod12(int v) { return ((v % 12) + 12) % 12; }

}  // namespace

int KeyFifths(const Mapping& m, bool* minor) {
  const bool minorish =
      m.scale == "natural-minor" || m.scale == "minor-pentatonic" || m.scale == "blues";
  // The same parent major as KeyPrefersFlats, so signatures and names agree.
  const int major_pc = ParentMajorPitchClass(m);
  if (minor) *minor = minorish;
  static const int kFifthsOfMajor[12] = {0, -5, 2, -3, 4, -1, 6, 1, -4, 3, -2, 5};
  int fifths = kFifthsOfMajor[major_pc];
  if (major_pc == 6 && KeyPrefersFlats(m)) fifths = -6;
  return fifths;
}

Spelling SpellPitch(int midi, int key_fifths) {
  const int pc = Mod12(midi);
  const Tonic tonic = TonicOf(key_fifths);
  const int tonic_pc = Mod12(kNaturalPc[tonic.letter] + tonic.alter);
  static const int kMajorSteps[7] = {0, 2, 4, 5, 7, 9, 11};
  int letter = -1, alter = 0;
  for (int degree = 0; degree < 7; ++degree) {
    if (Mod12(tonic_pc + kMajorSteps[degree]) != pc) continue;
    letter = (tonic.letter + degree) % 7;
    alter = pc - kNaturalPc[letter];
    if (alter > 6) alter -= 12;
    if (alter < -6) alter += 12;
  }
  if (letter < 0) {
    // Outside the key: sharps in sharp keys and C, flats in flat keys.
    static const int kSharpLetter[12] = {0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5, 6};
    static const int kFlatLetter[12] = {0, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6};
    letter = key_fifths < 0 ? kFlatLetter[pc] : kSharpLetter[pc];
    alter = pc - kNaturalPc[letter];
  }
  const int natural_midi = midi - alter;
  return {letter, alter, natural_midi / 12 - 1};
}

}  // namespace graphony::notation
