// PreloadScore (see score_preload.h).
#include "logic/score_preload.h"

#include "core/i18n.h"
#include "core/score_io.h"
#include "course/course.h"  // kCourseFile only

namespace graphony::editor {

std::future<Score> PreloadScore(const std::filesystem::path& file, bool kiosk) {
  if (file.empty() || kiosk) return {};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec) || file.filename() == kCourseFile) return {};
  return std::async(std::launch::async, [file] {
    i18n::ScopedLanguage english("en");  // no gettext (nor its LANGUAGE) on this thread
    return LoadScore(file);
  });
}

}  // namespace graphony::editor
