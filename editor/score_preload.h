// PreloadScore: the score named on the command line, loading on a worker thread from the
// first moment, while the editor's window and OpenGL come up (each takes a good part of the
// wait for the first frame on a ward's old laptop).
#pragma once

#include <future>

#include "app.h"
#include "core/score.h"

namespace graphony::editor {

// LoadScore(options.file) started on a worker, or an empty future (valid() false) when the
// file is not a score to open: none named, a name not saved yet, a course, or the kiosk
// (--kiosk resolves the name inside its library first). Its get() rethrows a load error,
// in English: load again to say it in the person's language.
std::future<Score> PreloadScore(const AppOptions& options);

}  // namespace graphony::editor
