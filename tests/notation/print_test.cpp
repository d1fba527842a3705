// The printed score opened by real programs: qpdf --check, pdfinfo, pdftotext, pdftoppm, xmllint.
#include "notation/print.h"

#include <doctest/doctest.h>

#include <array>
#include <cmath>

#include "core/people.h"
#include "core/score_defaults.h"
#include "core/score_io.h"
#include "fixtures.h"
#include "interpret/interpret.h"
#include "notation/print_colour.h"
#include "notation/writers.h"
#include "run_helpers.h"

namespace graphony::notation {
namespace {

using testing::Run;
using testing::RunResult;
using testing::TempDir;

int PdfPages(const TempDir& dir, const std::string& file) {
  RunResult r = Run(dir, "pdfinfo '" + file + "' | sed -n 's/^Pages: *//p'");
  return r.code == 0 && !r.out.empty() ? std::atoi(r.out.c_str()) : -1;
}

std::string PdfText(const TempDir& dir, const std::string& file, int first = 0, int last = 0) {
  std::string range =
      first > 0 ? " -f " + std::to_string(first) + " -l " + std::to_string(last) : "";
  return Run(dir, "pdftotext" + range + " '" + file + "' -").out;
}

// Counts pixels within 40 of `c` (per channel) in a rendered page.
int PixelsNear(const Image& image, Color c) {
  int count = 0;
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const Color p = image.At(x, y);
      if (std::abs(p.r - c.r) < 40 && std::abs(p.g - c.g) < 40 && std::abs(p.b - c.b) < 40) ++count;
    }
  return count;
}

TEST_CASE("the printed PDF: graphic, legend and engraved notation; credits respect consent") {
  TempDir dir;
  Score score;
  Events events;
  testing::MakeStaircase(&score, &events);
  testing::AddPainting(&score);
  events = Interpret(score);  // the legend credits whoever the events say plays
  PrintOptions options;
  const PrintResult result = PrintScore(score, events, dir / "stairs.pdf", options);
  CHECK(result.engraved);
  // The graphic page with the legend below the wide picture, notation, colour notation for
  // flute and marimba.
  CHECK(result.pages == 4);

  RunResult check = Run(dir, "qpdf --check stairs.pdf");
  CHECK_MESSAGE(check.code == 0, check.out << check.err);
  CHECK(PdfPages(dir, "stairs.pdf") == 4);
  // The colour pages follow LilyPond's page, one part each.
  CHECK(PdfText(dir, "stairs.pdf", 3, 3).find("Figurenotes-compatible") != std::string::npos);
  CHECK(PdfText(dir, "stairs.pdf", 4, 4).find("Marimba") != std::string::npos);
  const std::string first = PdfText(dir, "stairs.pdf", 1, 1);
  CHECK(first.find("Stairs") != std::string::npos);
  CHECK(first.find("Music by Ana Lopez and Z.Q.") != std::string::npos);
  CHECK(first.find("C5") != std::string::npos);  // pitch guides named
  const std::string all = PdfText(dir, "stairs.pdf");
  CHECK(all.find("Zebediah") == std::string::npos);  // no consent: never printed
  CHECK(all.find("Quortle") == std::string::npos);
  const std::string legend = PdfText(dir, "stairs.pdf", 1, 1);
  CHECK(legend.find("Flute") != std::string::npos);
  CHECK(legend.find("played by: Ana Lopez") != std::string::npos);
  CHECK(legend.find("played by: Z.Q.") != std::string::npos);
  CHECK(legend.find("this scale: Major, starting on C.") != std::string::npos);
  CHECK(legend.find("nobody yet") == std::string::npos);  // every listed colour plays
  const std::string notation = PdfText(dir, "stairs.pdf", 2, 2);
  CHECK(notation.find("Stairs") != std::string::npos);  // LilyPond's page, drawn by librsvg
  CHECK(notation.find("Flute") != std::string::npos);

  // The strokes are on the page in their colours (rendered by poppler, decoded by us).
  RunResult render = Run(dir, "pdftoppm -r 40 -png -f 1 -l 1 stairs.pdf page");
  REQUIRE(render.code == 0);
  const auto page = LoadImageFile(dir / "page-1.png");
  CHECK(PixelsNear(*page, {30, 90, 200, 255}) > 50);  // flute stroke
  CHECK(PixelsNear(*page, {200, 40, 40, 255}) > 10);  // marimba stroke
}

TEST_CASE("the legend credits who is heard: a muted layer's painter is not credited") {
  TempDir dir;
  Score score;
  Events events;
  testing::MakeStaircase(&score, &events);
  testing::AddPainting(&score);
  // Z.Q.'s stroke moves to its own layer, which is muted.
  Layer muted = score.layers[1];
  muted.name = "muted";
  muted.muted = true;
  muted.strokes.strokes = {score.layers[1].strokes.strokes[1]};
  score.layers[1].strokes.strokes.resize(1);
  score.layers.push_back(muted);
  PrintOptions options;
  options.pages = {"legend"};
  PrintScore(score, Interpret(score), dir / "legend.pdf", options);
  const std::string legend = PdfText(dir, "legend.pdf");
  CHECK(legend.find("played by: Ana Lopez") != std::string::npos);
  CHECK(legend.find("played by: Z.Q.") == std::string::npos);
  // Unmuted, the same painter is credited (the test can tell the two apart).
  score.layers.back().muted = false;
  PrintScore(score, Interpret(score), dir / "legend2.pdf", options);
  CHECK(PdfText(dir, "legend2.pdf").find("played by: Z.Q.") != std::string::npos);
}

TEST_CASE("print: a part of two notes is left out of the full score, and the legend says so") {
  TempDir dir;
  Score score;
  Events events;
  testing::MakeStaircase(&score, &events);
  score.length_beats = events.length_beats = 12;  // three bars
  score.palette.push_back({{200, 180, 20, 255}, "bell", "Bells", ""});
  events.instruments.push_back({"bell", "Bells", "", 200, 180, 20});
  for (double beat : {0.0, 9.0}) {  // bars 1 and 3
    NoteEvent n;
    n.start_beat = beat;
    n.duration_beats = 1;
    n.pitch = n.quantised_pitch = 76;
    n.instrument = 1;
    events.notes.push_back(n);
  }
  const NotationScore ns = BuildNotation(score, events);
  REQUIRE(ns.parts.size() == 2);
  REQUIRE(ScoreStaves(ns).size() == 1);
  CHECK(ScoreStaves(ns)[0]->name == "Flute");
  const std::vector<std::string> left_out = LeftOutOfScore(ns);
  REQUIRE(left_out.size() == 1);
  CHECK(left_out[0] == "Bells: 2 notes, bars 1 and 3 \u2014 left out of the score");
  // The full score has no Bells staff; the Bells player's part and the MusicXML keep it.
  CHECK(ToLilyPond(ns).find("\"Bells\"") == std::string::npos);
  CHECK(ToLilyPond(ns, "a4", true).find("\"Bells\"") != std::string::npos);
  CHECK(ToMusicXml(ns).find(">Bells<") != std::string::npos);

  PrintOptions options;
  options.pages = {"legend", "notation"};
  PrintScore(score, events, dir / "score.pdf", options);
  const std::string text = PdfText(dir, "score.pdf");
  CHECK(text.find("Bells: 2 notes, bars 1 and 3") != std::string::npos);
  // Printing only the legend (no staff notation) or a part does not claim anything is left out.
  options.pages = {"legend"};
  PrintScore(score, events, dir / "legend.pdf", options);
  CHECK(PdfText(dir, "legend.pdf").find("left out of the score") == std::string::npos);
  options.pages = {"legend", "notation"};
  options.part = "Flute";
  PrintScore(score, events, dir / "part.pdf", options);
  CHECK(PdfText(dir, "part.pdf").find("left out of the score") == std::string::npos);
  // With a third note the Bells are on the score again.
  NoteEvent third = events.notes.back();
  third.start_beat = 10;
  events.notes.push_back(third);
  CHECK(LeftOutOfScore(BuildNotation(score, events)).empty());
  CHECK(ToLilyPond(BuildNotation(score, events)).find("\"Bells\"") != std::string::npos);
}

TEST_CASE("a colour that plays is never 'played by: nobody yet', even from an unsigned stroke") {
  TempDir dir;
  Score score = NewScore();
  score.palette.resize(1);  // the warm pad
  Layer strokes;
  strokes.kind = Layer::Kind::kStrokes;
  Stroke line;  // no contributor
  line.color = score.palette[0].color;
  line.width = 0.05f;
  for (int i = 0; i <= 8; ++i) line.points.push_back({i * 1.0, 0.5, 1});
  strokes.strokes.strokes.push_back(line);
  score.layers.push_back(strokes);
  const Events events = Interpret(score);
  REQUIRE(!events.notes.empty());
  PrintOptions options;
  options.pages = {"legend"};
  PrintScore(score, events, dir / "legend.pdf", options);
  const std::string legend = PdfText(dir, "legend.pdf");
  CHECK(legend.find("Warm pad") != std::string::npos);
  CHECK(legend.find("nobody yet") == std::string::npos);
}

TEST_CASE("without LilyPond the notation page says how to install it") {
  TempDir dir;
  Score score;
  Events events;
  testing::MakeStaircase(&score, &events);
  PrintOptions options;
  options.pages = {"notation"};
  options.lilypond = (dir / "no-such-lilypond").string();
  const PrintResult result = PrintScore(score, events, dir / "n.pdf", options);
  CHECK(!result.engraved);
  CHECK(result.pages == 1);
  CHECK(Run(dir, "qpdf --check n.pdf").code == 0);
  const std::string text = PdfText(dir, "n.pdf");
  CHECK(text.find("apt-get install lilypond") != std::string::npos);
  CHECK(text.find("Stairs") != std::string::npos);  // the title block is still on page 1
}

TEST_CASE("long scores span pages; empty scores and odd meters print; SVG has a file per page") {
  TempDir dir;
  Score score;
  Events events;
  testing::MakeDense(&score, &events, 2, 400, {7, 8});
  testing::AddPainting(&score);
  score.layers[0].image.length_beats = 400;
  score.layers[0].visible = false;  // strokes only: zoomed strips continue over the pages
  score.length_beats = 400;
  PrintOptions options;
  options.pages = {"graphic", "legend"};
  options.paper = "letter";
  const PrintResult result = PrintScore(score, events, dir / "long.pdf", options);
  CHECK(result.pages > 3);
  CHECK(Run(dir, "qpdf --check long.pdf").code == 0);
  CHECK(PdfPages(dir, "long.pdf") == result.pages);
  // 400 eighths in 7/8 is 58 bars (the last one partial): the last graphic page names it.
  const std::string last = PdfText(dir, "long.pdf", result.pages - 1, result.pages - 1);
  CHECK(last.find("58") != std::string::npos);
  RunResult size = Run(dir, "pdfinfo long.pdf | grep 'Page size'");
  CHECK(size.out.find("612 x 792") != std::string::npos);

  Score empty;
  empty.title = "Nothing yet";
  options.pages = {"legend", "graphic"};  // each on its own page
  const PrintResult svg = PrintScore(empty, Events{}, dir / "empty.svg", options);
  REQUIRE(svg.files.size() == 2);
  CHECK(svg.files[0].filename() == "empty.svg");
  CHECK(svg.files[1].filename() == "empty-2.svg");
  RunResult lint = Run(dir, "xmllint --noout empty.svg empty-2.svg");
  CHECK_MESSAGE(lint.code == 0, lint.err);
}

// The bounding box {x0, y0, x1, y1} of the topmost band of rows holding pixels within 40 of
// `c` on a rendered page (the overview, not the zoomed strips below it). Thin guide lines
// across the picture are not a gap; ten empty rows are.
std::array<int, 4> TopBoxOf(const Image& image, Color c) {
  std::array<int, 4> box = {image.width, -1, -1, -1};
  for (int y = 0; y < image.height; ++y) {
    bool any = false;
    for (int x = 0; x < image.width; ++x) {
      const Color p = image.At(x, y);
      if (std::abs(p.r - c.r) < 40 && std::abs(p.g - c.g) < 40 && std::abs(p.b - c.b) < 40) {
        any = true;
        box[0] = std::min(box[0], x), box[2] = std::max(box[2], x);
      }
    }
    if (any && box[1] < 0) box[1] = y;
    if (any) box[3] = y;
    if (!any && box[1] >= 0 && y - box[3] > 10) break;
  }
  return box;
}

TEST_CASE("the graphic page shows the whole picture undistorted, whatever the score's length") {
  TempDir dir;
  struct Case {
    int width, height;
    double beats;
  };
  // Wide on a short score, tall on a long one, a panorama over two minutes (strips follow).
  for (const Case c : {Case{300, 100, 32}, Case{200, 300, 64}, Case{800, 100, 240}}) {
    CAPTURE(c.width);
    Score score;
    score.title = "Aspect";
    score.length_beats = c.beats;
    Layer picture;
    picture.kind = Layer::Kind::kImage;
    picture.image.length_beats = c.beats;
    auto image = std::make_shared<Image>();
    image->width = c.width;
    image->height = c.height;
    image->rgba.assign(static_cast<size_t>(c.width) * c.height * 4, 255);
    for (size_t i = 0; i < image->rgba.size(); i += 4)
      image->rgba[i] = 200, image->rgba[i + 1] = 30, image->rgba[i + 2] = 160;
    picture.image.pixels = image;
    score.layers.push_back(picture);
    PrintOptions options;
    options.pages = {"graphic"};
    const PrintResult result = PrintScore(score, Events{}, dir / "aspect.pdf", options);
    REQUIRE(Run(dir, "rm -f page-*.png && pdftoppm -r 100 -png -f 1 -l 1 aspect.pdf page").code ==
            0);
    const auto page = LoadImageFile(dir / "page-1.png");
    REQUIRE(page);
    const auto box = TopBoxOf(*page, {200, 30, 160, 255});
    const double seen = (box[2] - box[0] + 1.0) / (box[3] - box[1] + 1.0);
    const double want = static_cast<double>(c.width) / c.height;
    CHECK(std::abs(seen / want - 1) <= 0.02);
    // The picture is large on its page: it fills the width or most of the height.
    CHECK((box[2] - box[0] > page->width * 0.8 || box[3] - box[1] > page->height * 0.6));
    if (c.beats == 240) CHECK(result.pages > 1);  // zoomed strips of whole bars follow
  }
}

TEST_CASE("a wide picture's page is not half empty: the legend shares it, still undistorted") {
  TempDir dir;
  Score score;
  Events events;
  testing::MakeStaircase(&score, &events);
  testing::AddPainting(&score);  // a 2:1 picture over the 8 beats
  auto image = std::make_shared<Image>(*score.layers[0].image.pixels);
  for (size_t i = 0; i < image->rgba.size(); i += 4)
    image->rgba[i] = 200, image->rgba[i + 1] = 30, image->rgba[i + 2] = 160;
  score.layers[0].image.pixels = image;
  score.layers[1].visible = false;  // no strokes over the picture
  PrintOptions options;
  options.pages = {"graphic", "legend"};
  const PrintResult result = PrintScore(score, Interpret(score), dir / "gl.pdf", options);
  CHECK(result.pages == 1);
  const std::string text = PdfText(dir, "gl.pdf");
  CHECK(text.find("Legend: who plays which colour") != std::string::npos);
  CHECK(text.find("Scale and range") != std::string::npos);
  REQUIRE(Run(dir, "pdftoppm -r 100 -png gl.pdf page").code == 0);
  const auto page = LoadImageFile(dir / "page-1.png");
  REQUIRE(page);
  const auto box = TopBoxOf(*page, {200, 30, 160, 255});
  const double seen = (box[2] - box[0] + 1.0) / (box[3] - box[1] + 1.0);
  CHECK(std::abs(seen / 2.0 - 1) <= 0.02);
}

TEST_CASE("every print is dated: the day the score was made, else the day it is printed") {
  TempDir dir;
  Score made = NewScore();
  CHECK(made.date == TodayIsoDate());
  CHECK(made.date.size() == 10);
  made.date = "2025-03-14";
  PrintOptions options;
  options.pages = {"legend"};
  PrintScore(made, Events{}, dir / "made.pdf", options);
  CHECK(PdfText(dir, "made.pdf").find("2025-03-14") != std::string::npos);
  Score old = made;
  old.date.clear();  // saved before scores carried a date
  PrintScore(old, Events{}, dir / "old.pdf", options);
  CHECK(PdfText(dir, "old.pdf").find("printed " + TodayIsoDate()) != std::string::npos);
}

TEST_CASE("colour notation page: Figurenotes colours for the note names, shapes for octaves") {
  // The convention: C red, D brown, E grey, F blue, G black, A yellow, B green; octave 2 cross,
  // 3 square, 4 circle (middle C), 5 triangle, 6 diamond.
  CHECK(NoteLetterColour(0).r > 180);                          // C red
  CHECK(NoteLetterColour(0).g < 80);                           //
  CHECK(NoteLetterColour(4).r + NoteLetterColour(4).g < 80);   // G black
  CHECK(NoteLetterColour(5).r > 200);                          // A yellow
  CHECK(NoteLetterColour(5).g > 180);                          //
  CHECK(NoteLetterColour(6).g > NoteLetterColour(6).r + 60);   // B green
  CHECK(NoteLetterColour(3).b > NoteLetterColour(3).r + 100);  // F blue
  CHECK(OctaveShape(1) == 0);
  CHECK(OctaveShape(3) == 1);
  CHECK(OctaveShape(4) == 2);
  CHECK(OctaveShape(5) == 3);
  CHECK(OctaveShape(7) == 4);

  TempDir dir;
  Score score;
  Events events;
  testing::MakeStaircase(&score, &events);  // C4 D4 E4 F4 G4 A4 B4 C5
  PrintOptions options;
  options.pages = {"colour"};
  const PrintResult result = PrintScore(score, events, dir / "colour.pdf", options);
  CHECK(result.pages == 1);
  const std::string text = PdfText(dir, "colour.pdf");
  CHECK(text.find("Flute") != std::string::npos);
  CHECK(text.find("colour notation (Figurenotes-compatible)") != std::string::npos);
  REQUIRE(Run(dir, "pdftoppm -r 40 -png colour.pdf page").code == 0);
  const auto page = LoadImageFile(dir / "page-1.png");
  REQUIRE(page);
  // Every note colour is on the page in large shapes (the key alone is small: under 60 px).
  for (int letter = 0; letter < 7; ++letter) {
    CAPTURE(letter);
    CHECK(PixelsNear(*page, NoteLetterColour(letter)) > 150);
  }
  // Without notes, one page says so rather than failing the print.
  const PrintResult none = PrintScore(score, Events{}, dir / "none.pdf", options);
  CHECK(none.pages == 1);
  CHECK(PdfText(dir, "none.pdf").find("Nothing plays yet") != std::string::npos);
}

TEST_CASE("parts for each player: --part NAME or all, each on its own pages") {
  TempDir dir;
  Score score;
  Events events;
  testing::MakeStaircase(&score, &events);
  testing::AddPainting(&score);
  events = Interpret(score);  // a flute part (Ana) and a marimba part (Z.Q., the picture)
  PrintOptions options;
  options.pages = {"notation", "colour"};
  options.part = "all";
  const PrintResult all = PrintScore(score, events, dir / "all.pdf", options);
  REQUIRE(all.engraved);
  CHECK(all.pages == 4);  // two notation parts, two colour pages
  CHECK(Run(dir, "qpdf --check all.pdf").code == 0);
  const std::string flute = PdfText(dir, "all.pdf", 1, 1);
  CHECK(flute.find("Flute") != std::string::npos);
  CHECK(flute.find("played by Ana Lopez") != std::string::npos);
  CHECK(flute.find("Marimba") == std::string::npos);
  CHECK(PdfText(dir, "all.pdf", 2, 2).find("Marimba") != std::string::npos);
  CHECK(PdfText(dir, "all.pdf").find("Zebediah") == std::string::npos);

  options.part = "marimba";  // by instrument, any case
  options.easy = true;
  const PrintResult one = PrintScore(score, events, dir / "one.pdf", options);
  CHECK(one.pages == 2);
  const std::string text = PdfText(dir, "one.pdf");
  CHECK(text.find("Marimba (easy)") != std::string::npos);
  CHECK(text.find("Flute") == std::string::npos);

  options.part = "Tuba";
  CHECK_THROWS_WITH_AS(PrintScore(score, events, dir / "one.pdf", options),
                       doctest::Contains("no part named 'Tuba' (parts: Flute, Marimba, or all)"),
                       ScoreError);
  CHECK(PdfText(dir, "one.pdf").find("Marimba (easy)") != std::string::npos);  // untouched
}

TEST_CASE("SVG output engraves the notation through LilyPond's SVG pages") {
  TempDir dir;
  Score score;
  Events events;
  testing::MakeStaircase(&score, &events);
  PrintOptions options;
  options.pages = {"notation"};
  const PrintResult result = PrintScore(score, events, dir / "n.svg", options);
  CHECK(result.engraved);
  REQUIRE(result.files.size() == 1);
  RunResult lint = Run(dir, "xmllint --noout n.svg");
  CHECK_MESSAGE(lint.code == 0, lint.err);
  // Staff lines, notes and clef arrive as vector paths drawn by librsvg.
  const std::string svg = testing::ReadText(dir / "n.svg");
  size_t paths = 0;
  for (size_t at = svg.find("<path"); at != std::string::npos; at = svg.find("<path", at + 1))
    ++paths;
  CHECK(paths > 20);
}

TEST_CASE("a failed print leaves an existing file untouched") {
  TempDir dir;
  testing::WriteText(dir / "keep.pdf", "precious");
  Score score;
  PrintOptions options;
  options.pages = {"graphic", "poster"};
  CHECK_THROWS_AS(PrintScore(score, Events{}, dir / "keep.pdf", options), ScoreError);
  CHECK(testing::ReadText(dir / "keep.pdf") == "precious");
  options.pages = {"graphic"};
  CHECK_THROWS_AS(PrintScore(score, Events{}, dir / "missing-dir" / "x.pdf", options), ScoreError);
}

}  // namespace
}  // namespace graphony::notation
