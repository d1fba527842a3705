// The one atomic-file writer and the one private temp folder, each tidying what killed runs left.
#pragma once

#include <filesystem>
#include <string>

namespace graphony {

// Replaces a file safely: writes a hidden ".NAME.tmp-XXXXXX" next to it (same filesystem),
// then fsync, rename over NAME, fsync the folder. Until Commit() the old file is untouched;
// a failure or destruction without Commit() removes the temp file. The temp file is held
// under an flock while open, so a later Open() can tell leftovers of killed runs (lock free)
// from files still being written by someone else (locked), and removes the leftovers.
// Used by score saves, rendered audio, recordings and every other file we replace.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile() { Discard(); }
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the temp file with the mode of the file it will replace (new files: 0644).
  // False with `error` set to a plain reason ("Permission denied") on failure.
  bool Open(const std::filesystem::path& path, std::string& error);
  // The temp file's descriptor, for writers that stream (libsndfile's sf_open_fd).
  int Fd() const { return fd_; }
  const std::filesystem::path& Path() const { return path_; }
  // write() until done; false with `error` set (ENOSPC reads "No space left on device").
  bool Write(const void* data, size_t size, std::string& error);
  // fsync, close, rename into place, fsync the folder. False with `error` set; the temp file
  // is then removed and the old file is unchanged.
  bool Commit(std::string& error);
  // Removes the temp file (no-op after Commit()).
  void Discard();

 private:
  std::filesystem::path path_;
  std::string temp_;
  int fd_ = -1;
};

// A private folder "$TMPDIR/PREFIX-XXXXXX" for one job (LilyPond, PDF merging), removed with
// its contents on destruction. Like AtomicFile it holds an flock (on PREFIX-XXXXXX/.owner), so
// creating one removes folders of the same prefix left by killed runs.
class PrivateTempDir {
 public:
  explicit PrivateTempDir(const std::string& prefix);
  ~PrivateTempDir();
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;
  bool Ok() const { return !path_.empty(); }  // false if the folder could not be made
  const std::filesystem::path& Path() const { return path_; }

 private:
  std::filesystem::path path_;
  int lock_fd_ = -1;
};

namespace testing {
// Makes AtomicFile::Write fail (as a full disk would) once this many bytes were written by
// it; -1 turns the fault off.
void SetAtomicWriteFaultAfterBytes(int64_t bytes);
}  // namespace testing

}  // namespace graphony
