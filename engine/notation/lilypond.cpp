// LilyPond source writer: engraved by `lilypond` for the printed notation pages.
#include <sstream>

#include "notation/credits.h"
#include "notation/writers.h"

namespace graphony::notation {

namespace {

// LilyPond strings: quotes and backslashes escaped, control characters dropped.
std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out + "\"";
}

std::string PitchName(int midi, int key_fifths) {
  static const char* kLetters[7] = {"c", "d", "e", "f", "g", "a", "b"};
  const Spelling s = SpellPitch(midi, key_fifths);
  std::string name = kLetters[s.letter];
  for (int i = 0; i < s.alter; ++i) name += "is";
  for (int i = 0; i > s.alter; --i) name += "es";
  // Absolute octaves: c is C3, c' is C4, c, is C2.
  for (int o = 3; o < s.octave; ++o) name += '\'';
  for (int o = 3; o > s.octave; --o) name += ',';
  return name;
}

std::string Duration(int ticks, int ticks_per_whole) {
  int denominator = 4, dots = 0;
  NoteValue(ticks, ticks_per_whole, &denominator, &dots);
  return std::to_string(denominator) + (dots ? "." : "");
}

void WriteVoice(std::ostringstream& ly, const std::vector<Element>& elements,
                const NotationScore& ns) {
  for (const Element& e : elements) {
    if (e.whole_measure_rest) {
      ly << "R1*" << ns.beats_per_measure << "/" << ns.beat_unit << " ";
      continue;
    }
    const std::string d = Duration(e.ticks, ns.TicksPerWhole());
    if (e.hidden) {
      ly << "s" << d << " ";
    } else if (e.pitches.empty()) {
      ly << "r" << d << " ";
    } else if (e.pitches.size() == 1) {
      ly << PitchName(e.pitches[0], ns.key_fifths) << d << (e.tie_start ? "~ " : " ");
    } else {
      ly << "<";
      for (size_t i = 0; i < e.pitches.size(); ++i)
        ly << (i ? " " : "") << PitchName(e.pitches[i], ns.key_fifths);
      ly << ">" << d << (e.tie_start ? "~ " : " ");
    }
  }
}

std::string KeyName(int fifths) {
  static const char* kMajors[13] = {"ges", "des", "aes", "ees", "bes", "f",  "c",
                                    "g",   "d",   "a",   "e",   "b",   "fis"};
  return kMajors[std::max(-6, std::min(6, fifths)) + 6];
}

// Beams group by the meter's beats (LilyPond's default joins four eighths across the middle
// of a 4/4 bar): each beat is one beam group; 6/8, 9/8 and 12/8 beam in dotted quarters, and
// irregular meters (5/8, 7/8) keep LilyPond's own groups. Set after \time, which would
// otherwise restore the time signature's default beaming.
std::string BeamByBeat(const NotationScore& ns) {
  const bool compound = ns.beat_unit == 8 && ns.beats_per_measure % 3 == 0;
  if (ns.beat_unit >= 8 && !compound) return "";
  const int groups = compound ? ns.beats_per_measure / 3 : ns.beats_per_measure;
  std::string text = "        \\set Timing.baseMoment = #(ly:make-moment 1/" +
                     std::to_string(ns.beat_unit) + ")\n        \\set Timing.beatStructure = ";
  for (int g = 0; g < groups; ++g) {
    if (g > 0) text += ',';
    text += compound ? '3' : '1';
  }
  return text + "\n        \\set Timing.beamExceptions = #'()\n";
}

// One part's staff: two continuous voices, so ties cross barlines inside one Voice; voice 1
// is neutral (\oneVoice) in bars where voice 2 is silent, and voice 2 is invisible spacing.
// With `fold_rests`, a run of empty bars is one multi-bar rest (a player's part).
// `measures` and `clef`: the part's staff, or one staff of its grand staff; `name` empty on
// a grand staff's staves (the PianoStaff carries it).
void WriteStaff(std::ostringstream& ly, const std::vector<Measure>& measures, Clef clef,
                const std::string& name, const NotationScore& ns, bool tempo, bool fold_rests) {
  auto empty = [&](size_t m) {
    const Measure& measure = measures[m];
    return measure.voice2.empty() && measure.voice1.size() == 1 &&
           measure.voice1[0].whole_measure_rest;
  };
  ly << "    \\new Staff ";
  if (!name.empty()) ly << "\\with { instrumentName = " << Quote(name) << " } ";
  ly << "<<\n";
  bool any_second = false;
  for (const Measure& m : measures) any_second = any_second || !m.voice2.empty();
  ly << "      \\new Voice = \"upper\" {\n";
  ly << "        \\clef "
     << (clef == Clef::kBass         ? "bass"
         : clef == Clef::kPercussion ? "percussion"
                                     : "treble")
     << " \\key " << KeyName(ns.key_fifths) << " \\major \\time " << ns.beats_per_measure << "/"
     << ns.beat_unit << "\n"
     << BeamByBeat(ns);
  if (tempo)
    ly << "        \\tempo " << ns.beat_unit << " = " << static_cast<int>(ns.tempo_bpm + 0.5)
       << "\n";
  bool two = false;
  for (size_t m = 0; m < measures.size(); ++m) {
    const Measure& measure = measures[m];
    ly << "        ";
    if (!measure.voice2.empty() != two || m == 0) {
      two = !measure.voice2.empty();
      ly << (two ? "\\voiceOne " : "\\oneVoice ");
    }
    size_t run = 1;
    while (fold_rests && empty(m) && m + run < measures.size() && empty(m + run)) ++run;
    if (run > 1) {
      ly << "R1*" << ns.beats_per_measure << "/" << ns.beat_unit << "*" << run << " | % " << m + 1
         << "-" << m + run << "\n";
      m += run - 1;
      continue;
    }
    WriteVoice(ly, measure.voice1, ns);
    ly << "| % " << m + 1 << "\n";
  }
  ly << "        \\bar \"|.\"\n      }\n";
  if (any_second) {
    ly << "      \\new Voice = \"lower\" { \\voiceTwo\n";
    for (size_t m = 0; m < measures.size(); ++m) {
      const Measure& measure = measures[m];
      ly << "        ";
      if (measure.voice2.empty())
        ly << "s1*" << ns.beats_per_measure << "/" << ns.beat_unit << " ";
      else
        WriteVoice(ly, measure.voice2, ns);
      ly << "| % " << m + 1 << "\n";
    }
    ly << "      }\n";
  }
  ly << "    >>\n";
}

// A part: one staff, or a grand staff (treble above, bass below) in a PianoStaff.
void WritePart(std::ostringstream& ly, const Part& part, const NotationScore& ns, bool tempo,
               bool fold_rests) {
  if (!part.grand_staff) {
    WriteStaff(ly, part.measures, part.clef, part.name, ns, tempo, fold_rests);
    return;
  }
  ly << "    \\new PianoStaff \\with { instrumentName = " << Quote(part.name) << " } <<\n";
  WriteStaff(ly, part.measures, Clef::kTreble, "", ns, tempo, fold_rests);
  WriteStaff(ly, part.lower, Clef::kBass, "", ns, false, fold_rests);
  ly << "    >>\n";
}

}  // namespace

