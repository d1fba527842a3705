// The score.json format version this build reads and writes (see docs/score-format.md).
#pragma once

namespace graphony {

// Raise when a change would make older builds misread a file; they then refuse it clearly.
inline constexpr int kScoreFormatVersion = 1;

}  // namespace graphony
