// Printing: lays out the requested pages and writes them as one PDF or one SVG per page.
#include "notation/print.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/instrument_traits.h"
#include "core/score_io.h"
#include "core/score_language.h"
#include "core/temp_files.h"
#include "notation/credits.h"
#include "notation/engrave.h"
#include "notation/notation.h"
#include "notation/print_colour.h"
#include "notation/print_graphic.h"
#include "notation/print_legend.h"
#include "notation/print_text.h"
#include "notation/writers.h"

namespace graphony::notation {

namespace fs = std::filesystem;

void PaperSize(const std::string& paper, double* width, double* height) {
  if (paper == "letter") {
    *width = 612;
    *height = 792;
  } else {
    *width = 595.276;  // A4: 210 x 297 mm
    *height = 841.89;
  }
}

namespace {

struct Page {
  PagePainter paint;
  bool footer = true;  // LilyPond's pages carry their own layout
  int external = -1;   // >= 0: page of LilyPond's PDF merged in by qpdf (no painter)
};

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void SaveBytes(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// How far down the page a painter draws (points from the page's top margin).
double PainterHeight(const PagePainter& paint, const PageGeometry& page) {
  cairo_surface_t* scratch = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* cr = cairo_create(scratch);
  paint(cr);
  cairo_destroy(cr);
  double x = 0, y = 0, w = 0, h = 0;
  cairo_recording_surface_ink_extents(scratch, &x, &y, &w, &h);
  cairo_surface_destroy(scratch);
  return y + h - page.margin;
}

// Puts our drawn pages and LilyPond's pages in order with qpdf; returns the merged bytes.
std::string MergeWithQpdf(const std::string& qpdf, const std::string& ours, int our_pages,
                          const std::string& lily, const std::vector<Page>& pages,
                          const fs::path& out) {
  // Removed when done; folders of killed prints are removed by the next one.
  const PrivateTempDir scratch("graphony-print");
  if (!scratch.Ok()) throw ScoreError(out.string() + ": " + _("cannot make a temporary directory"));
  const fs::path ours_pdf = scratch.Path() / "ours.pdf", lily_pdf = scratch.Path() / "notation.pdf",
                 merged = scratch.Path() / "merged.pdf", log = scratch.Path() / "qpdf.log";
  if (our_pages > 0) SaveBytes(ours_pdf, ours);
  SaveBytes(lily_pdf, lily);
  // The first file gives the document its metadata (our title and credits).
  std::vector<std::string> args = {qpdf, our_pages > 0 ? ours_pdf.string() : lily_pdf.string(),
                                   "--pages"};
  int our_index = 0;
  for (size_t i = 0; i < pages.size();) {
    const bool external = pages[i].external >= 0;
    size_t j = i;
    while (j < pages.size() && (pages[j].external >= 0) == external) ++j;
    if (external) {
      args.push_back(lily_pdf.string());
      args.push_back(std::to_string(pages[i].external + 1) + "-" +
                     std::to_string(pages[j - 1].external + 1));
    } else {
      args.push_back(ours_pdf.string());
      args.push_back(std::to_string(our_index + 1) + "-" +
                     std::to_string(our_index + static_cast<int>(j - i)));
      our_index += static_cast<int>(j - i);
    }
    i = j;
  }
  args.push_back("--");
  args.push_back(merged.string());
  const int code = RunProgram(args, log.string());
  if ((code != 0 && code != 3) || !fs::exists(merged))  // 3: warnings only
    throw ScoreError(out.string() + ": " + _("qpdf could not merge the notation pages"));
  return ReadBytes(merged);
}

// An SVG page from LilyPond, drawn as vectors onto our surface (librsvg).
PagePainter SvgPage(std::string svg, PageGeometry page) {
  auto data = std::make_shared<std::string>(std::move(svg));
  return [data, page](cairo_t* cr) {
    GError* error = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(data->data()),
                                                   data->size(), &error);
    if (!handle) {
      TextStyle style;
      // TRANSLATORS: {problem} is librsvg's own message, in English
      DrawText(cr,
               i18n::Fill(_("This notation page could not be read: {problem}"),
                          {{"problem", error ? error->message : _("unknown error")}}),
               page.margin, page.margin, style);
      if (error) g_error_free(error);
      return;
    }
    RsvgRectangle viewport{0, 0, page.width, page.height};
    if (!rsvg_handle_render_document(handle, cr, &viewport, &error) && error) g_error_free(error);
    g_object_unref(handle);
  };
}

// NOT-UI: a command, typed as it is written in every language
constexpr const char* kInstallLilyPond = "sudo apt-get install lilypond lilypond-fonts";

// When LilyPond is absent or fails, the page says how to get the notation instead.
PagePainter NoNotationPage(const Score& score, const std::string& problem, bool missing,
                           const PageGeometry& page, bool title_block) {
  auto s = std::make_shared<Score>(score);
  s->assets = {};
  return [s, problem, missing, page, title_block](cairo_t* cr) {
    double y = title_block ? DrawTitleBlock(cr, *s, page) : page.margin;
    TextStyle heading;
    heading.size = 16;
    heading.bold = true;
    heading.serif = true;
    cairo_set_source_rgb(cr, 0, 0, 0);
    y += DrawText(cr, _("Staff notation"), page.margin, y, heading) + 10;
    TextStyle body;
    body.size = 11;
    body.width = page.width - 2 * page.margin;
    // TRANSLATORS: keep the commands as they are; {command} is an apt-get line
    const std::string how =
        missing
            ? i18n::Fill(_("Staff notation is engraved by LilyPond, which is not installed on this "
                           "computer. To add it, run tools/setup.sh from the Graphony folder, or "
                           "install the Debian packages with:\n\n    {command}\n\nthen print "
                           "again. Meanwhile, 'graphony-cli export' writes MusicXML for "
                           "MuseScore."),
                         {{"command", kInstallLilyPond}})
            : problem + "\n\n" +
                  _("The MusicXML export ('graphony-cli export score -o score.musicxml') opens in "
                    "MuseScore as another way to print the notation.");
    DrawText(cr, how, page.margin, y, body);
  };
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void PaintPage(cairo_t* cr, const Page& page, const Score& score, const PageGeometry& geometry,
               int number) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_save(cr);
  page.paint(cr);
  cairo_restore(cr);
  if (page.footer) DrawFooter(cr, score, geometry, number);
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The notation the pages print: the level asked for, only the part asked for.
NotationScore PrintedNotation(const Score& score, const Events& events, const PrintOptions& options,
                              const fs::path& out) {
  NotationOptions level;
  level.easy = options.easy;
  NotationScore ns = BuildNotation(score, events, level);
  ns.date = PrintedDate(score);  // LilyPond's header may be the first page
  if (options.part.empty() || options.part == "all") return ns;
  std::vector<Part> chosen;
  std::string names;
  for (Part& p : ns.parts) {
    // The printed name (maybe translated), the instrument's id or its English name.
    const InstrumentTraits* traits = FindInstrument(p.instrument);
    if (Lower(p.name) == Lower(options.part) || Lower(p.instrument) == Lower(options.part) ||
        (traits && Lower(std::string(traits->display_name)) == Lower(options.part)))
      chosen.push_back(std::move(p));
    else
      names += (names.empty() ? "" : ", ") + p.name;
  }
  if (chosen.empty())
    // TRANSLATORS: {part} is what was asked for; {names} the parts there are ("Flute, Cello")
    throw ScoreError(out.string() + ": " +
                     i18n::Fill(_("no part named '{part}' (parts: {names}, or all)"),
                                {{"part", options.part}, {"names", names}}));
  ns.parts = std::move(chosen);
  return ns;
}

}  // namespace

std::string PrintLanguage(const Score& score, const PrintOptions& options) {
  return !options.language.empty() ? options.language : score.language;
}

PrintResult PrintScore(const Score& score, const Events& events, const fs::path& out,
                       const PrintOptions& options) {
  CheckScoreLanguage(options.language, out.string());
  // Every word on the pages (and the PDF's metadata) is translated on this thread in the
  // print's language; painters run inside this scope.
  const i18n::ScopedLanguage language(PrintLanguage(score, options));
  PageGeometry geometry;
  PaperSize(options.paper, &geometry.width, &geometry.height);
  PrintResult result;
  std::vector<Page> pages;
  size_t graphic_page = std::string::npos;  // the last graphic page and where it ends
  double graphic_bottom = 0;
  const std::string qpdf = FindProgram("qpdf");
  std::string lily_pdf;
  // The legend names the parts a printed full score leaves out.
  std::vector<std::string> left_out;
  if (options.part.empty() &&
      std::find(options.pages.begin(), options.pages.end(), "notation") != options.pages.end())
    left_out = LeftOutOfScore(PrintedNotation(score, events, options, out));
  for (size_t k = 0; k < options.pages.size(); ++k) {
    const std::string& kind = options.pages[k];
    const bool first = pages.empty();
    if (kind == "graphic") {
      // A legend that follows may share the overview's page: keep room for it.
      double reserve = 0;
      if (k + 1 < options.pages.size() && options.pages[k + 1] == "legend")
        reserve = PainterHeight(LegendPage(score, events, geometry, false, left_out), geometry);
      for (auto& p : GraphicPages(score, geometry, first, &graphic_bottom, reserve))
        pages.push_back({std::move(p), true});
      graphic_page = pages.size() - 1;
    } else if (kind == "legend") {
      // A legend that fits below the last graphic page shares it (a wide picture leaves the
      // lower half of its page free); otherwise it has its own page.
      PagePainter legend = LegendPage(score, events, geometry, first, left_out);
      const double room = geometry.height - geometry.margin - 12 - graphic_bottom;
      if (!first && graphic_page + 1 == pages.size() && PainterHeight(legend, geometry) <= room) {
        PagePainter graphic = std::move(pages.back().paint);
        const double shift = graphic_bottom - geometry.margin;
        pages.back().paint = [graphic, legend, shift](cairo_t* cr) {
          graphic(cr);
          cairo_save(cr);
          cairo_translate(cr, 0, shift);
          legend(cr);
          cairo_restore(cr);
        };
      } else {
        pages.push_back({std::move(legend), true});
      }
    } else if (kind == "notation") {
      std::string program = options.lilypond;
      if (program.empty()) {
        const char* env = std::getenv("GRAPHONY_LILYPOND");
        program = env && *env ? env : "lilypond";
      }
      const NotationScore ns = PrintedNotation(score, events, options, out);
      const bool parts = !options.part.empty();
      // PDF output merges LilyPond's own PDF (its PDF backend is ~4x faster than its SVG
      // one); SVG output, or no qpdf, draws LilyPond's SVG pages with librsvg.
      const bool merge = out.extension() == ".pdf" && !qpdf.empty();
      const std::string ly = ToLilyPond(ns, options.paper, parts);
      Engraving engraving = merge ? EngravePdf(ly, program, qpdf) : EngraveSvg(ly, program);
      result.engraved = engraving.problem.empty();
      result.engraving_problem = engraving.problem;
      if (result.engraved && merge) {
        lily_pdf = std::move(engraving.pdf);
        for (int i = 0; i < engraving.pdf_pages; ++i) pages.push_back({nullptr, false, i});
      } else if (result.engraved) {
        for (auto& svg : engraving.pages)
          pages.push_back({SvgPage(std::move(svg), geometry), false});
      } else {
        pages.push_back(
            {NoNotationPage(score, engraving.problem, engraving.missing, geometry, first), true});
      }
    } else if (kind == "colour") {
      const NotationScore ns = PrintedNotation(score, events, options, out);
      for (auto& p : ColourPages(score, ns, geometry, first)) pages.push_back({std::move(p), true});
    } else {
      // TRANSLATORS: keep the page kinds in English: they are what --pages takes
      throw ScoreError(
          out.string() + ": " +
          i18n::Fill(_("unknown page kind '{kind}' (graphic, legend, notation, colour)"),
                     {{"kind", kind}}));
    }
  }
  if (pages.empty()) throw ScoreError(out.string() + ": " + _("no pages to print"));

  const std::string ext = out.extension().string();
  if (ext == ".pdf") {
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendToString, &bytes,
                                                                   geometry.width, geometry.height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, score.title.c_str());
    const std::string credits = CreditLine(score.contributors);
    if (!credits.empty())
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, credits.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Graphony");
    cairo_t* cr = cairo_create(surface);
    int drawn = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
      if (pages[i].external >= 0) continue;
      PaintPage(cr, pages[i], score, geometry, static_cast<int>(i + 1));  // final page number
      cairo_show_page(cr);
      ++drawn;
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
      throw ScoreError(out.string() + ": " +
                       i18n::Fill(_("cannot draw the PDF ({problem})"),
                                  {{"problem", cairo_status_to_string(status)}}));
    if (!lily_pdf.empty()) bytes = MergeWithQpdf(qpdf, bytes, drawn, lily_pdf, pages, out);
    WriteFileAtomically(out, bytes.data(), bytes.size());
    result.files.push_back(out);
  } else if (ext == ".svg") {
    for (size_t i = 0; i < pages.size(); ++i) {
      std::string bytes;
      cairo_surface_t* surface = cairo_svg_surface_create_for_stream(
          AppendToString, &bytes, geometry.width, geometry.height);
      cairo_t* cr = cairo_create(surface);
      PaintPage(cr, pages[i], score, geometry, static_cast<int>(i + 1));
      cairo_destroy(cr);
      cairo_surface_finish(surface);
      const cairo_status_t status = cairo_surface_status(surface);
      cairo_surface_destroy(surface);
      if (status != CAIRO_STATUS_SUCCESS)
        throw ScoreError(out.string() + ": " +
                         i18n::Fill(_("cannot draw the SVG ({problem})"),
                                    {{"problem", cairo_status_to_string(status)}}));
      fs::path file = out;
      if (i > 0) file.replace_filename(out.stem().string() + "-" + std::to_string(i + 1) + ".svg");
      WriteFileAtomically(file, bytes.data(), bytes.size());
      result.files.push_back(file);
    }
  } else {
    throw ScoreError(out.string() + ": " + _("print writes .pdf or .svg"));
  }
  result.pages = static_cast<int>(pages.size());
  return result;
}

}  // namespace graphony::notation
