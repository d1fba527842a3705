// Test seams for score files: lower the size bound and inject write failures. Tests only.
#pragma once

#include <cstdint>

namespace graphony::testing {

// Overrides kMaxEntryBytes (0 restores it) so a zip-bomb test needs no 512 MB entry.
void SetMaxEntryBytesForTesting(uint64_t bytes);
// Makes the next WriteFileAtomically calls fail (as a full disk would) once this many bytes
// of the temp file were written; -1 turns the fault off.
void SetWriteFaultAfterBytesForTesting(int64_t bytes);
// Reads score.json with nlohmann alone (true), as before simdjson, so a test can compare
// the two parsers' results and messages; false restores the fast path.
void SetScoreJsonNlohmannOnlyForTesting(bool on);

}  // namespace graphony::testing
