// graphony-cli sample: makes a sampler instrument from a recorded take ("paint with your own
// voice") and puts it on a palette colour (synth/sampler_make.h does the work).
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "core/people.h"
#include "core/pitch.h"
#include "core/score_io.h"
#include "core/score_text.h"
#include "synth/sampler_make.h"

namespace graphony::cli {

namespace {

int RunSample(Args& args) {
  SampleRequest request;
  const auto take = args.Option("--take");
  const auto from = args.Option("--from");
  const auto to = args.Option("--to");
  const auto name = args.Option("--name");
  const auto colour = args.Option("--colour");
  const auto files = args.Positionals();
  if (files.size() != 1) throw UsageError("sample", _("give exactly one score file (see --help)"));
  if (!take) throw UsageError("sample", _("say which take with --take NAME"));
  request.take = *take;
  if (from) request.from = ParseNumber("--from", *from);
  if (to) request.to = ParseNumber("--to", *to);
  if (name) request.name = *name;
  if (colour) {
    const double n = ParseNumber("--colour", *colour);
    if (!(n >= 1 && n <= 64 && n == static_cast<int>(n)))
      throw UsageError("sample", _("--colour is a palette number, 1 for the first colour"));
    request.palette_index = static_cast<int>(n) - 1;
  }
  const std::filesystem::path file = files[0];
  // A plain score.json cannot carry the sound, so it is refused before anything is done.
  if (file.extension() == ".json")
    throw ScoreError(file.string() + ": " +
                     _("a plain score.json cannot hold a sample; save it as a .graphony bundle "
                       "first"));
  Score score = LoadScore(file);
  const SampledInstrument made = MakeSampledInstrument(score, request, file.string());
  // Atomically (temp file + rename): any failure leaves the old file as it was.
  SaveScore(score, file, file.parent_path());
  std::string players;
  for (const std::string& id : made.players)
    if (const Contributor* c = PersonById(score, id))
      players += (players.empty() ? "" : ", ") + DisplayName(*c);
  std::printf(
      "%s\n",
      Fill(_("{file}: made {name} from {take} ({from}..{to} s), root {note}{cents} cents, {loop}, "
             "by {players}"),
           {{"file", file.string()},
            {"name", QuoteText(made.name)},
            {"take", made.take},
            {"from", Sprintf("%.2f", made.from_seconds)},
            {"to", Sprintf("%.2f", made.to_seconds)},
            {"note", NoteName(static_cast<int>(std::lround(made.root_midi)))},
            {"cents", Sprintf("%+.0f", 100 * (made.root_midi - std::round(made.root_midi)))},
            {"loop",
             made.loop_end > made.loop_start ? _("loops where it is sustained") : _("plays once")},
            {"players", players}})
          .c_str());
  if (request.palette_index >= 0)
    std::printf("%s\n", Fill(_("colour {n} now plays it"),
                             {{"n", std::to_string(request.palette_index + 1)}})
                            .c_str());
  return kExitOk;
}

}  // namespace

const Command kSampleCommand = {
    "sample", N_("make an instrument from a recorded take (paint with your own voice)"),
    N_("usage: graphony-cli sample SCORE.graphony --take NAME [--from SEC --to SEC]\n"
       "                           [--name \"Amira's voice\"] [--colour N]\n\n"
       "Cuts the take (or the part from --from to --to seconds), trims its silence, finds the\n"
       "pitch it was sung at (aubio) and a loop where it is sustained, and keeps it inside the\n"
       "score bundle as a sampler instrument. Notes then play it at the scale's pitches, and\n"
       "long notes sustain through the loop. --colour N (1 = the first palette colour) makes\n"
       "that colour play it. The name defaults to \"<player>'s voice\".\n\n"
       "Consent travels with the voice: every player of the take must have agreed to their\n"
       "recordings being used within the group (graphony-cli people set ... --consent group),\n"
       "and the instrument's use is always read from their consent.\n\n"
       "Exit status: 0 ok, 1 bad input (the score file is left as it was), 2 usage error.\n"),
    RunSample};

}  // namespace graphony::cli
