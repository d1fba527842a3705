// PreloadScore: the score named on the command line, loading on a worker thread from the
// first moment, while the editor's window and OpenGL come up (each takes a good part of the
// wait for the first frame on a ward's old laptop).
#pragma once

#include <filesystem>
#include <future>

#include "core/score.h"

namespace graphony::editor {

// LoadScore(file) started on a worker, or an empty future (valid() false) when `file` is not
// a score to open: none named, a name not saved yet, a folder or course.json (a course), or
// in the kiosk (which resolves the name inside its library first). get() rethrows a load
// error in English (the worker uses no gettext while the UI thread may change the language):
// load again on the UI thread to say it in the person's language.
std::future<Score> PreloadScore(const std::filesystem::path& file, bool kiosk);

}  // namespace graphony::editor
