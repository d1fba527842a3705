// graphony-cli soundfont: shows or sets the General MIDI soundfont a score plays with.
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "core/score_io.h"
#include "rewrite_score.h"
#include "synth/score_settings.h"
#include "synth/soundfont.h"

namespace graphony::cli {

namespace fs = std::filesystem;

namespace {

// How the score names `chosen` (a path as the user typed it, from the working directory):
// relative to the score's folder when it lies inside it, so a folder copied to another laptop
// with its soundfont still finds it; else absolute.
std::string NameForScore(const fs::path& chosen, const fs::path& score_file) {
  // Lexically: a link inside the folder stays the link the user named.
  const fs::path font = fs::absolute(chosen).lexically_normal();
  const fs::path folder = fs::absolute(score_file).parent_path().lexically_normal();
  const fs::path relative = font.lexically_relative(folder);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return font.string();
}

void Show(const Score& score, const fs::path& file) {
  if (score.soundfont.empty()) {
    const std::string chosen = ChooseSoundfont("");
    std::printf("%s: %s\n", file.string().c_str(),
                Fill(_("plays with the default soundfont ({soundfont})"),
                     {{"soundfont", chosen.empty() ? std::string(_("none installed")) : chosen}})
                    .c_str());
    return;
  }
  const std::string path = ScoreSoundfontPath(score);
  std::string error;
  const bool usable = Soundfont::Shared(path, &error) != nullptr;
  std::printf("%s: %s\n", file.string().c_str(),
              (usable ? Fill(_("plays with {soundfont}"), {{"soundfont", score.soundfont}})
                      : Fill(_("plays with {soundfont} (cannot be used here: {reason})"),
                             {{"soundfont", score.soundfont}, {"reason", error}}))
                  .c_str());
}

int RunSoundfont(Args& args) {
  const bool to_default = args.Flag("--default");
  const auto rest = args.Positionals();
  if (rest.empty() || rest.size() > 2)
    throw UsageError("soundfont", _("give a score file, and the soundfont to set (see --help)"));
  if (to_default && rest.size() == 2)
    throw UsageError("soundfont", _("give a soundfont file or --default, not both"));
  const fs::path file = rest[0];
  Score score = LoadScore(file);
  if (rest.size() == 1 && !to_default) {
    Show(score, file);
    return kExitOk;
  }
  if (to_default) {
    score.soundfont.clear();
  } else {
    // Refused before anything is written: a score must not name a file that cannot play.
    std::string error;
    if (!Soundfont::Shared(rest[1], &error)) throw ScoreError(error);
    score.soundfont = NameForScore(rest[1], file);
  }
  RewriteScore(score, file);
  Show(score, file);
  return kExitOk;
}

}  // namespace

const Command kSoundfontCommand = {
    "soundfont", N_("show or set the General MIDI soundfont a score plays with"),
    N_("usage: graphony-cli soundfont SCORE [FILE | --default]\n\n"
       "Without FILE, says which soundfont SCORE plays its General MIDI instruments with.\n"
       "With FILE (an SF2 or SF3 soundfont), the score plays with it from now on, in the editor\n"
       "and in every command. A FILE inside the score's folder is kept relative to that folder,\n"
       "so copying the folder (score and soundfont together) keeps it; any other is kept as an\n"
       "absolute path. --default goes back to the default soundfont.\n\n"
       "On a computer without the file, the score plays with the default soundfont and says so\n"
       "in one line. A --soundfont FILE given to any command, or $GRAPHONY_SOUNDFONT, overrides\n"
       "the score's for that run.\n\n"
       "Exit status: 0 shown or set, 1 bad input (nothing written), 2 usage error.\n"),
    RunSoundfont};

}  // namespace graphony::cli
