// Portfolio booklet: our own pages (cairo/pango) and each score's printed PDF (PrintScore,
// through the export job, as `print` makes it), joined with qpdf, then numbered by a qpdf
// overlay so LilyPond's pages are numbered too.
#include "course/portfolio.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>

#include "core/file_io.h"
#include "core/limits.h"
#include "core/people.h"
#include "core/score_io.h"
#include "core/temp_files.h"
#include "course/course.h"
#include "course/redact.h"
#include "export/export_job.h"
#include "notation/credits.h"
#include "notation/engrave.h"
#include "notation/print_common.h"
#include "notation/print_text.h"
#include "synth/sound_file.h"

namespace graphony {

namespace fs = std::filesystem;
using notation::Align;
using notation::PageGeometry;
using notation::PagePainter;
using notation::TextStyle;

namespace {

// A paragraph flowed onto our pages.
struct Block {
  std::string text;
  TextStyle style;
  double space_before = 0;
};

TextStyle Style(double size, bool bold, bool serif, const PageGeometry& page,
                Align align = Align::kLeft) {
  TextStyle s;
  s.size = size;
  s.bold = bold;
  s.serif = serif;
  s.align = align;
  s.width = page.width - 2 * page.margin;
  return s;
}

// Lays blocks top to bottom, starting a new page when one does not fit (a block taller than
// a page is split at its lines).
std::vector<PagePainter> Flow(const std::vector<Block>& blocks, const PageGeometry& page) {
  if (blocks.empty()) return {};
  cairo_surface_t* scratch = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* measure = cairo_create(scratch);
  const double bottom = page.height - page.margin - 20;  // room for the page number
  std::vector<std::vector<std::pair<Block, double>>> pages(1);
  double y = page.margin;
  auto place = [&](const Block& b) {
    double w = 0, h = 0;
    notation::MeasureText(measure, b.text.empty() ? " " : b.text, b.style, &w, &h);
    const double before = pages.back().empty() ? 0 : b.space_before;
    if (y + before + h > bottom && !pages.back().empty()) {
      pages.emplace_back();
      y = page.margin;
    } else {
      y += before;
    }
    pages.back().emplace_back(b, y);
    y += h;
  };
  for (const Block& b : blocks) {
    double w = 0, h = 0;
    notation::MeasureText(measure, b.text.empty() ? " " : b.text, b.style, &w, &h);
    if (h <= bottom - page.margin) {
      place(b);
      continue;
    }
    size_t start = 0;  // too tall for any page: one line at a time
    bool first = true;
    while (start <= b.text.size()) {
      const size_t end = std::min(b.text.find('\n', start), b.text.size());
      Block line = b;
      line.text = b.text.substr(start, end - start);
      line.space_before = first ? b.space_before : 0;
      place(line);
      first = false;
      start = end + 1;
    }
  }
  cairo_destroy(measure);
  cairo_surface_destroy(scratch);
  std::vector<PagePainter> painters;
  for (auto& content : pages)
    painters.push_back([content, page](cairo_t* cr) {
      cairo_set_source_rgb(cr, 0, 0, 0);
      for (const auto& [b, y] : content) notation::DrawText(cr, b.text, page.margin, y, b.style);
    });
  return painters;
}

std::string Minutes(double seconds) {
  const int total = static_cast<int>(std::lround(seconds));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d:%02d", total / 60, total % 60);
  return buf;
}

struct Recording {
  std::string session, score, title, length, players;
};

struct PrintedScore {
  std::string title;
  fs::path pdf;
  int pages = 0;
};

struct Chapter {
  const Session* session = nullptr;
  std::vector<PrintedScore> scores;
  std::vector<Block> poems;
};

// Where each part of the booklet goes: our page `ours` (index in ours.pdf), or pages of a
// score's PDF.
struct Slot {
  int ours = -1;
  fs::path pdf;
  int pages = 0;
};

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Draws each painter on its own page of a PDF file, written atomically.
void WritePdf(const fs::path& file, const std::vector<PagePainter>& painters,
              const PageGeometry& page, const std::string& title, const fs::path& out) {
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(Append, &bytes, page.width, page.height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Graphony");
  cairo_t* cr = cairo_create(surface);
  for (const PagePainter& paint : painters) {
    cairo_save(cr);
    paint(cr);
    cairo_restore(cr);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw ScoreError(out.string() + ": cannot draw the PDF (" + cairo_status_to_string(status) +
                     ")");
  WriteFileAtomically(file, bytes.data(), bytes.size());
}

PagePainter White(PagePainter inner) {
  return [inner](cairo_t* cr) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    inner(cr);
  };
}

}  // namespace

PortfolioResult PrintPortfolio(const fs::path& course_dir, const fs::path& out,
                               const PortfolioOptions& options) {
  const std::string ext = out.extension().string();
  if (ext != ".pdf") throw ScoreError(out.string() + ": the portfolio is a .pdf");
  const Course course = LoadCourse(course_dir);
  const std::vector<Session> sessions = ListSessions(course_dir);
  const std::string qpdf = notation::FindProgram("qpdf");
  if (qpdf.empty())
    throw ScoreError(out.string() +
                     ": the portfolio needs qpdf to join its pages "
                     "(sudo apt-get install qpdf)");
  const PrivateTempDir scratch("graphony-portfolio");
  if (!scratch.Ok()) throw ScoreError(out.string() + ": cannot make a temporary directory");
  PageGeometry page;
  notation::PaperSize(options.paper, &page.width, &page.height);
  // The booklet leaves the room: the print rule decides who is named (NamedInPrint).
  const MayBeNamed may = [](const Contributor& c) { return notation::NamedInPrint(c); };
  PortfolioResult result;
  result.sessions = static_cast<int>(sessions.size());

  // Each score printed as `print` prints it: the graphic page, the legend and every part.
  std::vector<Chapter> chapters;
  std::vector<Recording> recordings;
  size_t total_scores = 0;
  for (const Session& s : sessions) total_scores += s.scores.size();
  // Printing the scores is nearly all the work; joining the pages is the last tenth.
  auto report = [&](double done) {
    if (options.progress) options.progress(done);
  };
  for (const Session& s : sessions) {
    Chapter chapter;
    chapter.session = &s;
    for (const fs::path& file : s.scores) {
      if (options.cancel && options.cancel->load()) throw RenderCancelled();
      report(0.9 * result.scores / std::max<size_t>(1, total_scores));
      Score score = LoadScore(file);
      ApplyCoursePeople(course, score);
      RedactScore(score, may);
      ExportRequest request;
      request.out = scratch.Path() / ("score-" + std::to_string(result.scores++) + ".pdf");
      request.print.paper = options.paper;
      request.print.lilypond = options.lilypond;
      request.print.pages = {"graphic", "legend", "notation"};
      request.print.part = "all";
      const notation::PrintResult printed = RunExportJob(score, request).print;
      if (!printed.engraved) result.engraved = false;
      chapter.scores.push_back({score.title, request.out, printed.pages});
      for (const Take& take : score.takes) {
        Recording r{DateInWords(s.date), score.title, take.name.empty() ? take.file : take.name,
                    "?", ""};
        const auto bytes = score.assets.files.find(take.file);
        if (bytes != score.assets.files.end() && bytes->second) {
          try {
            const DecodedSound sound = ReadSoundFile(*bytes->second, take.file, 6 * 3600.0);
            if (sound.sample_rate > 0)
              r.length = Minutes(static_cast<double>(sound.Frames()) / sound.sample_rate);
          } catch (const std::exception&) {
            r.length = "unreadable";
          }
        }
        r.players = notation::JoinNames(notation::PlayerNames(
            score, std::set<std::string>(take.players.begin(), take.players.end()), false));
        recordings.push_back(std::move(r));
      }
    }
    for (const fs::path& file : s.texts) {
      const std::vector<uint8_t> bytes = ReadFileBytes(file, file.string(), 1u << 20);
      chapter.poems.push_back(
          {RedactNames(file.stem().string(), course.people, may), Style(13, true, true, page), 18});
      chapter.poems.push_back(
          {RedactNames(std::string(bytes.begin(), bytes.end()), course.people, may),
           Style(11, false, true, page), 6});
    }
    chapters.push_back(std::move(chapter));
  }
  result.recordings = static_cast<int>(recordings.size());

  // Credits and recordings, flowed (their page counts are known before the contents).
  std::vector<Block> credits = {{"Credits", Style(20, true, true, page), 0}};
  if (!course.facilitators.empty())
    credits.push_back({"Facilitated by " + notation::JoinNames(course.facilitators),
                       Style(12, false, false, page), 12});
  const std::string group = notation::CreditLine(course.people);
  if (!group.empty())
    credits.push_back({"Music, pictures and words by " + group, Style(12, false, false, page), 8});
  for (const Contributor& c : course.people) {
    if (notation::CreditedAnonymously(c)) continue;  // "participant" (maybe translated)
    const std::string name = notation::CreditName(c);
    credits.push_back(
        {name + (c.role.empty() ? "" : " (" + c.role + ")"), Style(11, false, false, page), 4});
  }
  credits.push_back(
      {"People are named only where they agreed to be; others are shown by their "
       "initials or as participants.",
       Style(9, false, false, page), 16});
  std::vector<Block> takes = {{"Recordings", Style(20, true, true, page), 0}};
  if (recordings.empty())
    takes.push_back({"No recordings were made.", Style(11, false, false, page), 12});
  for (const Recording& r : recordings)
    takes.push_back({r.title + "  (" + r.length + ")\n" + r.session + " · " + r.score +
                         (r.players.empty() ? "" : " · played by " + r.players),
                     Style(11, false, false, page), 8});
  std::vector<PagePainter> credit_pages = Flow(credits, page);
  std::vector<PagePainter> take_pages = Flow(takes, page);

  // The page plan: cover, contents, chapters (opening page, scores, poems), credits,
  // recordings. The contents is laid out twice: once to count its pages, once with numbers.
  std::vector<std::vector<PagePainter>> poem_pages;
  for (const Chapter& c : chapters) poem_pages.push_back(Flow(c.poems, page));
  auto contents_blocks = [&](const std::vector<int>& numbers) {
    std::vector<Block> blocks = {{"Contents", Style(20, true, true, page), 0}};
    size_t k = 0;
    auto entry = [&](const std::string& text, double size, bool bold, double before) {
      const std::string number = k < numbers.size() ? std::to_string(numbers[k]) : "000";
      ++k;
      blocks.push_back({text + "  ·  " + number, Style(size, bold, false, page), before});
    };
    for (size_t i = 0; i < chapters.size(); ++i) {
      entry("Session " + std::to_string(i + 1) + ": " + DateInWords(chapters[i].session->date), 12,
            true, 10);
      for (const PrintedScore& s : chapters[i].scores) entry("    " + s.title, 11, false, 2);
    }
    entry("Credits", 12, true, 10);
    entry("Recordings", 12, true, 4);
    return blocks;
  };
  const int contents_count = static_cast<int>(Flow(contents_blocks({}), page).size());
  std::vector<int> numbers;  // in contents order
  int next = 2 + contents_count;
  for (size_t i = 0; i < chapters.size(); ++i) {
    numbers.push_back(next++);  // the chapter's opening page
    for (const PrintedScore& s : chapters[i].scores) {
      numbers.push_back(next);
      next += s.pages;
    }
    next += static_cast<int>(poem_pages[i].size());
  }
  numbers.push_back(next);
  numbers.push_back(next + static_cast<int>(credit_pages.size()));

  std::vector<PagePainter> ours;
  std::vector<Slot> plan;
  auto own = [&](PagePainter p) {
    plan.push_back({static_cast<int>(ours.size()), {}, 1});
    ours.push_back(White(std::move(p)));
  };
  own([&course, page](cairo_t* cr) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    double y = page.height * 0.3;
    y += notation::DrawText(cr, course.title, page.margin, y,
                            Style(30, true, true, page, Align::kCenter)) +
         24;
    if (!course.theme.empty())
      y += notation::DrawText(cr, "Theme: " + course.theme, page.margin, y,
                              Style(16, false, true, page, Align::kCenter)) +
           10;
    if (!course.site.empty())
      y += notation::DrawText(cr, course.site, page.margin, y,
                              Style(14, false, false, page, Align::kCenter)) +
           10;
    notation::DrawText(cr, "A portfolio made with Graphony", page.margin,
                       page.height - 3 * page.margin,
                       Style(10, false, false, page, Align::kCenter));
  });
  for (PagePainter& p : Flow(contents_blocks(numbers), page)) own(std::move(p));
  size_t k = 0;
  for (size_t i = 0; i < chapters.size(); ++i) {
    const Chapter& c = chapters[i];
    std::vector<Block> opening = {
        {"Session " + std::to_string(i + 1), Style(24, true, true, page), 0},
        {DateInWords(c.session->date), Style(14, false, true, page), 6}};
    ++k;
    for (const PrintedScore& s : c.scores)
      opening.push_back({s.title + "  ·  page " + std::to_string(numbers[k++]),
                         Style(12, false, false, page), 10});
    if (c.scores.empty())
      opening.push_back({"No scores in this session.", Style(12, false, false, page), 10});
    if (!c.poems.empty())
      opening.push_back({std::to_string(c.poems.size() / 2) + " poem(s) and note(s) follow.",
                         Style(11, false, false, page), 10});
    own(Flow(opening, page).front());
    for (const PrintedScore& s : c.scores) plan.push_back({-1, s.pdf, s.pages});
    for (PagePainter& p : poem_pages[i]) own(std::move(p));
  }
  for (PagePainter& p : credit_pages) own(std::move(p));
  for (PagePainter& p : take_pages) own(std::move(p));

