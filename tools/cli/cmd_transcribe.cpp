// graphony-cli transcribe: a take (or any WAV) heard with aubio and written onto the painting
// as a melody layer at the beat where it was played.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "commands.h"
#include "core/file_io.h"
#include "core/people.h"
#include "core/pitch.h"
#include "core/score_io.h"
#include "rewrite_score.h"
#include "transcribe/transcribe.h"

namespace graphony::cli {

namespace {

int RunTranscribe(Args& args) {
  const auto take_name = args.Option("--take");
  const auto audio = args.Option("--audio");
  const auto at_text = args.Option("--at");
  const auto colour_text = args.Option("--colour");
  const auto confidence_text = args.Option("--confidence");
  const std::vector<std::string> player_names = args.Options("--player");
  const bool dry_run = args.Flag("--dry-run");
  const auto files = args.Positionals();
  if (files.size() != 1) throw UsageError("transcribe", _("give one score file (see --help)"));
  if (take_name.has_value() == audio.has_value())
    throw UsageError("transcribe", _("give either --take NAME or --audio FILE.wav --at BEAT"));
  if (audio && !at_text) throw UsageError("transcribe", _("--audio needs --at BEAT"));
  if (take_name && (at_text || !player_names.empty()))
    throw UsageError("transcribe", _("a take has its own beat and players (no --at or --player)"));
  const double at = at_text ? ParseNumber("--at", *at_text) : 0.0;
  if (!(at >= 0 && at <= kMaxBeats))
    throw UsageError("transcribe", _("--at must be 0 or more beats"));
  const double colour_number = colour_text ? ParseNumber("--colour", *colour_text) : 0.0;
  if (!(colour_number >= 0 && colour_number < 1e6) ||
      colour_number != static_cast<int>(colour_number))
    throw UsageError("transcribe", _("--colour expects a palette index (0, 1, 2...)"));
  const int colour = static_cast<int>(colour_number);
  transcribe::DetectOptions detect;
  if (confidence_text) {
    detect.min_confidence = ParseNumber("--confidence", *confidence_text);
    if (!(detect.min_confidence > 0 && detect.min_confidence < 1))
      throw UsageError("transcribe", _("--confidence must be between 0 and 1"));
  }

  const std::filesystem::path file = files[0];
  Score score = LoadScore(file);
  if (!score.palette.empty() && colour >= static_cast<int>(score.palette.size()))
    throw ScoreError(
        file.string() + ": " +
        Fill(_("colour {n} is not in the palette (0 to {last})"),
             {{"n", std::to_string(colour)}, {"last", std::to_string(score.palette.size() - 1)}}));
  transcribe::Result result;
  std::string source;
  if (take_name) {
    result = transcribe::TranscribeTake(score, *take_name, file.parent_path(), colour, detect);
    source = Fill(_("take \"{name}\""), {{"name", *take_name}});
  } else {
    transcribe::Request request;
    request.at_beat = at;
    request.colour = colour;
    request.detect = detect;
    for (const std::string& name : player_names)
      request.players.push_back(FindPerson(score, name, file.string() + ": --player").id);
    request.layer_name = std::filesystem::path(*audio).stem().string();
    const std::vector<uint8_t> bytes = ReadFileBytes(*audio, *audio, kMaxEntryBytes);
    result = transcribe::TranscribeSound(score, bytes, *audio, request);
    source = *audio;
  }
  if (result.layer_index < 0) {
    std::fprintf(stderr, "%s: %s\n", source.c_str(), _("no notes were heard (nothing written)"));
    return kExitFailure;
  }
  const Layer& layer = score.layers[static_cast<size_t>(result.layer_index)];
  const bool flats = KeyPrefersFlats(score.mapping);
  const double bps = score.tempo_bpm / 60.0;
  const double base = take_name ? transcribe::FindTake(score, *take_name)->start_beat : at;
  for (const transcribe::HeardNote& n : result.heard)
    std::printf(
        "  %s\n",
        Fill(_("heard {at} s (beat {beat})  {note} midi {midi}  {length} s  confidence "
               "{confidence}"),
             {{"at", Sprintf("%7.3f", n.start_seconds)},
              {"beat", Sprintf("%7.3f", base + n.start_seconds * bps)},
              {"note",
               Sprintf("%-4s", NoteName(static_cast<int>(std::lround(n.midi)), flats).c_str())},
              {"midi", Sprintf("%6.2f", n.midi)},
              {"length", Sprintf("%4.2f", n.duration_seconds)},
              {"confidence", Sprintf("%.2f", n.confidence)}})
            .c_str());
  if (!dry_run) RewriteScore(score, file);
  std::string line =
      Fill(dry_run ? _("{file}: {notes} notes from {source} would become layer {layer} \"{name}\"")
                   : _("{file}: {notes} notes from {source} became layer {layer} \"{name}\""),
           {{"file", file.string()},
            {"notes", std::to_string(result.notes)},
            {"source", source},
            {"layer", std::to_string(result.layer_index)},
            {"name", layer.name}});
  if (result.folded)
    line += Fill(_(" ({n} moved by octaves into the playable range)"),
                 {{"n", std::to_string(result.folded)}});
  std::printf("%s\n", line.c_str());
  return kExitOk;
}

}  // namespace

const Command kTranscribeCommand = {
    "transcribe", N_("write a take (or a WAV) onto the picture as a melody layer"),
    N_("usage: graphony-cli transcribe SCORE (--take NAME | --audio FILE.wav --at BEAT) "
       "[options]\n\n"
       "Listens to a recorded take (or any WAV/FLAC/OGG file) for its notes (aubio: onsets and\n"
       "pitch, trusting only confident pitch frames) and adds them to SCORE as a new layer of\n"
       "strokes, starting where the take was recorded (or at BEAT), in the score's scale and on\n"
       "its grid, so the melody plays and prints like a painted layer. SCORE is rewritten\n"
       "safely (a failure leaves it as it was). Prints each note heard.\n\n"
       "options:\n"
       "  --take NAME        a take in the score (its name or file); credited to its players\n"
       "  --audio FILE       a sound file instead, placed at --at BEAT\n"
       "  --player NAME      with --audio: who played (repeatable; the first is credited)\n"
       "  --colour N         palette colour (instrument) the melody is painted with (default 0)\n"
       "  --confidence C     pitch confidence needed, 0..1 (default 0.6)\n"
       "  --dry-run          print what would be written, change nothing\n"
       "Exit: 0 written, 1 bad file or no notes heard, 2 usage.\n"),
    RunTranscribe};

}  // namespace graphony::cli
