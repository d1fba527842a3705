// Reading whole files with a size bound, and path checks shared by the score readers/writers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace graphony {

// Reads a whole file; throws ScoreError "<where>: ..." if it is missing, unreadable or
// larger than max_bytes.
std::vector<uint8_t> ReadFileBytes(const std::filesystem::path& path, const std::string& where,
                                   uint64_t max_bytes);

// A bundle entry or score-relative path we accept: relative, no "..", no backslash, no
// drive letter, not empty. Anything else could escape the folder it is unpacked into.
bool IsSafeRelativePath(const std::string& path);

}  // namespace graphony
