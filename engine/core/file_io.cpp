// Bounded, regular-files-only reading (no FIFOs, devices, or symlinks inside a score's folder),
// and WriteFileAtomically on top of the one AtomicFile writer.
#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/limits.h"
#include "core/score_io.h"
#include "core/score_io_testing.h"
#include "core/temp_files.h"

namespace graphony {

namespace {

std::atomic<uint64_t> g_max_entry_bytes{0};

std::string ErrnoText(int err) { return std::strerror(err); }

// Closes on scope exit.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

std::string KindText(mode_t mode) {
  if (S_ISDIR(mode)) return _("is a folder, not a file");
  if (S_ISFIFO(mode)) return _("is a pipe (FIFO), not a regular file");
  if (S_ISSOCK(mode)) return _("is a socket, not a regular file");
  if (S_ISCHR(mode) || S_ISBLK(mode)) return _("is a device, not a regular file");
  if (S_ISLNK(mode)) return _("is a symbolic link, which a score may not name");
  return _("is not a regular file");
}

std::string OpenErrorText(int err) {
  if (err == ENOENT) return _("file not found");
  if (err == ELOOP) return _("is a symbolic link, which a score may not name");
  return i18n::Fill(_("cannot open the file ({reason})"), {{"reason", ErrnoText(err)}});
}

// fstat after open: what we opened is what we read, whatever the name pointed to before.
void RequireRegular(int fd, const std::string& where) {
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    throw ScoreError(where + ": " +
                     i18n::Fill(_("cannot read ({reason})"), {{"reason", ErrnoText(errno)}}));
  if (!S_ISREG(st.st_mode)) throw ScoreError(where + ": " + KindText(st.st_mode));
  // O_NONBLOCK only kept the open from waiting on a FIFO; reads should block normally.
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) (void)::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
}

// Read in chunks and count: the size reported up front can change under us.
std::vector<uint8_t> ReadAll(int fd, const std::string& where, uint64_t max_bytes) {
  std::vector<uint8_t> bytes;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0 && static_cast<uint64_t>(st.st_size) <= max_bytes)
    bytes.reserve(static_cast<size_t>(st.st_size));
  uint8_t buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw ScoreError(where + ": " +
                       i18n::Fill(_("read error ({reason})"), {{"reason", ErrnoText(errno)}}));
    }
    if (n == 0) break;
    if (bytes.size() + static_cast<uint64_t>(n) > max_bytes)
      throw ScoreError(where + ": " +
                       i18n::Fill(_("file is larger than {megabytes} MB"),
                                  {{"megabytes", std::to_string(max_bytes >> 20)}}));
    bytes.insert(bytes.end(), buffer, buffer + n);
  }
  return bytes;
}

}  // namespace

namespace testing {
void SetMaxEntryBytesForTesting(uint64_t bytes) { g_max_entry_bytes = bytes; }
void SetWriteFaultAfterBytesForTesting(int64_t bytes) { SetAtomicWriteFaultAfterBytes(bytes); }
}  // namespace testing

uint64_t MaxEntryBytes() {
  const uint64_t v = g_max_entry_bytes.load();
  return v ? v : kMaxEntryBytes;
}

int OpenRegularFile(const std::filesystem::path& path, const std::string& where) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) throw ScoreError(where + ": " + OpenErrorText(errno));
  try {
    RequireRegular(fd, where);
  } catch (...) {
    ::close(fd);
    throw;
  }
  return fd;
}

std::vector<uint8_t> ReadFileBytes(const std::filesystem::path& path, const std::string& where,
                                   uint64_t max_bytes) {
  const Fd file(OpenRegularFile(path, where));
  return ReadAll(file.fd, where, max_bytes);
}

std::vector<uint8_t> ReadFileInside(const std::filesystem::path& dir, const std::string& relative,
                                    const std::string& where, uint64_t max_bytes) {
  if (!IsSafeRelativePath(relative))
    throw ScoreError(where + ": " + _("names a file outside the score's folder"));
  // The score's own folder was named by the person; from there on every step is checked.
  Fd current(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (current.fd < 0)
    throw ScoreError(
        where + ": " +
        i18n::Fill(_("cannot open the score's folder ({reason})"), {{"reason", ErrnoText(errno)}}));
  size_t start = 0;
  for (;;) {
    const size_t slash = relative.find('/', start);
    const std::string part =
        relative.substr(start, slash == std::string::npos ? slash : slash - start);
    const bool last = slash == std::string::npos;
    if (part.empty() || part == ".") {
      if (last) throw ScoreError(where + ": " + _("is a folder, not a file"));
      start = slash + 1;
      continue;
    }
    const int flags = last ? O_RDONLY | O_NONBLOCK | O_NOCTTY : O_RDONLY | O_DIRECTORY;
    const int next = ::openat(current.fd, part.c_str(), flags | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0) {
      const int err = errno;
      if (!last && err == ENOTDIR)
        throw ScoreError(
            where + ": " +
            i18n::Fill(_("{name} is not a folder (or is a symbolic link)"), {{"name", part}}));
      throw ScoreError(where + ": " + OpenErrorText(err));
    }
    if (last) {
      const Fd file(next);
      RequireRegular(file.fd, where);
      return ReadAll(file.fd, where, max_bytes);
    }
    ::close(current.fd);
    current.fd = next;
    start = slash + 1;
  }
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
  AtomicFile file;
  std::string error;
  if (!file.Open(path, error))
    throw ScoreError(path.string() + ": " +
                     i18n::Fill(_("cannot write ({reason})"), {{"reason", error}}));
  if (!file.Write(data, size, error) || !file.Commit(error))
    throw ScoreError(path.string() + ": " +
                     i18n::Fill(_("cannot write ({reason}); any previous file is unchanged"),
                                {{"reason", error}}));
}

}  // namespace graphony
