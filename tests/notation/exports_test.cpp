// The exports opened by the real programs: xmllint with the MusicXML 3.1 XSD, MuseScore 3,
// mido and LilyPond. Each check can fail on a wrong file; none compares against our own output.
#include <doctest/doctest.h>

#include "fixtures.h"
#include "notation/notation.h"
#include "notation/writers.h"
#include "run_helpers.h"

namespace graphony::notation {
namespace {

using testing::Run;
using testing::RunResult;
using testing::TempDir;

const char* kStairsMidi = "60@0.00 62@1.00 64@2.00 65@3.00 67@4.00 69@5.00 71@6.00 72@7.00";

NotationScore Stairs(Events* out_events = nullptr) {
  Score score;
  Events events;
  testing::MakeStaircase(&score, &events);
  if (out_events) *out_events = events;
  return BuildNotation(score, events);
}

void WriteMidi(const std::filesystem::path& path, const NotationScore& ns, const Events& events) {
  const std::vector<uint8_t> bytes = ToMidiFile(ns, events);
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
}

// Extracts MuseScore's embedded MusicXML 3.1 XSD and validates `files` with xmllint.
void CheckValidMusicXml(const TempDir& dir, const std::string& files) {
  RunResult xsd = Run(dir, "/usr/bin/python3 " GRAPHONY_VERIFY_DIR "/extract_musicxml_xsd.py xsd");
  REQUIRE_MESSAGE(xsd.code == 0, xsd.err);
  RunResult lint = Run(dir, "xmllint --noout --nonet --schema xsd/musicxml.xsd " + files);
  CHECK_MESSAGE(lint.code == 0, lint.err);
}

// MuseScore exits 0 even on invalid input: its stderr is what tells.
void CheckMuseScoreImports(const TempDir& dir, const std::string& file, const std::string& out) {
  RunResult r =
      Run(dir, "QT_QPA_PLATFORM=offscreen timeout 60 mscore3 -o '" + out + "' '" + file + "'");
  CHECK_MESSAGE(r.code == 0, file);
  CHECK_MESSAGE(r.err.find("not a valid") == std::string::npos, r.err);
  CHECK_MESSAGE(r.err.find("Error") == std::string::npos, r.err);
  CHECK(std::filesystem::exists(dir / out));
}

TEST_CASE("the staircase exports to exactly C4..C5 in our MIDI and through MuseScore") {
  TempDir dir;
  Events stairs_events;
  const NotationScore ns = Stairs(&stairs_events);
  testing::WriteText(dir / "stairs.musicxml", ToMusicXml(ns));
  WriteMidi(dir / "stairs.mid", ns, stairs_events);
  CheckValidMusicXml(dir, "stairs.musicxml");
  CheckMuseScoreImports(dir, "stairs.musicxml", "from_musescore.mid");
  // Credits: the consenting contributor by name, the other by initials only.
  for (const std::string& text : {ToMusicXml(ns), ToLilyPond(ns)}) {
    CHECK(text.find("Ana Lopez") != std::string::npos);
    CHECK(text.find("Z.Q.") != std::string::npos);
    CHECK(text.find("Zebediah") == std::string::npos);
    CHECK(text.find("Stairs") != std::string::npos);
  }

  std::string ours = testing::MidoNotes(dir, "stairs.mid");
  std::string theirs = testing::MidoNotes(dir, "from_musescore.mid");
  while (!ours.empty() && ours.back() == '\n') ours.pop_back();
  while (!theirs.empty() && theirs.back() == '\n') theirs.pop_back();
  CHECK(ours == kStairsMidi);
  CHECK(theirs == kStairsMidi);

  // Type 1, tempo track + one instrument track with the flute program (73).
  testing::WriteText(
      dir / "header.py",
      "import mido,sys\nm=mido.MidiFile(sys.argv[1])\n"
      "print(m.type,len(m.tracks),[x.program for x in m.tracks[1] if x.type=='program_change'],"
      "[x.tempo for x in m.tracks[0] if x.type=='set_tempo'])\n");
  RunResult header = Run(dir, "/usr/bin/python3 header.py stairs.mid");
  CHECK(header.out == "1 2 [73] [1000000]\n");
  // MuseScore took the flute sound from our part-list's midi-program.
  RunResult programs =
      Run(dir,
          "/usr/bin/python3 -c \"import mido; print(sorted({x.program for t in "
          "mido.MidiFile('from_musescore.mid').tracks for x in t if x.type=='program_change'}))\"");
  CHECK(programs.out == "[73]\n");
}

TEST_CASE("LilyPond compiles our source with warnings as errors (staircase, 7/8 with two voices)") {
  TempDir dir;
  const std::string stairs = ToLilyPond(Stairs());
  // 4/4 beams by the beat, not LilyPond's half-bar groups; 7/8 keeps LilyPond's 2+2+3.
  CHECK(stairs.find("\\set Timing.beatStructure = 1,1,1,1\n") != std::string::npos);
  CHECK(stairs.find("\\set Timing.beamExceptions = #'()") != std::string::npos);
  testing::WriteText(dir / "stairs.ly", stairs);
  Score score;
  Events events;
  testing::MakeDense(&score, &events, 2, 14, {7, 8});
  const NotationScore odd = BuildNotation(score, events);
  bool has_second_voice = false;
  for (const Part& p : odd.parts)
    for (const Measure& m : p.measures) has_second_voice = has_second_voice || !m.voice2.empty();
  CHECK(has_second_voice);
  const std::string odd_ly = ToLilyPond(odd, "letter");
  CHECK(odd_ly.find("beatStructure") == std::string::npos);
  CHECK(odd_ly.find("\\time 7/8") != std::string::npos);
  testing::WriteText(dir / "odd.ly", odd_ly);
  RunResult r =
      Run(dir, "timeout 120 lilypond -dwarning-as-error -dno-point-and-click stairs.ly odd.ly");
  CHECK_MESSAGE(r.code == 0, r.err);
  CHECK(std::filesystem::exists(dir / "stairs.pdf"));
  CHECK(std::filesystem::exists(dir / "odd.pdf"));
}

TEST_CASE("LilyPond compiles every part and level with warnings as errors") {
  TempDir dir;
  Score score;
  Events events;
  testing::MakeDense(&score, &events, 3, 32, {4, 4});
  // A fourth part plays one note in bar 6: its part folds the empty bars into multi-bar rests.
  events.instruments.push_back({"flute", "Lone flute", "", 10, 10, 10});
  NoteEvent lone;
  lone.start_beat = 20;
  lone.duration_beats = 1;
  lone.quantised_pitch = 72;
  lone.instrument = 3;
  events.notes.push_back(lone);
  NotationOptions easy;
  easy.easy = true;
  const NotationScore full = BuildNotation(score, events),
                      simple = BuildNotation(score, events, easy);
  REQUIRE(full.parts.size() == 4);
  testing::WriteText(dir / "score.ly", ToLilyPond(full));
  testing::WriteText(dir / "parts.ly", ToLilyPond(full, "a4", true));
  testing::WriteText(dir / "easy.ly", ToLilyPond(simple, "letter", true));
  const std::string parts_ly = testing::ReadText(dir / "parts.ly");
  CHECK(parts_ly.find("R1*4/4*5") != std::string::npos);  // bars 1..5 of the lone flute
  RunResult r = Run(dir,
                    "timeout 300 lilypond -dwarning-as-error -dno-point-and-click score.ly "
                    "parts.ly easy.ly");
  CHECK_MESSAGE(r.code == 0, r.err);
  // One part a page or more: every part starts a page (pdftotext finds its name there).
  RunResult pages = Run(dir, "pdfinfo parts.pdf | sed -n 's/^Pages: *//p'");
  CHECK(std::atoi(pages.out.c_str()) >= 4);
  for (const char* name : {"flute 1", "bass 2", "marimba 3", "Lone flute"}) {
    CAPTURE(name);
    CHECK(Run(dir, std::string("pdftotext parts.pdf - | grep -c '") + name + "'").out != "0\n");
  }
}

TEST_CASE("print: a grand staff validates, imports into MuseScore and engraves in LilyPond") {
  TempDir dir;
  Score score;
  Events events;
  testing::MakeWidePiano(&score, &events);
  const NotationScore ns = BuildNotation(score, events);
  REQUIRE(ns.parts.size() == 1);
  REQUIRE(ns.parts[0].grand_staff);
  const std::string xml = ToMusicXml(ns);
  CHECK(xml.find("<staves>2</staves>") != std::string::npos);
  CHECK(xml.find("<clef number=\"2\"><sign>F</sign>") != std::string::npos);
  testing::WriteText(dir / "piano.musicxml", xml);
  WriteMidi(dir / "piano.mid", ns, events);
  CheckValidMusicXml(dir, "piano.musicxml");
  CheckMuseScoreImports(dir, "piano.musicxml", "from_musescore.mid");
  // MuseScore read every note at its pitch and time (both staves, all four voices).
  // Same onsets within a hundredth of a beat in any order: sort each file's notes.
  auto sorted = [&](const std::string& file) {
    return Run(dir, "/usr/bin/python3 mido_notes.py '" + file + "' | tr ' ' '\\n' | sort").out;
  };
  const std::string ours = testing::MidoNotes(dir, "piano.mid");
  CHECK(ours.find("96@") != std::string::npos);
  CHECK(ours.find("36@") != std::string::npos);
  CHECK(sorted("from_musescore.mid") == sorted("piano.mid"));
  // MuseScore's own file has two staves in the piano part, the second one in bass clef.
  RunResult mscx = Run(dir,
                       "QT_QPA_PLATFORM=offscreen timeout 60 mscore3 -o piano.mscx piano.musicxml "
                       "&& grep -c '<Staff id=\"2\"' piano.mscx && "
                       "grep -c '<Staff id=\"3\"' piano.mscx");
  CHECK(mscx.out.rfind("2\n0\n", 0) == 0);
  const std::string body = testing::ReadText(dir / "piano.mscx");
  const size_t first = body.rfind("<Staff id=\"1\">"), second = body.rfind("<Staff id=\"2\">");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  REQUIRE(first < second);
  const std::string top = body.substr(first, second - first), bottom = body.substr(second);
  CHECK(top.find("<concertClefType>G</concertClefType>") != std::string::npos);
  CHECK(bottom.find("<concertClefType>F</concertClefType>") != std::string::npos);
  const std::string ly = ToLilyPond(ns);
  CHECK(ly.find("\\new PianoStaff") != std::string::npos);
  testing::WriteText(dir / "piano.ly", ly);
  testing::WriteText(dir / "piano_part.ly", ToLilyPond(ns, "a4", true));
  RunResult r = Run(
      dir, "timeout 120 lilypond -dwarning-as-error -dno-point-and-click piano.ly piano_part.ly");
  CHECK_MESSAGE(r.code == 0, r.err);
  CHECK(std::filesystem::exists(dir / "piano.pdf"));
}

TEST_CASE("empty, long, dense and odd-meter scores export valid MusicXML and MIDI") {
  TempDir dir;
  std::vector<std::string> names;
  auto add = [&](const std::string& name, const Score& score, const Events& events) {
    const NotationScore ns = BuildNotation(score, events);
    testing::WriteText(dir / (name + ".musicxml"), ToMusicXml(ns));
    WriteMidi(dir / (name + ".mid"), ns, events);
    names.push_back(name);
  };
  Score empty;
  add("empty", empty, Events{});
  for (Meter meter : {Meter{5, 4}, Meter{3, 4}, Meter{7, 8}, Meter{6, 8}}) {
    Score s;
    Events e;
    testing::MakeDense(&s, &e, 3, 24, meter);
    add("dense" + std::to_string(meter.numerator) + "-" + std::to_string(meter.denominator), s, e);
  }
  Score long_score;
  Events long_events;
  testing::MakeDense(&long_score, &long_events, 1, 1200, {4, 4});  // 10 minutes at 120 bpm
  add("long", long_score, long_events);

  std::string files;
  for (const auto& n : names) files += n + ".musicxml ";
  CheckValidMusicXml(dir, files);
  for (const auto& n : {"empty", "dense5-4", "dense7-8"})
    CheckMuseScoreImports(dir, std::string(n) + ".musicxml", std::string(n) + "-ms.mid");
  for (const auto& n : names) {
    RunResult r = Run(dir,
                      "/usr/bin/python3 -c \"import mido,sys; m=mido.MidiFile(sys.argv[1]); "
                      "print(m.type, len(m.tracks), round(m.length,1))\" " +
                          n + ".mid");
    CHECK_MESSAGE(r.code == 0, n << ": " << r.err);
  }
  // The long score's MIDI lasts its 1200 beats at 120 bpm: 600 s.
  RunResult len = Run(
      dir, "/usr/bin/python3 -c \"import mido; print(round(mido.MidiFile('long.mid').length))\"");
  CHECK(len.out == "600\n");
}

TEST_CASE("soundfont parts export as the table says: programs, transposition, drums on 10") {
  // Cello, clarinet in B-flat, double bass and the drum kit, each four quarter notes.
  Score score;
  score.title = "Chamber";
  score.tempo_bpm = 60;
  score.length_beats = 4;
  Events events;
  events.tempo_bpm = 60;
  events.length_beats = 4;
  events.instruments = {{"cello", "Cello", "", 0, 0, 0},
                        {"clarinet", "Clarinet in Bb", "", 0, 0, 0},
                        {"double-bass", "Double bass", "", 0, 0, 0},
                        {"drum-kit", "Drum kit", "", 0, 0, 0}};
  const int sounding[4][4] = {
      {48, 50, 52, 53}, {60, 62, 64, 65}, {36, 38, 40, 41}, {36, 38, 36, 38}};
  for (int i = 0; i < 4; ++i)
    for (int b = 0; b < 4; ++b) {
      NoteEvent n;
      n.instrument = i;
      n.start_beat = b;
      n.duration_beats = 1;
      n.pitch = sounding[i][b];
      n.quantised_pitch = sounding[i][b];
      events.notes.push_back(n);
    }
  const NotationScore ns = BuildNotation(score, events);
  REQUIRE(ns.parts.size() == 4);
  CHECK(ns.parts[0].clef == Clef::kBass);
  CHECK(ns.parts[1].transposition == -2);
  CHECK(ns.parts[2].transposition == -12);
  CHECK(ns.parts[3].clef == Clef::kPercussion);
  CHECK(ns.parts[3].midi_channel == 9);
  TempDir dir;
  const std::string xml = ToMusicXml(ns);
  testing::WriteText(dir / "chamber.musicxml", xml);
  WriteMidi(dir / "chamber.mid", ns, events);
  CheckValidMusicXml(dir, "chamber.musicxml");
  CHECK(xml.find("<sign>percussion</sign>") != std::string::npos);
  CHECK(xml.find("<unpitched>") != std::string::npos);
  CHECK(xml.find("<transpose><diatonic>-1</diatonic><chromatic>-2</chromatic></transpose>") !=
        std::string::npos);
  // Our MIDI: the table's programs, sounding pitches, the drum kit on channel 10 (index 9).
  testing::WriteText(dir / "tracks.py",
                     "import mido,sys\n"
                     "for t in mido.MidiFile(sys.argv[1]).tracks:\n"
                     "  p=[(x.channel,x.program) for x in t if x.type=='program_change']\n"
                     "  n=[x.note for x in t if x.type=='note_on' and x.velocity>0]\n"
                     "  if n: print(p[0][0], p[0][1], n)\n");
  RunResult ours = Run(dir, "/usr/bin/python3 tracks.py chamber.mid");
  CHECK(ours.out ==
        "0 42 [48, 50, 52, 53]\n1 71 [60, 62, 64, 65]\n2 43 [36, 38, 40, 41]\n9 0 [36, 38, 36, "
        "38]\n");
  // MuseScore reads the written parts with their <transpose> and plays the same sounding
  // pitches (the pitched parts; its drum mapping is its own).
  CheckMuseScoreImports(dir, "chamber.musicxml", "chamber-ms.mid");
  RunResult theirs = Run(dir,
                         "/usr/bin/python3 -c \"import mido; print(sorted({x.note for t in "
                         "mido.MidiFile('chamber-ms.mid').tracks for x in t if x.type=='note_on' "
                         "and x.velocity>0 and x.channel!=9}))\"");
  CHECK(theirs.out == "[36, 38, 40, 41, 48, 50, 52, 53, 60, 62, 64, 65]\n");
}

}  // namespace
}  // namespace graphony::notation
