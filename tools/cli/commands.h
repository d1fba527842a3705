// The graphony-cli subcommands: one function per command, each in its own cmd_*.cpp.
#pragma once

#include "cli_args.h"

namespace graphony::cli {

struct Command {
  const char* name;
  const char* summary;
  const char* usage;  // full --help text
  int (*run)(Args& args);
};

// Each cmd_*.cpp defines one of these.
extern const Command kNewCommand;
extern const Command kValidateCommand;
extern const Command kInfoCommand;
extern const Command kEventsCommand;
extern const Command kRenderCommand;
extern const Command kPlayCommand;
extern const Command kDevicesCommand;
extern const Command kExportCommand;
extern const Command kPrintCommand;
extern const Command kPeopleCommand;
extern const Command kInstrumentsCommand;
extern const Command kCourseCommand;  // courses (issue 18)
extern const Command kPortfolioCommand;
extern const Command kShareCommand;
extern const Command kLogCommand;
extern const Command kTranscribeCommand;
extern const Command kSampleCommand;
extern const Command kSoundfontCommand;

}  // namespace graphony::cli
