// graphony-cli print: the printable score (graphic score, legend, staff notation) as PDF/SVG.
#include <cstdio>
#include <sstream>

#include "commands.h"
#include "core/score_io.h"
#include "core/score_language.h"
#include "export/export_job.h"
#include "notation/print.h"
#include "rewrite_score.h"

namespace graphony::cli {

namespace {

int RunPrint(Args& args) {
  const auto out = args.Option("-o");
  notation::PrintOptions options;
  options.paper = args.Option("--paper").value_or("a4");
  const auto pages = args.Option("--pages");
  const auto part = args.Option("--part");  // read once: Option() takes it out of args
  options.part = part.value_or("");
  const std::string level = args.Option("--level").value_or("full");
  if (level != "easy" && level != "full") throw UsageError("print", _("--level is easy or full"));
  options.easy = level == "easy";
  // A language for this print only; the file is changed only with --save-language.
  const auto language = args.Option("--language");
  options.language = language.value_or("");
  const bool save_language = args.Flag("--save-language");
  if (language)
    CheckScoreLanguage(options.language.empty() ? "?" : options.language,
                       // NOT-UI: the program and the option, before a translated message
                       "graphony-cli print: --language");
  if (save_language && options.language.empty())
    throw UsageError("print", _("--save-language needs --language CODE"));
  if (part && options.part.empty())
    throw UsageError("print", _("--part takes a part's name (e.g. Flute) or all"));
  // A player's copy is the notation and the colour page of their part.
  if (!options.part.empty() && !pages) options.pages = {"notation", "colour"};
  const std::vector<std::string> files = args.Positionals();
  if (files.size() != 1 || !out)
    throw UsageError("print",
                     _("usage: graphony-cli print FILE -o OUT.pdf|OUT.svg [--paper a4|letter] "
                       "[--pages graphic,legend,notation,colour] [--part NAME|all] "
                       "[--level easy|full] [--language CODE [--save-language]]"));
  const std::string ext = std::filesystem::path(*out).extension().string();
  if (ext != ".pdf" && ext != ".svg")
    throw UsageError("print", *out + ": " + _("the output must end in .pdf or .svg"));
  if (options.paper != "a4" && options.paper != "letter")
    throw UsageError("print", _("--paper is a4 or letter"));
  if (pages) {
    options.pages.clear();
    std::stringstream list(*pages);
    std::string kind;
    while (std::getline(list, kind, ',')) {
      if (kind != "graphic" && kind != "legend" && kind != "notation" && kind != "colour")
        throw UsageError("print", Fill(_("--pages takes graphic, legend, notation and colour (got "
                                         "\"{value}\")"),
                                       {{"value", kind}}));
      options.pages.push_back(kind);
    }
    if (options.pages.empty()) throw UsageError("print", _("--pages is empty"));
  }
  Score score = LoadScore(files[0]);
  ExportRequest request;
  request.out = *out;
  request.print = options;
  const notation::PrintResult result = RunExportJob(score, request).print;
  const std::string pages_text =
      Plural("{n} page", "{n} pages", static_cast<unsigned long>(result.pages));
  if (result.files.size() > 1)
    std::printf(
        "%s\n",
        Fill(_("wrote {file}: {pages} ({svgs} SVG files)"),
             {{"file", *out}, {"pages", pages_text}, {"svgs", std::to_string(result.files.size())}})
            .c_str());
  else
    std::printf("%s\n",
                Fill(_("wrote {file}: {pages}"), {{"file", *out}, {"pages", pages_text}}).c_str());
  if (save_language && score.language != options.language) {
    score.language = options.language;  // only once the print is written
    RewriteScore(score, files[0]);
    std::printf("%s\n", Fill(_("{file} now prints in {language}"),
                             {{"file", files[0]}, {"language", options.language}})
                            .c_str());
  }
  if (!result.engraving_problem.empty())
    // NOT-UI: the program and command's names, then a translated message
    std::fprintf(stderr, "graphony-cli print: %s\n",
                 Fill(_("{problem}; the notation page explains how to get it"),
                      {{"problem", result.engraving_problem}})
                     .c_str());
  return kExitOk;
}

}  // namespace

const Command kPrintCommand = {
    "print", N_("print the score for the group (PDF or SVG)"),
    N_("usage: graphony-cli print FILE -o OUT.pdf|OUT.svg [--paper a4|letter]\n"
       "                          [--pages graphic,legend,notation,colour]\n"
       "                          [--part NAME|all] [--level easy|full]\n"
       "                          [--language CODE [--save-language]]\n\n"
       "Pages, in the order given (default graphic,legend,notation,colour):\n"
       "  graphic   the picture and strokes as painted, with bar numbers and note names\n"
       "  legend    each colour, its instrument and who plays it; the scale and range\n"
       "  notation  staff notation engraved by LilyPond (if LilyPond is missing, a page says\n"
       "            how to install it; $GRAPHONY_LILYPOND picks another lilypond program)\n"
       "  colour    colour notation (Figurenotes-compatible) for players who don't read staff\n"
       "            notation: colour names the note, shape the octave; large, a part a page\n"
       "--part NAME prints one player's part (by part or instrument name, e.g. Flute), --part all\n"
       "every part, each on its own pages with its name, who plays it, bar numbers and multi-bar\n"
       "rests; with --part the default pages are notation,colour.\n"
       "--level easy writes each part as one line of its main notes in eighth..whole values\n"
       "within an octave and a fifth, for beginners; full (default) is the whole arrangement.\n"
       "The MIDI export is always the full performance.\n"
       "Title and credits are on the first page; only contributors who agreed are named.\n"
       "Colours carry letters and patterns so the print reads in black and white.\n"
       "SVG output writes one file per page: OUT.svg, OUT-2.svg, OUT-3.svg...\n"
       "Language: the pages print in the score's own language (its \"language\" field), else in\n"
       "yours (LANGUAGE/LANG). --language CODE prints in CODE this time only and does NOT change\n"
       "FILE; add --save-language to also store CODE in FILE, so every later print (and the\n"
       "editor's) uses it. CODE is one of en, pl, it, sq, ro, zh_CN, ar.\n"),
    RunPrint};

}  // namespace graphony::cli
