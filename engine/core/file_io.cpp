// Bounded file reading and atomic writing (temp file in the same directory, fsync, rename).
#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>

#include "core/limits.h"
#include "core/score_io.h"
#include "core/score_io_testing.h"

namespace graphony {

namespace {

std::atomic<uint64_t> g_max_entry_bytes{0};
std::atomic<int64_t> g_write_fault_after{-1};

std::string ErrnoText(int err) { return std::strerror(err); }

// write() until done; honours the test fault so we can check the old file survives.
bool WriteAll(int fd, const uint8_t* data, size_t size, int& err) {
  const int64_t fault_at = g_write_fault_after.load();
  size_t done = 0;
  while (done < size) {
    size_t chunk = size - done;
    if (fault_at >= 0) {
      if (done >= static_cast<uint64_t>(fault_at)) {
        err = ENOSPC;
        return false;
      }
      chunk = std::min<size_t>(chunk, static_cast<uint64_t>(fault_at) - done);
    }
    ssize_t n = ::write(fd, data + done, chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

// A save killed mid-way (power cut, kill -9) leaves its hidden temp file behind. Ones older
// than an hour cannot belong to a save still running, so the next successful save tidies them.
void RemoveStaleTemps(const std::filesystem::path& dir, const std::string& name) {
  const std::string prefix = "." + name + ".tmp-";
  std::error_code ec;
  const auto now = std::filesystem::file_time_type::clock::now();
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string file = entry.path().filename().string();
    if (file.size() != prefix.size() + 6 || file.compare(0, prefix.size(), prefix) != 0) continue;
    std::error_code time_ec;
    const auto written = entry.last_write_time(time_ec);
    if (!time_ec && now - written > std::chrono::hours(1))
      std::filesystem::remove(entry.path(), time_ec);
  }
}

}  // namespace

namespace testing {
void SetMaxEntryBytesForTesting(uint64_t bytes) { g_max_entry_bytes = bytes; }
void SetWriteFaultAfterBytesForTesting(int64_t bytes) { g_write_fault_after = bytes; }
}  // namespace testing

uint64_t MaxEntryBytes() {
  const uint64_t v = g_max_entry_bytes.load();
  return v ? v : kMaxEntryBytes;
}

std::vector<uint8_t> ReadFileBytes(const std::filesystem::path& path, const std::string& where,
                                   uint64_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw ScoreError(where + ": file not found");
  if (std::filesystem::is_directory(path, ec))
    throw ScoreError(where + ": is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScoreError(where + ": cannot open file (" + ErrnoText(errno) + ")");
  // Read in chunks and count: the size reported up front can change under us.
  std::vector<uint8_t> bytes;
  char buffer[1 << 16];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto n = static_cast<size_t>(in.gcount());
    if (bytes.size() + n > max_bytes)
      throw ScoreError(where + ": file is larger than " + std::to_string(max_bytes >> 20) + " MB");
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  if (in.bad()) throw ScoreError(where + ": read error");
  return bytes;
}

bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path.size() > 1024) return false;
  if (path[0] == '/' || path[0] == '\\') return false;
  if (path.find('\\') != std::string::npos) return false;
  if (path.find('\0') != std::string::npos) return false;
  if (path.size() >= 2 && path[1] == ':') return false;  // "C:..."
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string part = path.substr(start, end - start);
    if (part == "..") return false;
    start = end + 1;
  }
  return true;
}

void WriteFileAtomically(const std::filesystem::path& path, const void* data, size_t size) {
  const std::string where = path.string();
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  // A hidden name next to the target, so rename() stays within one filesystem.
  std::string temp_name = ".";
  temp_name += path.filename().string();
  temp_name += ".tmp-XXXXXX";
  std::string temp = (dir / temp_name).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) throw ScoreError(where + ": cannot write (" + ErrnoText(errno) + ")");
  // Keep the permissions of the file we replace; new files get the usual 0644.
  struct stat old_stat {};
  mode_t mode = 0644;
  if (::stat(where.c_str(), &old_stat) == 0) mode = old_stat.st_mode & 07777;
  (void)::fchmod(fd, mode);  // not fatal: the data matters more than the mode bits
  int err = 0;
  bool ok = WriteAll(fd, static_cast<const uint8_t*>(data), size, err);
  if (ok && ::fsync(fd) != 0) {
    err = errno;
    ok = false;
  }
  if (::close(fd) != 0 && ok) {
    err = errno;
    ok = false;
  }
  if (ok && ::rename(temp.c_str(), where.c_str()) != 0) {
    err = errno;
    ok = false;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    throw ScoreError(where + ": cannot write (" + ErrnoText(err) +
                     "); any previous file is unchanged");
  }
  RemoveStaleTemps(dir, path.filename().string());
  // The rename is only durable once the directory entry is on disk.
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

}  // namespace graphony
