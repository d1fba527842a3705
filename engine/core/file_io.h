// Reading whole files with a size bound, safe opening of files a score names, path checks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace graphony {

// Reads a whole file; throws ScoreError "<where>: ..." if it is missing, unreadable, not a
// regular file (a FIFO would block, a device never ends) or larger than max_bytes. The path
// may be a symlink: the person named it.
std::vector<uint8_t> ReadFileBytes(const std::filesystem::path& path, const std::string& where,
                                   uint64_t max_bytes);

// Reads `relative` (already IsSafeRelativePath) beneath `dir`, for files a plain score.json
// names: every folder on the way and the file itself must be real (no symlinks, opened with
// O_NOFOLLOW), and the file must be a regular file (fstat after open). Throws ScoreError.
std::vector<uint8_t> ReadFileInside(const std::filesystem::path& dir, const std::string& relative,
                                    const std::string& where, uint64_t max_bytes);

// Opens a file we are about to read as a score or bundle: regular files only, without ever
// blocking on a FIFO. Returns an fd the caller owns (close it). Throws ScoreError.
int OpenRegularFile(const std::filesystem::path& path, const std::string& where);

// A bundle entry or score-relative path we accept: relative, no "..", no backslash, no
// drive letter, not empty. Anything else could escape the folder it is unpacked into.
bool IsSafeRelativePath(const std::string& path);

}  // namespace graphony