  if (options.cancel && options.cancel->load()) throw RenderCancelled();
  report(0.9);
  const fs::path ours_pdf = scratch.Path() / "ours.pdf";
  WritePdf(ours_pdf, ours, page, course.title, out);
  // qpdf OURS --pages OURS 1-2 score-0.pdf 1-z OURS 3 ... -- joined.pdf
  const fs::path joined = scratch.Path() / "joined.pdf", numbered = scratch.Path() / "book.pdf",
                 numbers_pdf = scratch.Path() / "numbers.pdf", log = scratch.Path() / "qpdf.log";
  std::vector<std::string> args = {qpdf, ours_pdf.string(), "--pages"};
  int total = 0;
  for (size_t i = 0; i < plan.size();) {
    if (plan[i].ours >= 0) {
      size_t j = i;
      while (j + 1 < plan.size() && plan[j + 1].ours == plan[j].ours + 1) ++j;
      args.push_back(ours_pdf.string());
      args.push_back(std::to_string(plan[i].ours + 1) + "-" + std::to_string(plan[j].ours + 1));
      total += static_cast<int>(j - i + 1);
      i = j + 1;
    } else {
      args.push_back(plan[i].pdf.string());
      args.push_back("1-z");
      total += plan[i].pages;
      ++i;
    }
  }
  args.push_back("--");
  args.push_back(joined.string());
  int code = notation::RunProgram(args, log.string());
  if ((code != 0 && code != 3) || !fs::exists(joined))
    throw ScoreError(out.string() + ": qpdf could not join the booklet's pages");
  // Page numbers on every page but the cover, score pages included.
  std::vector<PagePainter> number_pages;
  for (int n = 1; n <= total; ++n)
    number_pages.push_back([n, page](cairo_t* cr) {
      if (n == 1) return;
      cairo_set_source_rgb(cr, 0, 0, 0);
      notation::DrawText(cr, std::to_string(n), page.margin, page.height - 18,
                         Style(9, true, false, page, Align::kCenter));
    });
  WritePdf(numbers_pdf, number_pages, page, course.title, out);
  code = notation::RunProgram(
      {qpdf, joined.string(), "--overlay", numbers_pdf.string(), "--", numbered.string()},
      log.string());
  if ((code != 0 && code != 3) || !fs::exists(numbered))
    throw ScoreError(out.string() + ": qpdf could not number the booklet's pages");
  const std::vector<uint8_t> bytes = ReadFileBytes(numbered, out.string(), 1ull << 32);
  WriteFileAtomically(out, bytes.data(), bytes.size());
  report(1.0);
  result.pages = total;
  return result;
}

}  // namespace graphony