std::string ToLilyPond(const NotationScore& ns, const std::string& paper, bool parts) {
  std::ostringstream ly;
  ly << "\\version \"2.24.0\"\n";
  ly << "% Written by Graphony from the interpreted score; engrave with: lilypond FILE.ly\n\n";
  ly << "#(set-default-paper-size " << Quote(paper == "letter" ? "letter" : "a4") << ")\n\n";
  ly << "\\header {\n  title = " << Quote(ns.title) << "\n";
  if (!ns.date.empty()) ly << "  subtitle = " << Quote(ns.date) << "\n";
  if (!ns.credits.empty()) ly << "  composer = " << Quote(MusicBy(ns.credits)) << "\n";
  ly << "  tagline = ##f\n}\n\n";
  if (!parts) {
    ly << "\\score {\n  <<\n";
    // A part of a note or two is left out (the legend names it and its bars).
    const std::vector<const Part*> staves = ScoreStaves(ns);
    for (size_t p = 0; p < staves.size(); ++p) WritePart(ly, *staves[p], ns, p == 0, false);
    // A part silent for a whole system is not printed there (after the first system).
    ly << "  >>\n  \\layout { \\context { \\Staff \\RemoveEmptyStaves } }\n}\n";
    return ly.str();
  }
  // One part a player, each from a new page: its name, who plays it, a bar number on every
  // bar, and runs of empty bars folded into one multi-bar rest.
  for (const Part& part : ns.parts) {
    ly << "\\bookpart {\n  \\header {\n    instrument = "
       << Quote(ns.easy ? EasyPartName(part.name) : part.name) << "\n";
    if (!part.players.empty()) ly << "    poet = " << Quote(PlayedBy(part.players)) << "\n";
    ly << "  }\n  \\score {\n  <<\n";
    WritePart(ly, part, ns, true, true);
    ly << "  >>\n  \\layout {\n    \\context { \\Score skipBars = ##t\n"
       << "      barNumberVisibility = #all-bar-numbers-visible\n"
          "      \\override BarNumber.break-visibility = ##(#f #t #t) }\n  }\n  }\n}\n";
  }
  return ly.str();
}

}  // namespace graphony::notation
