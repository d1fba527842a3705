// graphony-cli instruments: every instrument of the table, grouped by family, with its voice
// (the engine's own, or a General MIDI program from the soundfont), clef, range and transposition.
#include <cstdio>
#include <string>

#include "commands.h"
#include "core/instrument_traits.h"
#include "core/pitch.h"
#include "synth/soundfont.h"

namespace graphony::cli {

namespace {

const char* ClefName(const InstrumentTraits& t) {
  if (!t.clef) return _("by notes");
  switch (*t.clef) {
    case Clef::kTreble:
      return _("treble");
    case Clef::kBass:
      return _("bass");
    case Clef::kPercussion:
      return _("percussion");
  }
  return "?";
}

std::string Voice(const InstrumentTraits& t) {
  if (t.kind != InstrumentKind::kGeneralMidi) return _("engine voice");
  if (t.gm_bank == 128) return Fill(_("GM drum kit {n}"), {{"n", std::to_string(t.gm_program)}});
  // 1-based, as GM lists them
  return Fill(_("GM program {n}"), {{"n", std::to_string(t.gm_program + 1)}});
}

int RunInstruments(Args& args) {
  const bool chamber_only = args.Flag("--chamber");
  if (!args.Positionals().empty()) throw UsageError("instruments", _("takes no arguments"));
  const std::string soundfont = ChooseSoundfont("");
  std::printf("%s\n", Fill(_("soundfont: {soundfont}"),
                           {{"soundfont", soundfont.empty()
                                              ? std::string(_("none found: GM instruments play "
                                                              "with the engine's own voices"))
                                              : soundfont}})
                          .c_str());
  for (InstrumentFamily family : AllFamilies()) {
    bool header = false;
    for (const InstrumentTraits& t : AllInstruments()) {
      if (t.family != family || (chamber_only && !IsChamberInstrument(t))) continue;
      if (!header) {
        std::printf("\n%s\n", std::string(FamilyName(family)).c_str());
        header = true;
      }
      std::string range = NoteName(t.lowest_midi) + ".." + NoteName(t.highest_midi);
      std::string transposition =
          t.transposition == 0
              ? ""
              : "  " + Fill(_("sounds {n} st"), {{"n", std::to_string(t.transposition)}});
      std::printf("  %-28s %-30s %-16s %-10s %-9s%s%s\n", std::string(t.name).c_str(),
                  std::string(t.display_name).c_str(), Voice(t).c_str(), ClefName(t), range.c_str(),
                  transposition.c_str(),
                  IsChamberInstrument(t) ? (std::string("  ") + _("(chamber)")).c_str() : "");
    }
  }
  return kExitOk;
}

}  // namespace

const Command kInstrumentsCommand = {
    "instruments", N_("list the instruments a palette entry can play, by family"),
    N_("usage: graphony-cli instruments [--chamber]\n\n"
       "Lists every instrument id a palette entry can name, grouped by family: its display name,\n"
       "its voice (one of the engine's own, or a General MIDI program played from the soundfont),\n"
       "the clef it is written in, its sounding range, and its transposition (\"sounds -2 st\":\n"
       "a clarinet in B-flat sounds a tone below what is written). --chamber lists only the\n"
       "chamber set (cello, violin, clarinet, flute, harp, double bass, marimba, glockenspiel,\n"
       "piano).\n\n"
       "The soundfont is the file given with --soundfont FILE (any command) or "
       "$GRAPHONY_SOUNDFONT,\n"
       "else the first installed of musescore-general-soundfont-small, timgm6mb-soundfont,\n"
       "fluid-soundfont-gm. Without one, GM instruments play with the engine's own voices.\n"),
    RunInstruments};

}  // namespace graphony::cli
