// The score.json format version this build reads and writes (see docs/score-format.md).
#pragma once

namespace graphony {

// Raise when a change would make older builds misread a file; they then refuse it clearly.
// 2: consent by purpose and keep-until per person; takes no longer store consent.
inline constexpr int kScoreFormatVersion = 2;

}  // namespace graphony
