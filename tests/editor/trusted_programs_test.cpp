// Kiosk mode's program allow-list: LilyPond and qpdf from /usr/bin, nothing else, never PATH.
#include "core/trusted_programs.h"

#include <doctest/doctest.h>
#include <unistd.h>

using graphony::TrustedProgramPath;

TEST_CASE("only lilypond and qpdf are trusted, by their /usr/bin paths") {
  if (access("/usr/bin/lilypond", X_OK) == 0)
    CHECK(TrustedProgramPath("lilypond") == "/usr/bin/lilypond");
  if (access("/usr/bin/qpdf", X_OK) == 0) CHECK(TrustedProgramPath("qpdf") == "/usr/bin/qpdf");
  for (const char* other : {"fc-match", "sh", "gs", "curl", "", "/usr/bin/lilypond", "../lilypond"})
    CHECK(TrustedProgramPath(other).empty());
}
