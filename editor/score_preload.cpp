// PreloadScore (see score_preload.h).
#include "score_preload.h"

#include <filesystem>

#include "core/i18n.h"
#include "core/score_io.h"
#include "course/course.h"

namespace graphony::editor {

std::future<Score> PreloadScore(const AppOptions& options) {
  const std::filesystem::path& file = options.file;
  if (file.empty() || !options.kiosk_library.empty()) return {};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec) || file.filename() == kCourseFile) return {};
  return std::async(std::launch::async, [file] {
    // No gettext on this thread (the UI thread may change the language meanwhile): a load
    // that fails is loaded again on the UI thread, whose message is in the chosen language.
    i18n::ScopedLanguage english("en");
    return LoadScore(file);
  });
}

}  // namespace graphony::editor
