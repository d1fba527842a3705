// Kiosk mode's library jail: every path the editor is given is canonicalised and refused
// unless it lies inside the library folder (no other paths, hidden files, `..` or symlinks out).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace graphony::editor {

class LibraryJail {
 public:
  // The library folder `root` made canonical; nullopt with `error` set when it is not a
  // folder that can be read.
  static std::optional<LibraryJail> Make(const std::filesystem::path& root, std::string& error);

  const std::filesystem::path& Root() const { return root_; }

  struct Verdict {
    std::filesystem::path path;  // canonical, inside the library (when reason is empty)
    std::string reason;          // why it was refused, one line for the person; empty: allowed
    bool ok() const { return reason.empty(); }
  };
  // `typed` as a person typed or clicked it; relative paths are taken from `base` (a folder
  // already inside). `must_exist`: opening; otherwise a new file (saving) is allowed too,
  // but only in a folder that exists inside the library.
  Verdict Resolve(const std::filesystem::path& typed, const std::filesystem::path& base,
                  bool must_exist) const;
  // True when the canonical `path` is the library or lies under it.
  bool Contains(const std::filesystem::path& canonical) const;
  // Whether a folder's entry is listed: not hidden, and a symlink only when it stays inside.
  bool Shows(const std::filesystem::path& entry) const;

 private:
  explicit LibraryJail(std::filesystem::path root) : root_(std::move(root)) {}
  std::filesystem::path root_;
};

}  // namespace graphony::editor
