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
  testing::WriteText(dir / "stairs.ly", ToLilyPond(Stairs()));
  Score score;
  Events events;
  testing::MakeDense(&score, &events, 2, 14, {7, 8});
  const NotationScore odd = BuildNotation(score, events);
  bool has_second_voice = false;
  for (const Part& p : odd.parts)
    for (const Measure& m : p.measures) has_second_voice = has_second_voice || !m.voice2.empty();
  CHECK(has_second_voice);
  testing::WriteText(dir / "odd.ly", ToLilyPond(odd, "letter"));
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

}  // namespace
}  // namespace graphony::notation
