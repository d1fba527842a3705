// AtomicFile and PrivateTempDir: temp file/folder, flock as a liveness mark, stale clean-up.
#include "core/temp_files.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace graphony {

namespace fs = std::filesystem;

namespace {

std::atomic<int64_t> g_write_fault_after{-1};

constexpr size_t kRandomChars = 6;  // mkstemp/mkdtemp's XXXXXX

bool IsTempSuffix(const std::string& name, size_t from) {
  if (name.size() != from + kRandomChars) return false;
  return std::all_of(name.begin() + static_cast<long>(from), name.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

// True if nobody holds an flock on `path`: the process that made it is gone. A path that
// cannot be opened (someone else's) is left alone.
bool Abandoned(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return free;
}

// Files an older writer without the lock left (".NAME.XXXXXX" from render, before there was
// one writer) are only taken when clearly old.
bool OldEnough(const fs::directory_entry& entry) {
  std::error_code ec;
  const auto written = entry.last_write_time(ec);
  return !ec && fs::file_time_type::clock::now() - written > std::chrono::hours(1);
}

void RemoveStaleTempFiles(const fs::path& dir, const std::string& name) {
  std::string legacy = ".";
  legacy += name;
  legacy += ".";
  const std::string ours = legacy + "tmp-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string file = entry.path().filename().string();
    std::error_code type_ec;
    if (!entry.is_regular_file(type_ec) || entry.is_symlink(type_ec)) continue;
    bool stale = false;
    if (file.compare(0, ours.size(), ours) == 0 && IsTempSuffix(file, ours.size()))
      stale = Abandoned(entry.path());
    else if (file.compare(0, legacy.size(), legacy) == 0 && IsTempSuffix(file, legacy.size()))
      stale = OldEnough(entry) && Abandoned(entry.path());
    if (stale) fs::remove(entry.path(), type_ec);
  }
}

void SyncFolder(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

namespace testing {
void SetAtomicWriteFaultAfterBytes(int64_t bytes) { g_write_fault_after = bytes; }
}  // namespace testing

bool AtomicFile::Open(const fs::path& path, std::string& error) {
  Discard();
  path_ = path;
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  RemoveStaleTempFiles(dir, path.filename().string());
  // A hidden name next to the target, so rename() stays within one filesystem.
  std::string name = ".";  // appended piecewise: GCC 12 warns falsely (-Wrestrict) on a + b + c
  name += path.filename().string();
  name += ".tmp-XXXXXX";
  std::string temp = (dir / name).string();
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  // Held until close: marks the file as in use for RemoveStaleTempFiles in other processes.
  (void)::flock(fd, LOCK_EX | LOCK_NB);
  // mkstemp makes the file private (0600); keep the mode of the file we replace.
  struct stat old_stat {};
  mode_t mode = 0644;
  if (::stat(path.c_str(), &old_stat) == 0) mode = old_stat.st_mode & 07777;
  (void)::fchmod(fd, mode);  // not fatal: the data matters more than the mode bits
  fd_ = fd;
  temp_ = temp;
  return true;
}

bool AtomicFile::Write(const void* data, size_t size, std::string& error) {
  const auto* bytes = static_cast<const uint8_t*>(data);
  const int64_t fault_at = g_write_fault_after.load();
  const off_t start = ::lseek(fd_, 0, SEEK_CUR);
  size_t done = 0;
  while (done < size) {
    size_t chunk = size - done;
    if (fault_at >= 0) {
      const auto written = static_cast<int64_t>(start) + static_cast<int64_t>(done);
      if (written >= fault_at) {
        error = std::strerror(ENOSPC);
        return false;
      }
      chunk = std::min<size_t>(chunk, static_cast<size_t>(fault_at - written));
    }
    const ssize_t n = ::write(fd_, bytes + done, chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

bool AtomicFile::Commit(std::string& error) {
  if (fd_ < 0) {
    error = "nothing to write";
    return false;
  }
  bool ok = true;
  if (::fsync(fd_) != 0) {
    error = std::strerror(errno);
    ok = false;
  }
  if (::close(fd_) != 0 && ok) {
    error = std::strerror(errno);
    ok = false;
  }
  fd_ = -1;
  if (ok && ::rename(temp_.c_str(), path_.c_str()) != 0) {
    error = std::strerror(errno);
    ok = false;
  }
  if (!ok) {
    Discard();
    return false;
  }
  temp_.clear();
  // The rename is only durable once the folder entry is on disk.
  SyncFolder(path_.has_parent_path() ? path_.parent_path() : fs::path("."));
  return true;
}

void AtomicFile::Discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
}

PrivateTempDir::PrivateTempDir(const std::string& prefix) {
  std::error_code ec;
  const fs::path tmp = fs::temp_directory_path(ec);
  if (ec) return;
  // Folders of killed runs: their .owner lock is free. Ones without an .owner (made before
  // there was a lock) are taken only when clearly old.
  for (const auto& entry : fs::directory_iterator(tmp, ec)) {
    const std::string name = entry.path().filename().string();
    std::error_code type_ec;
    if (name.compare(0, prefix.size() + 1, prefix + "-") != 0 ||
        !IsTempSuffix(name, prefix.size() + 1) || entry.is_symlink(type_ec) ||
        !entry.is_directory(type_ec))
      continue;
    const fs::path owner = entry.path() / ".owner";
    const bool stale = fs::exists(owner, type_ec) ? Abandoned(owner) : OldEnough(entry);
    if (stale) fs::remove_all(entry.path(), type_ec);
  }
  std::string pattern = (tmp / (prefix + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) return;
  lock_fd_ = ::open((fs::path(pattern) / ".owner").c_str(),
                    O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (lock_fd_ >= 0) (void)::flock(lock_fd_, LOCK_EX | LOCK_NB);
  path_ = pattern;
}

PrivateTempDir::~PrivateTempDir() {
  std::error_code ec;
  if (!path_.empty()) fs::remove_all(path_, ec);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

}  // namespace graphony
