// Shared by the fuzz targets: a bounded picture budget and in-memory files for path-based loaders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace graphony::fuzz {

// Once per process: a 256 MB picture budget, so no input can ask for more than libFuzzer's
// 2 GB RSS limit through decoding alone.
void Setup();

// An anonymous in-memory file (memfd) holding `data`, named by a /proc/self/fd path that
// LoadScore can open like any regular file. Closed on destruction.
class MemoryFile {
 public:
  MemoryFile(const uint8_t* data, size_t size);
  ~MemoryFile();
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  const std::string& Path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace graphony::fuzz
