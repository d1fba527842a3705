// Which external programs Graphony may run: any on PATH normally, only LilyPond and qpdf from
// /usr/bin in kiosk mode (a secure ward: no PATH lookups, no helper programs, no shell).
#pragma once

#include <string>

namespace graphony {

// Thread rules: call once at start-up, before any thread is started (main, kiosk mode).
// From then on only lilypond and qpdf run, by their absolute /usr/bin paths.
void RestrictToTrustedPrograms();
// Any thread. True after RestrictToTrustedPrograms().
bool TrustedProgramsOnly();
// The absolute path a trusted program is run from ("lilypond" -> "/usr/bin/lilypond");
// empty for any other name or when it is not installed there.
std::string TrustedProgramPath(const std::string& name);

}  // namespace graphony
