// TempDir: a fresh folder under the system temp dir, removed with its contents at scope end.
#pragma once

#include <filesystem>
#include <string>

namespace graphony::test {

class TempDir {
 public:
  // `prefix` names the folder (graphony-<prefix>-XXXXXX) so a leftover one says who made it.
  explicit TempDir(const std::string& prefix = "test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& Path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace graphony::test
