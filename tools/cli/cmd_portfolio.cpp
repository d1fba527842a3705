// graphony-cli portfolio: the course's booklet (cover, contents, sessions with their scores
// and poems, credits, recordings, page numbers) as one PDF.
#include <cstdio>

#include "commands.h"
#include "core/score_io.h"
#include "course/portfolio.h"

namespace graphony::cli {

namespace {

int RunPortfolio(Args& args) {
  const auto out = args.Option("-o");
  PortfolioOptions options;
  options.paper = args.Option("--paper").value_or("a4");
  const auto rest = args.Positionals();
  if (rest.size() != 1 || !out)
    throw UsageError("portfolio",
                     _("usage: graphony-cli portfolio DIR -o BOOK.pdf [--paper a4|letter]"));
  if (options.paper != "a4" && options.paper != "letter")
    throw UsageError("portfolio", _("--paper is a4 or letter"));
  if (std::filesystem::path(*out).extension() != ".pdf")
    throw UsageError("portfolio", *out + ": " + _("the output must end in .pdf"));
  const PortfolioResult result = PrintPortfolio(rest[0], *out, options);
  const auto count = [](int n) { return static_cast<unsigned long>(n); };
  std::printf(
      "%s\n",
      Fill(_("wrote {file}: {pages} pages, {sessions}, {scores}, {recordings}"),
           {{"file", *out},
            {"pages", std::to_string(result.pages)},
            {"sessions", Plural("{n} session", "{n} sessions", count(result.sessions))},
            {"scores", Plural("{n} score", "{n} scores", count(result.scores))},
            {"recordings", Plural("{n} recording", "{n} recordings", count(result.recordings))}})
          .c_str());
  if (!result.engraved)
    // NOT-UI: the program and command's names, then a translated message
    std::fprintf(stderr, "graphony-cli portfolio: %s\n",
                 _("some staff notation was not engraved (LilyPond); those pages explain how to "
                   "get it"));
  return kExitOk;
}

}  // namespace

const Command kPortfolioCommand = {
    "portfolio", N_("print a course's portfolio booklet (PDF)"),
    N_("usage: graphony-cli portfolio DIR -o BOOK.pdf [--paper a4|letter]\n\n"
       "The booklet of a course folder (see 'graphony-cli course'):\n"
       "  a cover with the title, theme and site; a table of contents;\n"
       "  one chapter per session: each score's graphic page, legend and parts, printed as\n"
       "  'graphony-cli print' prints them, then the session's poems and notes (*.txt);\n"
       "  the credits and a list of recordings with their titles and lengths; page numbers.\n"
       "People are named only when they asked to be credited by name and agreed to exhibition\n"
       "(the print rule); others appear by their initials or as participants, in poems too.\n"
       "Staff notes and the session log are never printed. Needs qpdf; LilyPond engraves parts.\n\n"
       "Exit status: 0 written, 1 bad input (nothing written), 2 usage error.\n"),
    RunPortfolio};

}  // namespace graphony::cli
