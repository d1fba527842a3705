// Courses in the editor: opening a course folder on its timeline, a new score in a session
// (with the course's people), and what the timeline's buttons ask for.
#include <system_error>

#include "app.h"
#include "core/people.h"
#include "core/score_defaults.h"
#include "core/score_io.h"
#include "course/course.h"
#include "text/ui_text.h"

namespace graphony::editor {

namespace fs = std::filesystem;

bool App::OpenCourse(const fs::path& path) {
  fs::path dir = path.filename() == kCourseFile ? path.parent_path() : path;
  std::error_code ec;
  dir = fs::absolute(dir, ec);
  if (jail_) {  // kiosk mode: a course in the library only
    const LibraryJail::Verdict v = jail_->Resolve(dir, {}, true);
    if (!v.ok()) {
      NotifyError(v.reason);
      return false;
    }
    dir = v.path;
  }
  try {
    course_view_.Open(dir, jail_ ? &*jail_ : nullptr);
  } catch (const std::exception& e) {
    NotifyError(e.what());  // a bad course.json: one line naming it; nothing else changes
    return false;
  }
  ui_.course_dir = dir;
  welcome_open_ = false;
  return true;
}

void App::NewScoreInSession(const fs::path& session) {
  NewDocument();
  // Dated on the session's day, as `graphony-cli course new-score` does.
  const std::string date = session.filename().string();
  if (IsIsoDate(date)) {
    doc_.score.date = date;
    doc_.score.title = NewScoreTitle(date);
  }
  // SaveDocument gives a score saved for the first time its course's people.
  if (SaveDocument(FreeScorePath(session, doc_.score.title))) course_view_.Close();
}

void App::DrawCourse(const PanelLayout& layout) {
  // Over the body (palette, canvas, side panel): the toolbar and the menus stay usable.
  const CourseAction action = course_view_.Draw(ui_, colors_, layout.body_y, layout.body_h);
  switch (action.kind) {
    case CourseAction::Kind::kNone:
      break;
    case CourseAction::Kind::kOpenScore:
      pending_path_ = action.path;
      RequestWithSavePrompt(Pending::kOpenPath);
      break;
    case CourseAction::Kind::kNewScore:
      pending_path_ = action.path;
      RequestWithSavePrompt(Pending::kNewInSession);
      break;
    case CourseAction::Kind::kPortfolio:
      ui_.commands.Push(AppCommand::kPortfolio);
      break;
    case CourseAction::Kind::kClose:
      course_view_.Close();
      break;
  }
}

}  // namespace graphony::editor
