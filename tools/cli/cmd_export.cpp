// graphony-cli export: writes the score as MusicXML, a Standard MIDI File or LilyPond source.
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "core/score_io.h"
#include "export/export_job.h"
#include "notation/export.h"

namespace graphony::cli {

namespace {

int RunExport(Args& args) {
  const auto out = args.Option("-o");
  const auto paper = args.Option("--paper").value_or("a4");
  const std::vector<std::string> files = args.Positionals();
  if (files.size() != 1 || !out)
    throw UsageError("export", _("usage: graphony-cli export FILE -o OUT.musicxml|OUT.mid|OUT.ly"));
  if (notation::ExportFormatOf(*out) == notation::ExportFormat::kUnknown)
    throw UsageError("export", *out + ": " + _("the output must end in .musicxml, .mid or .ly"));
  if (paper != "a4" && paper != "letter") throw UsageError("export", _("--paper is a4 or letter"));
  const Score score = LoadScore(files[0]);
  ExportRequest request;
  request.out = *out;
  request.paper = paper;
  const notation::NotationScore ns = RunExportJob(score, request).notation;
  size_t notes = 0;
  for (const auto& part : ns.parts) notes += part.notes.size();
  std::printf(
      "%s\n",
      Fill(_("wrote {file}: {parts}, {bars}, {notes} notes"),
           {{"file", *out},
            {"parts", Plural("{n} part", "{n} parts", ns.parts.size())},
            {"bars", Plural("{n} bar", "{n} bars", static_cast<unsigned long>(ns.measure_count))},
            {"notes", std::to_string(notes)}})
          .c_str());
  return kExitOk;
}

}  // namespace

const Command kExportCommand = {
    "export", N_("write MusicXML, MIDI or LilyPond notation"),
    N_("usage: graphony-cli export FILE -o OUT.musicxml|OUT.mid|OUT.ly [--paper a4|letter]\n\n"
       "Writes what the score plays as notation, from the same interpreted events as playback:\n"
       "  .musicxml  MusicXML 3.1 for MuseScore and other notation programs (parts, instruments,\n"
       "             MIDI programs, title and credits)\n"
       "  .mid       Standard MIDI File type 1: a tempo track and one track per instrument\n"
       "  .ly        LilyPond source (engrave with: lilypond OUT.ly)\n"
       "Notes are quantised to the score's grid and meter, at most two voices per instrument.\n"
       "Credits name only contributors who agreed to be named. The file is replaced atomically.\n"),
    RunExport};

}  // namespace graphony::cli
