// LibraryJail: a lexical check of what was typed, then the canonical path (symlinks resolved)
// compared component by component with the library's.
#include "logic/library_jail.h"

#include <system_error>

#include "core/i18n.h"
#include "logic/text_format.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

constexpr const char* kOutside = N_("Only the library folder can be used here.");

// Hidden names, "." and ".." are refused as typed, before anything touches the disk: a path
// that wanders out and back in is still refused (nothing to explain, nothing to probe).
std::string LexicalProblem(const fs::path& typed) {
  for (const fs::path& part : typed.relative_path()) {
    const std::string name = part.string();
    if (name == "..") return _("Paths with \"..\" are not allowed here.");
    if (!name.empty() && name[0] == '.') return _("Hidden files and folders are not shown here.");
  }
  return {};
}

}  // namespace

std::optional<LibraryJail> LibraryJail::Make(const fs::path& root, std::string& error) {
  std::error_code ec;
  fs::path canon = fs::canonical(root, ec);
  if (ec || !fs::is_directory(canon, ec)) {
    error = root.string() + _(": not a folder that can be opened") +
            (ec ? " (" + ec.message() + ")" : std::string());
    return std::nullopt;
  }
  return LibraryJail(canon);
}

bool LibraryJail::Contains(const fs::path& canonical) const {
  auto r = root_.begin();
  auto p = canonical.begin();
  for (; r != root_.end(); ++r, ++p)
    if (p == canonical.end() || *p != *r) return false;
  return true;
}

LibraryJail::Verdict LibraryJail::Resolve(const fs::path& typed, const fs::path& base,
                                          bool must_exist) const {
  Verdict v;
  if (typed.empty()) {
    v.reason = _("No file name was given.");
    return v;
  }
  if (std::string problem = LexicalProblem(typed); !problem.empty()) {
    v.reason = problem;
    return v;
  }
  fs::path full = typed.is_absolute() ? typed : base / typed;
  if (!typed.is_absolute() && (base.empty() || !Contains(base))) full = root_ / typed;
  std::error_code ec;
  const fs::file_status link = fs::symlink_status(full, ec);
  const bool exists = fs::exists(fs::status(full, ec));
  if (fs::is_symlink(link) && !exists) {  // dangling: writing would create its target
    v.reason = _(kOutside);
    return v;
  }
  if (must_exist && !exists) {
    v.reason = Fmt(_("No file called %s here."), full.filename().c_str());
    return v;
  }
  // Existing paths: every symlink resolved. New files: their folder must exist (resolved).
  fs::path canon =
      exists ? fs::canonical(full, ec) : fs::canonical(full.parent_path(), ec) / full.filename();
  if (ec) {
    v.reason = _("That folder does not exist.");
    return v;
  }
  if (!Contains(canon)) {
    v.reason = _(kOutside);
    return v;
  }
  v.path = canon;
  return v;
}

bool LibraryJail::Shows(const fs::path& entry) const {
  const std::string name = entry.filename().string();
  if (name.empty() || name[0] == '.') return false;
  std::error_code ec;
  if (!fs::is_symlink(fs::symlink_status(entry, ec))) return !ec;
  const fs::path target = fs::canonical(entry, ec);
  return !ec && Contains(target);
}

}  // namespace graphony::editor
