// graphony-cli entry point: dispatches to subcommands and maps errors to exit codes.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "commands.h"
#include "core/i18n.h"
#include "core/score_io.h"

namespace graphony::cli {

double ParseNumber(const std::string& option, const std::string& text) {
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end == text.c_str() || *end != '\0')
    throw UsageError(Fill(_("{option} expects a number (got \"{text}\")"),
                          {{"option", option}, {"text", text}}));
  return value;
}

namespace {

const Command* const kCommands[] = {
    &kNewCommand,         &kValidateCommand, &kInfoCommand,      &kEventsCommand, &kRenderCommand,
    &kPlayCommand,        &kDevicesCommand,  &kExportCommand,    &kPrintCommand,  &kPeopleCommand,
    &kInstrumentsCommand, &kCourseCommand,   &kPortfolioCommand, &kShareCommand,  &kLogCommand,
    &kTranscribeCommand,  &kSampleCommand,   &kSoundfontCommand};

void PrintHelp() {
  std::printf("%s\n\n%s\n\n%s\n",
              Fill(_("graphony-cli {version} - compose music together from pictures"),
                   {{"version", GRAPHONY_VERSION}})
                  .c_str(),
              _("usage: graphony-cli COMMAND [options]"), _("commands:"));
  for (const Command* c : kCommands) std::printf("  %-11s %s\n", c->name, _(c->summary));
  std::printf("\n%s",
              _("'graphony-cli COMMAND --help' describes one command.\n"
                "Any command takes --soundfont FILE: the General MIDI soundfont (SF2/SF3) for GM\n"
                "instruments (default: $GRAPHONY_SOUNDFONT, else Debian's packaged one).\n"));
}

}  // namespace
}  // namespace graphony::cli

int main(int argc, char** argv) {
  using namespace graphony::cli;
  // Messages and printed pages follow LANGUAGE / LANG (a score's own language wins in print).
  graphony::i18n::Init();
  if (argc < 2) {
    PrintHelp();
    return kExitUsage;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintHelp();
    return kExitOk;
  }
  if (name == "--version") {
    std::printf("graphony-cli %s\n", GRAPHONY_VERSION);
    return kExitOk;
  }
  for (const Command* c : kCommands) {
    if (name != c->name) continue;
    Args args(name, std::vector<std::string>(argv + 2, argv + argc));
    if (args.WantsHelp()) {
      std::printf("%s", _(c->usage));
      return kExitOk;
    }
    try {
      // The soundfont reaches every engine through the environment (ChooseSoundfont).
      if (const auto soundfont = args.Option("--soundfont")) {
        std::FILE* f = std::fopen(soundfont->c_str(), "rb");
        if (!f) {
          std::fprintf(stderr, "%s: %s\n", soundfont->c_str(), _("cannot open the soundfont file"));
          return kExitFailure;
        }
        std::fclose(f);
        setenv("GRAPHONY_SOUNDFONT", soundfont->c_str(), 1);
      }
      return c->run(args);
    } catch (const UsageError& e) {
      std::fprintf(stderr, "graphony-cli %s\n", e.what());
      return kExitUsage;
    } catch (const graphony::ScoreError& e) {
      std::fprintf(stderr, "%s\n", e.what());
      return kExitFailure;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "graphony-cli %s: %s\n", name.c_str(), e.what());
      return kExitFailure;
    }
  }
  std::fprintf(stderr, "graphony-cli: %s\n",
               Fill(_("unknown command '{command}' (see --help)"), {{"command", name}}).c_str());
  return kExitUsage;
}
