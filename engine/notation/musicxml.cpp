// MusicXML 3.1 partwise writer: what MuseScore and other notation programs import.
#include <cmath>
#include <cstdio>
#include <ctime>
#include <sstream>
#include <string>

#include "notation/credits.h"
#include "notation/writers.h"

namespace graphony::notation {

namespace {

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // Control characters are not allowed in XML 1.0; drop them.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

const char* TypeName(int denominator) {
  switch (denominator) {
    case 1:
      return "whole";
    case 2:
      return "half";
    case 4:
      return "quarter";
    case 8:
      return "eighth";
    case 16:
      return "16th";
    case 32:
      return "32nd";
    case 64:
      return "64th";
    case 128:
      return "128th";
    default:
      return "256th";
  }
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

const char* ClefElement(Clef clef) {
  switch (clef) {
    case Clef::kTreble:
      return "        <clef><sign>G</sign><line>2</line></clef>\n";
    case Clef::kBass:
      return "        <clef><sign>F</sign><line>4</line></clef>\n";
    case Clef::kPercussion:
      return "        <clef><sign>percussion</sign></clef>\n";
  }
  return "";
}

// How a transposing part sounds against what is written (sounding = written + transposition).
std::string TransposeElement(int transposition) {
  if (transposition == 0) return "";
  const int octaves = transposition / 12, chromatic = transposition % 12;
  const int diatonic = static_cast<int>(std::lround(chromatic * 7 / 12.0));
  std::string t = "        <transpose><diatonic>" + std::to_string(diatonic) +
                  "</diatonic><chromatic>" + std::to_string(chromatic) + "</chromatic>";
  if (octaves != 0) t += "<octave-change>" + std::to_string(octaves) + "</octave-change>";
  return t + "</transpose>\n";
}

// `unpitched`: a percussion part, whose notes name a drum (shown at the pitch's staff place).
// `staff`: 1 or 2 on a grand staff, 0 on a part's single staff (no <staff> written).
void WriteElement(std::ostringstream& x, const Element& e, int voice, const NotationScore& ns,
                  int ticks_per_division, bool unpitched, int staff) {
  const int duration = e.ticks / ticks_per_division;
  const std::string staff_element =
      staff > 0 ? "        <staff>" + std::to_string(staff) + "</staff>\n" : "";
  if (e.hidden) {
    x << "      <forward><duration>" << duration << "</duration><voice>" << voice << "</voice>";
    if (staff > 0) x << "<staff>" << staff << "</staff>";
    x << "</forward>\n";
    return;
  }
  int denominator = 4, dots = 0;
  const bool has_value = NoteValue(e.ticks, ns.TicksPerWhole(), &denominator, &dots);
  if (e.pitches.empty()) {
    x << "      <note>\n";
    x << (e.whole_measure_rest ? "        <rest measure=\"yes\"/>\n" : "        <rest/>\n");
    x << "        <duration>" << duration << "</duration>\n";
    x << "        <voice>" << voice << "</voice>\n";
    if (!e.whole_measure_rest && has_value) {
      x << "        <type>" << TypeName(denominator) << "</type>\n";
      if (dots) x << "        <dot/>\n";
    }
    x << staff_element << "      </note>\n";
    return;
  }
  static const char kSteps[] = "CDEFGAB";
  for (size_t i = 0; i < e.pitches.size(); ++i) {
    const Spelling s = SpellPitch(e.pitches[i], ns.key_fifths);
    x << "      <note>\n";
    if (i > 0) x << "        <chord/>\n";
    if (unpitched) {
      x << "        <unpitched><display-step>" << kSteps[s.letter]
        << "</display-step><display-octave>" << s.octave << "</display-octave></unpitched>\n";
    } else {
      x << "        <pitch><step>" << kSteps[s.letter] << "</step>";
      if (s.alter != 0) x << "<alter>" << s.alter << "</alter>";
      x << "<octave>" << s.octave << "</octave></pitch>\n";
    }
    x << "        <duration>" << duration << "</duration>\n";
    if (e.tie_stop) x << "        <tie type=\"stop\"/>\n";
    if (e.tie_start) x << "        <tie type=\"start\"/>\n";
    x << "        <voice>" << voice << "</voice>\n";
    if (has_value) {
      x << "        <type>" << TypeName(denominator) << "</type>\n";
      if (dots) x << "        <dot/>\n";
    }
    x << staff_element;
    if (e.tie_stop || e.tie_start) {
      x << "        <notations>";
      if (e.tie_stop) x << "<tied type=\"stop\"/>";
      if (e.tie_start) x << "<tied type=\"start\"/>";
      x << "</notations>\n";
    }
    x << "      </note>\n";
  }
}

// One staff's measure: voice 1, then voice 2 after a backup. Voices are numbered per staff
// (1, 2 on the upper; 5, 6 on the lower, as MuseScore numbers them).
void WriteMeasure(std::ostringstream& x, const Measure& measure, const NotationScore& ns,
                  bool unpitched, int staff) {
  const int first = staff == 2 ? 5 : 1;
  for (const Element& e : measure.voice1) WriteElement(x, e, first, ns, 1, unpitched, staff);
  if (!measure.voice2.empty()) {
    x << "      <backup><duration>" << ns.TicksPerMeasure() << "</duration></backup>\n";
    for (const Element& e : measure.voice2) WriteElement(x, e, first + 1, ns, 1, unpitched, staff);
  }
}

}  // namespace

std::string ToMusicXml(const NotationScore& ns) {
  std::ostringstream x;
  // Divisions per quarter note: a whole is 8*den ticks, so one division is one tick.
  const int divisions = ns.TicksPerWhole() / 4;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
       "<!DOCTYPE score-partwise PUBLIC \"-//Recordare//DTD MusicXML 3.1 Partwise//EN\" "
       "\"http://www.musicxml.org/dtds/partwise.dtd\">\n"
       "<score-partwise version=\"3.1\">\n";
  x << "  <work><work-title>" << Escape(ns.title) << "</work-title></work>\n";
  x << "  <identification>\n";
  if (!ns.credits.empty())
    x << "    <creator type=\"composer\">" << Escape(ns.credits) << "</creator>\n";
  x << "    <encoding><software>Graphony</software></encoding>\n";
  x << "  </identification>\n";
  // Credits are what MuseScore shows on the first page: title, then date and names.
  x << "  <credit page=\"1\"><credit-type>title</credit-type><credit-words justify=\"center\" "
       "valign=\"top\" font-size=\"22\">"
    << Escape(ns.title) << "</credit-words></credit>\n";
  std::string byline;
  if (!ns.credits.empty()) byline.append(MusicBy(ns.credits));
  if (!ns.date.empty()) {
    if (!byline.empty()) byline += ", ";
    byline += ns.date;
  }
  if (!byline.empty())
    x << "  <credit page=\"1\"><credit-type>composer</credit-type><credit-words "
         "justify=\"right\" valign=\"top\" font-size=\"11\">"
      << Escape(byline) << "</credit-words></credit>\n";
  x << "  <part-list>\n";
  for (size_t p = 0; p < ns.parts.size(); ++p) {
    const Part& part = ns.parts[p];
    std::string id = "P";  // += rather than "P" + ...: GCC 12 warns falsely (-Wrestrict)
    id += std::to_string(p + 1);
    x << "    <score-part id=\"" << id << "\">\n";
    x << "      <part-name>" << Escape(part.name) << "</part-name>\n";
    x << "      <score-instrument id=\"" << id << "-I1\"><instrument-name>" << Escape(part.name)
      << "</instrument-name></score-instrument>\n";
    x << "      <midi-instrument id=\"" << id << "-I1\"><midi-channel>" << part.midi_channel + 1
      << "</midi-channel><midi-program>" << part.midi_program + 1
      << "</midi-program></midi-instrument>\n";
    x << "    </score-part>\n";
  }
  x << "  </part-list>\n";
  for (size_t p = 0; p < ns.parts.size(); ++p) {
    const Part& part = ns.parts[p];
    x << "  <part id=\"P" << p + 1 << "\">\n";
    for (size_t m = 0; m < part.measures.size(); ++m) {
      const Measure& measure = part.measures[m];
      x << "    <measure number=\"" << m + 1 << "\">\n";
      if (m == 0) {
        x << "      <attributes>\n"
          << "        <divisions>" << divisions << "</divisions>\n"
          << "        <key><fifths>" << ns.key_fifths << "</fifths><mode>"
          << (ns.minor ? "minor" : "major") << "</mode></key>\n"
          << "        <time><beats>" << ns.beats_per_measure << "</beats><beat-type>"
          << ns.beat_unit << "</beat-type></time>\n"
          << (part.grand_staff ? "        <staves>2</staves>\n"
                                 "        <clef number=\"1\"><sign>G</sign><line>2</line></clef>\n"
                                 "        <clef number=\"2\"><sign>F</sign><line>4</line></clef>\n"
                               : ClefElement(part.clef))
          << TransposeElement(part.transposition) << "      </attributes>\n";
        if (p == 0) {
          x << "      <direction placement=\"above\"><direction-type><metronome>"
            << "<beat-unit>" << TypeName(ns.beat_unit) << "</beat-unit><per-minute>"
            << Number(ns.tempo_bpm) << "</per-minute></metronome></direction-type>"
            << "<sound tempo=\"" << Number(ns.QuarterBpm()) << "\"/></direction>\n";
        }
      }
      if (part.grand_staff && m < part.lower.size()) {
        WriteMeasure(x, measure, ns, part.percussion, 1);
        // Every voice fills its measure, so one measure's backup reaches the lower staff.
        x << "      <backup><duration>" << ns.TicksPerMeasure() << "</duration></backup>\n";
        WriteMeasure(x, part.lower[m], ns, part.percussion, 2);
      } else {
        WriteMeasure(x, measure, ns, part.percussion, 0);
      }
      if (m + 1 == part.measures.size())
        x << "      <barline location=\"right\"><bar-style>light-heavy</bar-style></barline>\n";
      x << "    </measure>\n";
    }
    x << "  </part>\n";
  }
  x << "</score-partwise>\n";
  return x.str();
}

}  // namespace graphony::notation
