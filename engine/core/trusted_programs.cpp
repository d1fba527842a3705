// The kiosk's program policy: a flag set once before threads start, and a fixed allow-list.
#include "core/trusted_programs.h"

#include <unistd.h>

#include <atomic>

namespace graphony {

namespace {
std::atomic<bool> g_trusted_only{false};  // process-wide policy, set once in main
}  // namespace

void RestrictToTrustedPrograms() { g_trusted_only.store(true); }

bool TrustedProgramsOnly() { return g_trusted_only.load(); }

std::string TrustedProgramPath(const std::string& name) {
  // Debian's paths, never PATH: a ward's user cannot put another "lilypond" first.
  for (const char* allowed : {"lilypond", "qpdf"}) {
    if (name != allowed) continue;
    const std::string path = std::string("/usr/bin/") + allowed;
    return access(path.c_str(), X_OK) == 0 ? path : std::string();
  }
  return {};
}

}  // namespace graphony
