// The zip layer of .graphony bundles: safe, bounded reading and deterministic writing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace graphony {

using Bytes = std::vector<uint8_t>;
using BundleEntries = std::map<std::string, std::shared_ptr<const Bytes>>;

// Reads every file entry of the zip at `path`. Refuses the whole bundle if any entry name is
// absolute or contains "..", and any entry whose *actual* uncompressed bytes exceed
// MaxEntryBytes() (headers can lie). Every file entry is kept: images/, samples/ and
// recordings/ are the convention, but a score made from a plain score.json may name files
// elsewhere. Throws ScoreError prefixed with `where`.
BundleEntries ReadZipBundle(const std::filesystem::path& path, const std::string& where);

// Builds zip bytes in memory: entries in the given order, fixed timestamps, so equal input
// gives equal bytes. Already-compressed formats (PNG, JPEG, OGG...) are stored, others deflated.
Bytes WriteZipBundle(
    const std::vector<std::pair<std::string, std::shared_ptr<const Bytes>>>& entries,
    const std::string& where);

}  // namespace graphony
