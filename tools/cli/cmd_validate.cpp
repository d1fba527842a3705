// graphony-cli validate: checks score files, one line per file; exit 1 if any is bad.
#include <cstdio>

#include "commands.h"
#include "core/score_io.h"
#include "core/score_stats.h"
#include "core/score_text.h"

namespace graphony::cli {

static int RunValidate(Args& args) {
  const auto files = args.Positionals();
  if (files.empty()) throw UsageError("validate", _("give at least one score file (see --help)"));
  int bad = 0;
  for (const std::string& file : files) {
    try {
      const Score score = LoadScore(file);
      std::printf("%s\n", Fill(_("{file}: ok ({title}, {beats} beats, {images} image(s), "
                                 "{strokes} stroke(s))"),
                               {{"file", file},
                                {"title", QuoteText(score.title)},
                                {"beats", FormatNumber(score.length_beats)},
                                {"images", std::to_string(CountImageLayers(score))},
                                {"strokes", std::to_string(CountStrokes(score))}})
                              .c_str());
    } catch (const ScoreError& e) {
      std::fprintf(stderr, "%s\n", e.what());
      ++bad;
    } catch (const std::exception& e) {
      // LoadScore turns everything into ScoreError; this is the last guard so the next
      // file is still checked and the line still names this one.
      std::fprintf(stderr, "%s: %s\n", file.c_str(), e.what());
      ++bad;
    }
    std::fflush(stdout);
  }
  return bad ? kExitFailure : kExitOk;
}

const Command kValidateCommand = {
    "validate", N_("check score files (.graphony or score.json), one line per file"),
    N_("usage: graphony-cli validate FILE...\n\n"
       "Checks each score: that it opens, its values are in range, its images decode.\n"
       "Prints 'FILE: ok (...)' on stdout or one line naming the problem on stderr.\n"
       "Exit status: 0 all valid, 1 any invalid, 2 usage error.\n\n"
       "Pictures (PNG, JPEG) are decoded within one memory budget per score, 1024 MB unless\n"
       "GRAPHONY_IMAGE_MEMORY_MB says otherwise; beyond it they are decoded at a smaller size,\n"
       "and a score whose pictures do not fit even at 1/8 size is refused.\n"),
    RunValidate};

}  // namespace graphony::cli
