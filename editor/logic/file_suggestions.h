// File names and folders the browser and export suggest: named after the score's title, in the
// folder the person last used (not "my-score" in Home). No UI; unit tested.
#pragma once

#include <filesystem>
#include <string>

namespace graphony::editor {

// A file name stem made from a score's title that every file system and file manager takes:
// no / \ : * ? " < > | or control characters, no leading dots or spaces, spaces collapsed,
// at most 80 bytes (never cutting a UTF-8 letter in half). Letters in any script are kept.
// "score" when nothing is left.
std::string SafeFileStem(const std::string& title);

// "<stem><ext>" in `folder`, or "<stem> 2<ext>", "<stem> 3<ext>"... when that name is taken,
// so a suggestion never overwrites another score by accident. Returns the file name only.
std::string SuggestFileName(const std::filesystem::path& folder, const std::string& title,
                            const std::string& ext);

// Where a browser or export starts: the score's own folder when it has been saved (Save as,
// export), else the last folder the person used, else `home`; a folder that no longer
// exists (a USB stick taken out) is skipped.
std::filesystem::path StartFolder(const std::filesystem::path& score_path,
                                  const std::string& last_folder,
                                  const std::filesystem::path& home);

// The folder to remember after the person chose `chosen` (a file, or a folder itself).
std::string FolderToRemember(const std::filesystem::path& chosen);

// Checks a name typed for a new folder; "" when it can be made, else a one-line reason.
std::string NewFolderProblem(const std::filesystem::path& parent, const std::string& name);

// Makes the folder `name` inside `parent`; "" on success, else a one-line message naming
// the folder and the problem (never throws).
std::string MakeFolder(const std::filesystem::path& parent, const std::string& name);

}  // namespace graphony::editor
