// Suggested file names (from the title), start folders and new-folder checks for the browser.
#include "logic/file_suggestions.h"

#include <system_error>

#include "core/i18n.h"
#include "logic/text_format.h"

namespace graphony::editor {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxStemBytes = 80;

bool Forbidden(unsigned char c) {
  // Windows and FAT (USB sticks) refuse these; / would make a folder.
  return c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
         c == '"' || c == '<' || c == '>' || c == '|';
}

}  // namespace

std::string SafeFileStem(const std::string& title) {
  std::string out;
  bool space = false;
  for (unsigned char c : title) {
    if (Forbidden(c) || c == ' ') {
      space = !out.empty();  // forbidden characters become one space between words
      continue;
    }
    if (out.empty() && c == '.') continue;  // a leading dot hides the file
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  if (out.size() > kMaxStemBytes) {
    size_t cut = kMaxStemBytes;
    // Back up to the start of a UTF-8 letter (continuation bytes are 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  return out.empty() ? std::string("score") : out;
}

std::string SuggestFileName(const fs::path& folder, const std::string& title,
                            const std::string& ext) {
  const std::string stem = SafeFileStem(title);
  std::error_code ec;
  std::string name = stem + ext;
  for (int n = 2; n < 1000 && fs::exists(folder / name, ec); ++n)
    name = stem + " " + std::to_string(n) + ext;
  return name;
}

fs::path StartFolder(const fs::path& score_path, const std::string& last_folder,
                     const fs::path& home) {
  std::error_code ec;
  if (!score_path.empty()) {
    const fs::path own = score_path.parent_path();
    if (!own.empty() && fs::is_directory(own, ec)) return own;
  }
  if (!last_folder.empty() && fs::is_directory(last_folder, ec)) return last_folder;
  return home;
}

std::string FolderToRemember(const fs::path& chosen) {
  std::error_code ec;
  fs::path p = fs::absolute(chosen, ec);
  if (ec) return {};
  if (!fs::is_directory(p, ec)) p = p.parent_path();
  return p.lexically_normal().string();
}

std::string NewFolderProblem(const fs::path& parent, const std::string& name) {
  if (name.empty() || name.find_first_not_of(' ') == std::string::npos)
    return _("Type a name for the new folder first.");
  if (name == "." || name == "..") return Fmt(_("\"%s\" cannot be a folder's name."), name.c_str());
  for (unsigned char c : name)
    if (c == '/' || c < 0x20) return _("A folder's name cannot contain / or control characters.");
  if (name.size() > 200) return _("That name is too long for a folder.");
  std::error_code ec;
  if (fs::exists(parent / name, ec))
    return Fmt(_("There is already something called \"%s\" here."), name.c_str());
  return {};
}

std::string MakeFolder(const fs::path& parent, const std::string& name) {
  const std::string problem = NewFolderProblem(parent, name);
  if (!problem.empty()) return problem;
  std::error_code ec;
  if (!fs::create_directory(parent / name, ec) || ec)
    return Fmt(_("Cannot make the folder \"%s\" in %s: %s"), name.c_str(), parent.c_str(),
               ec ? ec.message().c_str() : _("it was not created"));
  return {};
}

}  // namespace graphony::editor
